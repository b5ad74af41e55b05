import VoyageurCore

/// How a circuit breaker trips and recovers; the original system's values
/// are the defaults.
///
/// Built once at start (from `VOYAGEUR_BREAKER_FAILURE_THRESHOLD`,
/// `VOYAGEUR_BREAKER_RECOVERY_TIMEOUT`, `VOYAGEUR_BREAKER_SUCCESS_THRESHOLD`,
/// `VOYAGEUR_BREAKER_HALF_OPEN_MAX_CALLS` and `VOYAGEUR_ON_OPEN`) and shared
/// by every breaker of a worker.
public struct BreakerSettings: Sendable, Hashable {
    /// Consecutive failures in the closed state that open the breaker.
    /// Default 5; a success resets the count.
    public var failureThreshold: Int
    /// How long an open breaker refuses calls before it lets probes through
    /// (half-open). Default 60 s. A forced-open breaker ignores it.
    public var recoveryTimeout: Duration
    /// Successful probes in the half-open state that close the breaker.
    /// Default 2.
    public var successThreshold: Int
    /// Probes allowed in flight at once in the half-open state. Default 3.
    public var halfOpenMaxCalls: Int
    /// What a worker does with a job when every breaker refuses it.
    /// Default ``OpenBreakerPolicy/fallback``.
    public var onOpen: OpenBreakerPolicy

    /// Creates settings; counts below 1 are raised to 1 and a negative
    /// timeout to zero, so a breaker is always well-defined.
    public init(
        failureThreshold: Int = 5,
        recoveryTimeout: Duration = .seconds(60),
        successThreshold: Int = 2,
        halfOpenMaxCalls: Int = 3,
        onOpen: OpenBreakerPolicy = .fallback
    ) {
        self.failureThreshold = max(1, failureThreshold)
        self.recoveryTimeout = max(.zero, recoveryTimeout)
        self.successThreshold = max(1, successThreshold)
        self.halfOpenMaxCalls = max(1, halfOpenMaxCalls)
        self.onOpen = onOpen
    }

    /// The defaults: 5 failures, 60 s, 2 successes, 3 probes, fallback.
    public static let defaults = BreakerSettings()
}
