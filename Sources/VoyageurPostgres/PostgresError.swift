import VoyageurCore

/// A failure reported by PostgreSQL or libpq.
///
/// The description names the operation and, for a statement the server
/// refused, only its SQLSTATE and condition; it never carries the connection
/// URL, a password, SQL text or bound values.
public struct PostgresError: StorageFailure, Sendable, CustomStringConvertible {
    /// What went wrong, broadly.
    public enum Code: Sendable, Hashable {
        /// The connection URL could not be parsed.
        case invalidURL
        /// The server could not be reached, or is starting or stopping.
        case connect
        /// The server refused the credentials, the role or the database.
        case authentication
        /// The connection broke while a statement ran.
        case connectionLost
        /// The server refused a statement, with its SQLSTATE.
        case statement(sqlState: String)
        /// A reply that Voyageur did not expect, e.g. a missing row.
        case unexpectedReply
        /// The schema is older than this build needs.
        case schemaBehind(current: Int, required: Int)
    }

    public var code: Code
    /// What Voyageur was doing, e.g. `save results`.
    public var operation: String
    /// libpq's message for connection failures, or the condition's name;
    /// never SQL text or values.
    public var message: String

    public init(code: Code, operation: String, message: String) {
        self.code = code
        self.operation = operation
        self.message = message
    }

    /// The server is unreachable, restarting or busy: wait and retry.
    public var isOutage: Bool {
        switch code {
        case .connect, .connectionLost:
            return true
        case .statement(let sqlState):
            return Self.isTransient(sqlState: sqlState)
        case .invalidURL, .authentication, .unexpectedReply, .schemaBehind:
            return false
        }
    }

    public var description: String {
        switch code {
        case .schemaBehind(let current, let required):
            "database schema is at version \(current), this build needs \(required): run voyageurctl migrate"
        case .statement(let sqlState):
            "postgres: \(operation): \(message) (SQLSTATE \(sqlState))"
        default:
            "postgres: \(operation): \(message)"
        }
    }

    /// Conditions that waiting fixes: connection exceptions (class 08),
    /// insufficient resources (53), shutdown and startup (57P01–57P03),
    /// serialization failures and deadlocks (40001, 40P01), lock timeouts
    /// (55P03) and a read-only standby after a failover (25006).
    static func isTransient(sqlState: String) -> Bool {
        let transient: Set<String> = ["57P01", "57P02", "57P03", "40001", "40P01", "55P03", "25006"]
        return sqlState.hasPrefix("08") || sqlState.hasPrefix("53") || transient.contains(sqlState)
    }

    /// A name for the condition, for the description: the server's own
    /// message may quote values and is therefore not used.
    static func conditionName(sqlState: String) -> String {
        let names: [String: String] = [
            "23505": "unique violation", "23503": "foreign key violation", "23502": "not null violation",
            "23514": "check violation", "42P01": "undefined table", "42703": "undefined column",
            "42601": "syntax error", "42501": "insufficient privilege", "40001": "serialization failure",
            "40P01": "deadlock detected", "55P03": "lock not available", "57P01": "server shutting down",
            "57P02": "server crashed", "57P03": "server starting up", "25006": "read-only transaction",
            "57014": "statement cancelled",
        ]
        if let name = names[sqlState] {
            return name
        }
        let classes: [String: String] = [
            "08": "connection exception", "22": "data exception", "23": "integrity constraint violation",
            "25": "invalid transaction state", "28": "invalid authorization", "40": "transaction rollback",
            "42": "syntax error or access rule violation", "53": "insufficient resources",
            "54": "program limit exceeded", "55": "object not in prerequisite state",
            "57": "operator intervention", "58": "system error", "XX": "internal error",
        ]
        return classes[String(sqlState.prefix(2))] ?? "statement failed"
    }
}
