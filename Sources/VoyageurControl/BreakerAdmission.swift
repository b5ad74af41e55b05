import VoyageurCore

/// The answer of ``CircuitBreaker/acquire(now:)``: a permit or a refusal,
/// and any state change the request caused.
public struct BreakerAdmission: Sendable, Hashable {
    /// Leave to make the call; `nil` when the breaker refuses it.
    public let permit: BreakerPermit?
    /// State changes to log, in order (an open breaker whose recovery
    /// timeout has passed turns half-open here).
    public let transitions: [BreakerTransition]
    /// For a refusal by an open breaker, the time left until it lets probes
    /// through; `nil` when admitted, when forced open, or when half-open
    /// probes are all in flight.
    public let retryAfter: Duration?

    /// Whether the call may go ahead.
    public var isAdmitted: Bool { permit != nil }
}
