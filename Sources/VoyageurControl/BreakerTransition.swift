/// A change of a breaker's state, for the caller to log and publish.
///
/// Log it with the constant ``message`` and the ``metadata``:
/// `Circuit breaker OPENED breaker.route=direct breaker.language=fr …`.
public struct BreakerTransition: Sendable, Hashable {
    /// What made the state change.
    public enum Cause: String, Sendable, Hashable, Codable {
        /// Consecutive failures reached the threshold.
        case failureThreshold = "failure_threshold"
        /// The recovery timeout passed; probes may go through.
        case recoveryTimeout = "recovery_timeout"
        /// A half-open probe failed.
        case probeFailure = "probe_failure"
        /// Enough half-open probes succeeded.
        case probeSuccesses = "probe_successes"
        /// An operator forced the breaker open.
        case forcedOpen = "forced_open"
        /// An operator closed the breaker.
        case forcedClose = "forced_close"
        /// An operator reset the breaker.
        case reset
    }

    /// The breaker that changed.
    public let key: BreakerKey
    /// The state before.
    public let from: BreakerState
    /// The state after.
    public let to: BreakerState
    /// What made it change.
    public let cause: Cause
    /// Consecutive failures counted when it changed.
    public let consecutiveFailures: Int
    /// Successful half-open probes counted when it changed.
    public let halfOpenSuccesses: Int

    /// The constant log message: `Circuit breaker OPENED`,
    /// `Circuit breaker HALF_OPEN` or `Circuit breaker CLOSED`.
    public var message: String {
        switch to {
        case .open:
            return "Circuit breaker OPENED"
        case .halfOpen:
            return "Circuit breaker HALF_OPEN"
        case .closed:
            return "Circuit breaker CLOSED"
        }
    }

    /// Log metadata under dotted `breaker.*` keys: route, language, from,
    /// to, cause, failures and successes.
    public var metadata: [String: String] {
        [
            "breaker.route": key.route.rawValue,
            "breaker.language": key.language.code,
            "breaker.from": from.displayName,
            "breaker.to": to.displayName,
            "breaker.cause": cause.rawValue,
            "breaker.failures": String(consecutiveFailures),
            "breaker.successes": String(halfOpenSuccesses),
        ]
    }
}
