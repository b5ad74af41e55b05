/// How a call admitted by a breaker ended, as the breaker counts it.
public enum BreakerOutcome: String, CaseIterable, Sendable, Hashable, Codable {
    /// The backend answered in time.
    case success
    /// The backend answered, but slowly; counted as a success.
    case slowSuccess
    /// The backend failed: refused the connection, answered an error, or
    /// timed out.
    case failure
    /// The call says nothing about the backend (the job's own fault, or a
    /// cancellation at shutdown): the permit is released, nothing counted.
    case inconclusive
}
