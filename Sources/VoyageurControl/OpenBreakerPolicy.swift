/// What a worker does with a job whose routes' breakers all refuse it
/// (`VOYAGEUR_ON_OPEN`).
public enum OpenBreakerPolicy: String, CaseIterable, Sendable, Hashable, Codable {
    /// Write the template explanation now, as a `fallback` result. The
    /// default: every job ends promptly with a stored outcome.
    case fallback
    /// Put the job back for a later retry, hoping the breaker recovers.
    case `defer`
}
