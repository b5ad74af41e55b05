import Dispatch
import Foundation

/// A SQLite database file reached through one connection on a serial queue
/// of its own, so blocking SQLite calls never run on Swift's cooperative
/// thread pool.
///
/// Safe to share between tasks; calls run one at a time in arrival order.
public final class SQLiteDatabase: Sendable {
    /// The file's path.
    public let path: String
    private let queue: DispatchQueue
    // Confined to `queue`: every access happens inside `queue.async`.
    nonisolated(unsafe) private let connection: SQLiteConnection

    /// Opens `path`, creating the file when it does not exist.
    ///
    /// - Parameter busyTimeout: how long a call waits for another process's
    ///   write lock before failing with ``SQLiteError/Code/busy``.
    public init(path: String, busyTimeout: Duration = .seconds(10)) throws {
        self.path = path
        self.queue = DispatchQueue(label: "voyageur.sqlite")
        self.connection = try SQLiteConnection(path: path, busyTimeout: busyTimeout)
    }

    /// Runs `body` on the connection's queue.
    func read<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(self.connection) })
            }
        }
    }

    /// Runs `body` in a write transaction on the connection's queue; see
    /// ``SQLiteConnection/writeTransaction(isDurable:_:)``.
    func write<T: Sendable>(
        isDurable: Bool = true,
        _ body: @escaping @Sendable (SQLiteConnection) throws -> T
    ) async throws -> T {
        try await read { connection in
            try connection.writeTransaction(isDurable: isDurable) { try body(connection) }
        }
    }

    /// Runs `body` on the connection's queue without waiting, for timers.
    func perform(_ body: @escaping @Sendable (SQLiteConnection) -> Void) {
        queue.async { body(self.connection) }
    }

    /// Runs `body` on the connection's queue, blocking the calling thread;
    /// for start-up code that is not yet async.
    func performAndWait<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try queue.sync { try body(connection) }
    }
}
