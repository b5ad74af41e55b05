/// Why a job was sent to the template route (or deferred) instead of
/// generated.
///
/// Its `description` is what a result's `reason` records, e.g.
/// `french_generation_enabled rollout 30%` or `breaker direct/fr open`.
public enum FallbackReason: Sendable, Hashable, CustomStringConvertible {
    /// A flag is off: `french_generation_enabled`, or
    /// `emergency_fallback_enabled` when the emergency switch is on.
    case flagOff(FeatureFlag)
    /// The flag is on, but the job's subject is outside its rollout.
    case outsideRollout(FeatureFlag, percentage: Int)
    /// Both the direct and the translation flags are off for the subject.
    case routesDisabled
    /// The breaker of the planned route does not permit a call, nor do
    /// those of its alternates.
    case breakerOpen(BreakerKey)

    /// The reason as results and logs record it.
    public var description: String {
        switch self {
        case .flagOff(let flag):
            return flag.name
        case .outsideRollout(let flag, let percentage):
            return "\(flag.name) rollout \(percentage)%"
        case .routesDisabled:
            return "\(FeatureFlag.directGeneration.name) and "
                + "\(FeatureFlag.translationPipeline.name) off"
        case .breakerOpen(let key):
            return "breaker \(key) open"
        }
    }
}
