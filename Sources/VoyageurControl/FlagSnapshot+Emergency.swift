extension FlagSnapshot {
    /// The states an emergency disable overwrites, for the caller to keep
    /// until the emergency is cleared.
    ///
    /// Take them from the snapshot *before* ``applyingEmergency()``. When
    /// the emergency is already active they are the emergency's own values
    /// (all off): keep the states saved by the first disable instead.
    public var emergencySavedStates: [FeatureFlag: FlagState] {
        var saved: [FeatureFlag: FlagState] = [:]
        for flag in FeatureFlag.disabledByEmergency {
            saved[flag] = self[flag]
        }
        return saved
    }

    /// A copy with the emergency switch on and the multilingual, language,
    /// direct and translation flags off.
    ///
    /// Rollout percentages are kept; every job takes the template route.
    /// Idempotent. The log line for it is `Emergency fallback enabled`.
    public func applyingEmergency() -> FlagSnapshot {
        var states = self.states
        states[.emergencyFallback] = self[.emergencyFallback].enabled(true)
        for flag in FeatureFlag.disabledByEmergency {
            states[flag] = self[flag].enabled(false)
        }
        return FlagSnapshot(states: states, version: version, loadedAt: loadedAt)
    }

    /// A copy with the emergency switch off and the saved states restored.
    ///
    /// Only flags that an emergency turns off are restored from `saved`;
    /// a flag absent from it keeps its current state (an emergency switched
    /// on by hand turned nothing else off).
    public func clearingEmergency(restoring saved: [FeatureFlag: FlagState]) -> FlagSnapshot {
        var states = self.states
        states[.emergencyFallback] = self[.emergencyFallback].enabled(false)
        for flag in FeatureFlag.disabledByEmergency {
            if let state = saved[flag] {
                states[flag] = state
            }
        }
        return FlagSnapshot(states: states, version: version, loadedAt: loadedAt)
    }
}
