/// Exponential backoff with full jitter: attempt n waits a random time up to
/// `base × 2^(n−1)`, capped at `maximum`, and never less than half of that.
public struct RetryBackoff: Sendable {
    public var base: Duration
    public var maximum: Duration

    public init(base: Duration, maximum: Duration = .seconds(300)) {
        self.base = base
        self.maximum = maximum
    }

    /// The delay before the attempt after `attempt` (1-based).
    public func delay(afterAttempt attempt: Int) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(base * (1 << exponent), maximum)
        return ceiling * Double.random(in: 0.5...1.0)
    }
}
