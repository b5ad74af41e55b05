/// A flag's value: whether it is on, and for what share of subjects.
///
/// Codable as `{"enabled": true, "rolloutPercentage": 100}`; decoding refuses
/// a percentage outside 0...100. Storage keeps one per flag, and emergency
/// disable saves the states it overwrites as `[FeatureFlag: FlagState]`.
public struct FlagState: Sendable, Hashable, Codable {
    /// Whether the flag is on at all.
    public let enabled: Bool
    /// The share of subjects, 0...100, the flag is on for when enabled.
    public let rolloutPercentage: Int

    /// Creates a state; the percentage is clamped to 0...100.
    public init(enabled: Bool, rolloutPercentage: Int = Rollout.maximumPercentage) {
        self.enabled = enabled
        self.rolloutPercentage = min(
            max(rolloutPercentage, Rollout.minimumPercentage),
            Rollout.maximumPercentage
        )
    }

    /// Decodes a state, refusing a percentage outside 0...100.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let enabled = try container.decode(Bool.self, forKey: .enabled)
        let percentage =
            try container.decodeIfPresent(Int.self, forKey: .rolloutPercentage)
            ?? Rollout.maximumPercentage
        guard (Rollout.minimumPercentage...Rollout.maximumPercentage).contains(percentage) else {
            throw DecodingError.dataCorruptedError(
                forKey: .rolloutPercentage,
                in: container,
                debugDescription: "rollout percentage must be from 0 to 100 (got \(percentage))"
            )
        }
        self.init(enabled: enabled, rolloutPercentage: percentage)
    }

    /// The same state, switched on or off; the percentage is kept.
    public func enabled(_ isOn: Bool) -> FlagState {
        FlagState(enabled: isOn, rolloutPercentage: rolloutPercentage)
    }

    /// The same state with another rollout percentage (clamped to 0...100).
    public func rollout(_ percentage: Int) -> FlagState {
        FlagState(enabled: enabled, rolloutPercentage: percentage)
    }

    private enum CodingKeys: String, CodingKey {
        case enabled
        case rolloutPercentage
    }
}
