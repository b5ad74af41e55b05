import Dispatch
import Foundation

/// A SQLite database file reached through one connection on a serial queue
/// of its own, so blocking SQLite calls never run on Swift's cooperative
/// thread pool.
///
/// The connection opens on first use. A file that cannot be opened (its
/// directory missing or unmounted) fails that call with
/// ``SQLiteError/Code/open`` and is tried again on the next, so a process
/// started before its storage is ready recovers by itself.
///
/// Safe to share between tasks; calls run one at a time in arrival order.
public final class SQLiteDatabase: Sendable {
    /// The file's path.
    public let path: String
    private let busyTimeout: Duration
    private let queue: DispatchQueue
    // Confined to `queue`: every access happens on it.
    nonisolated(unsafe) private var openConnection: SQLiteConnection?

    /// Names the file at `path`; it is created on first use when missing.
    ///
    /// - Parameter busyTimeout: how long a call waits for another process's
    ///   write lock before failing with ``SQLiteError/Code/busy``.
    public init(path: String, busyTimeout: Duration = .seconds(10)) {
        self.path = path
        self.busyTimeout = busyTimeout
        self.queue = DispatchQueue(label: "voyageur.sqlite")
    }

    /// The open connection, opening it if needed; call only on `queue`.
    private func connection() throws -> SQLiteConnection {
        if let openConnection {
            return openConnection
        }
        let connection = try SQLiteConnection(path: path, busyTimeout: busyTimeout)
        openConnection = connection
        return connection
    }

    /// Runs `body` on the connection's queue.
    func read<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(self.connection()) })
            }
        }
    }

    /// Runs `body` in a write transaction on the connection's queue; see
    /// ``SQLiteConnection/writeTransaction(isDurable:_:)``.
    @discardableResult
    func write<T: Sendable>(
        isDurable: Bool = true,
        _ body: @escaping @Sendable (SQLiteConnection) throws -> T
    ) async throws -> T {
        try await read { connection in
            try connection.writeTransaction(isDurable: isDurable) { try body(connection) }
        }
    }

    /// Runs `body` on the connection's queue without waiting, for timers;
    /// skipped while the file cannot be opened.
    func perform(_ body: @escaping @Sendable (SQLiteConnection) -> Void) {
        queue.async {
            guard let connection = try? self.connection() else { return }
            body(connection)
        }
    }
}
