/// The state of a circuit breaker.
///
/// The raw value (`closed`, `open`, `half_open`) is used in JSON;
/// ``displayName`` (`CLOSED`, `OPEN`, `HALF_OPEN`) in operator output.
public enum BreakerState: String, CaseIterable, Sendable, Hashable, Codable {
    /// Calls pass; consecutive failures are counted.
    case closed
    /// Calls are refused until the recovery timeout has passed, or, when
    /// forced, until an operator closes or resets the breaker.
    case open
    /// A few probe calls pass; enough successes close the breaker, any
    /// failure opens it again.
    case halfOpen = "half_open"

    /// The name operators know: `CLOSED`, `OPEN` or `HALF_OPEN`.
    public var displayName: String {
        switch self {
        case .closed:
            return "CLOSED"
        case .open:
            return "OPEN"
        case .halfOpen:
            return "HALF_OPEN"
        }
    }
}
