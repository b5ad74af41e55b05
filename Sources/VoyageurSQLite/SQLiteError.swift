import VoyageurCore

/// A failure reported by SQLite.
///
/// The description names the operation and SQLite's message; it never
/// carries SQL text or bound values.
public struct SQLiteError: StorageFailure, Sendable, CustomStringConvertible {
    /// What went wrong, broadly.
    public enum Code: Sendable, Hashable {
        /// The database file could not be opened.
        case open
        /// Another connection held a lock for longer than the busy timeout.
        case busy
        /// The schema is older than this build needs.
        case schemaBehind(current: Int, required: Int)
        /// Any other SQLite result code.
        case failed(Int32)
    }

    public var code: Code
    /// What Voyageur was doing, e.g. `lease jobs`.
    public var operation: String
    /// SQLite's own message.
    public var message: String

    public init(code: Code, operation: String, message: String) {
        self.code = code
        self.operation = operation
        self.message = message
    }

    /// The file could not be opened, or stayed locked: wait and retry.
    public var isOutage: Bool {
        switch code {
        case .open, .busy: true
        case .schemaBehind, .failed: false
        }
    }

    public var description: String {
        switch code {
        case .schemaBehind(let current, let required):
            "database schema is at version \(current), this build needs \(required): run voyageurctl migrate"
        default:
            "sqlite: \(operation): \(message)"
        }
    }
}
