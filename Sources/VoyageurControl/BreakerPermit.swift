/// Leave to make one backend call, given by ``CircuitBreaker/acquire(now:)``.
///
/// Hand it back exactly once with ``CircuitBreaker/record(_:permit:now:)``,
/// whatever happened to the call, or a half-open breaker runs out of probe
/// slots. Recording it twice, or on another breaker, counts nothing.
public struct BreakerPermit: Sendable, Hashable {
    /// The breaker that gave it.
    public let key: BreakerKey
    /// Unique among the breaker's permits.
    public let id: UInt64
    /// Whether it was given in the half-open state, to probe the backend.
    public let isProbe: Bool

    init(key: BreakerKey, id: UInt64, isProbe: Bool) {
        self.key = key
        self.id = id
        self.isProbe = isProbe
    }
}
