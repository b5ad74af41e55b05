import Foundation

/// Every flag's state at one moment, as loaded from the flag store.
///
/// An immutable value: changes make a new snapshot. It always holds all six
/// flags (those the store does not mention have their default), so reading
/// one never fails. Workers evaluate flags from a snapshot only, with no
/// I/O, and replace it when the store reports a change.
public struct FlagSnapshot: Sendable, Hashable, Codable {
    /// The store's version of the flags; 0 for ``defaults``.
    ///
    /// It lets a process tell a newer snapshot from the one it has.
    public let version: Int64
    /// When the snapshot was read from the store; `nil` for ``defaults``.
    public let loadedAt: Date?
    /// Every flag's state, all six present.
    public let states: [FeatureFlag: FlagState]

    /// Every flag at its default, version 0, never loaded.
    public static let defaults = FlagSnapshot()

    /// Creates a snapshot; flags absent from `states` take their default.
    public init(
        states: [FeatureFlag: FlagState] = [:],
        version: Int64 = 0,
        loadedAt: Date? = nil
    ) {
        var complete: [FeatureFlag: FlagState] = [:]
        for flag in FeatureFlag.allCases {
            complete[flag] = states[flag] ?? flag.defaultState
        }
        self.states = complete
        self.version = version
        self.loadedAt = loadedAt
    }

    /// The state of one flag.
    public subscript(flag: FeatureFlag) -> FlagState {
        states[flag] ?? flag.defaultState
    }

    /// Whether a flag is on, ignoring its rollout percentage.
    public func isEnabled(_ flag: FeatureFlag) -> Bool {
        self[flag].enabled
    }

    /// Whether a flag is on for a subject: enabled, and the subject inside
    /// its rollout.
    ///
    /// The emergency switch has no rollout: it is on for every subject or
    /// for none.
    public func isEnabled(_ flag: FeatureFlag, for subject: String) -> Bool {
        let state = self[flag]
        guard state.enabled else {
            return false
        }
        guard flag.hasRollout else {
            return true
        }
        return Rollout.isEnabled(
            flag: flag,
            subject: subject,
            percentage: state.rolloutPercentage
        )
    }

    /// Whether the emergency switch is on.
    public var isEmergencyActive: Bool {
        isEnabled(.emergencyFallback)
    }

    /// A copy with one flag changed; version and load time are kept.
    public func setting(_ flag: FeatureFlag, to state: FlagState) -> FlagSnapshot {
        var changed = states
        changed[flag] = state
        return FlagSnapshot(states: changed, version: version, loadedAt: loadedAt)
    }

    /// A copy with other metadata, for a store that has just saved it.
    public func stamped(version: Int64, loadedAt: Date?) -> FlagSnapshot {
        FlagSnapshot(states: states, version: version, loadedAt: loadedAt)
    }

    private enum CodingKeys: String, CodingKey {
        case version
        case loadedAt
        case flags
    }

    /// Decodes `{"version", "loadedAt", "flags": {name: state}}`.
    ///
    /// Unknown flag names are skipped, so a snapshot written by a newer
    /// release still loads; missing flags take their default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let named = try container.decodeIfPresent([String: FlagState].self, forKey: .flags) ?? [:]
        var states: [FeatureFlag: FlagState] = [:]
        for (name, state) in named {
            if let flag = FeatureFlag(rawValue: name) {
                states[flag] = state
            }
        }
        self.init(
            states: states,
            version: try container.decodeIfPresent(Int64.self, forKey: .version) ?? 0,
            loadedAt: try container.decodeIfPresent(Date.self, forKey: .loadedAt)
        )
    }

    /// Encodes `{"version", "loadedAt", "flags": {name: state}}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encodeIfPresent(loadedAt, forKey: .loadedAt)
        var named: [String: FlagState] = [:]
        for (flag, state) in states {
            named[flag.name] = state
        }
        try container.encode(named, forKey: .flags)
    }
}
