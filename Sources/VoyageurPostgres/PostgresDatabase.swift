import Dispatch
import Foundation

/// A PostgreSQL database reached through one connection on a serial queue
/// of its own, so blocking libpq calls never run on Swift's cooperative
/// thread pool.
///
/// The connection opens on first use. When the server is unreachable a call
/// fails with a ``PostgresError`` whose `isOutage` is true; a broken
/// connection (the server restarted) is dropped, and the next call connects
/// again, so the same object recovers by itself when the server returns.
///
/// Safe to share between tasks; calls run one at a time in arrival order.
/// The URL is never logged nor put in an error.
public final class PostgresDatabase: Sendable {
    let url: String
    private let connectTimeout: Duration
    private let queue: DispatchQueue
    // Confined to `queue`: every access happens on it.
    nonisolated(unsafe) private var openConnection: PostgresConnection?

    /// Names the database at `url`, e.g.
    /// `postgres://voyageur:secret@db.internal:5432/voyageur`; nothing
    /// connects until the first call.
    ///
    /// - Parameter connectTimeout: how long a connection attempt may take,
    ///   unless the URL sets `connect_timeout`; at least 2 seconds.
    public init(url: String, connectTimeout: Duration = .seconds(10)) {
        self.url = url
        self.connectTimeout = connectTimeout
        self.queue = DispatchQueue(label: "voyageur.postgres")
    }

    /// The open connection, connecting if there is none or the last one
    /// broke; call only on `queue`.
    private func connection() throws(PostgresError) -> PostgresConnection {
        if let openConnection, openConnection.isUsable {
            return openConnection
        }
        openConnection = nil
        let connection = try PostgresConnection(url: url, connectTimeout: connectTimeout)
        openConnection = connection
        return connection
    }

    /// Runs `body` on the connection's queue, outside a transaction.
    ///
    /// - Parameter operation: names the call in any ``PostgresError``.
    func read<T: Sendable>(
        _ operation: String,
        _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.run(operation, body) })
            }
        }
    }

    /// Runs `body` in a transaction on the connection's queue; it commits
    /// when `body` returns and rolls back when it throws.
    @discardableResult
    func write<T: Sendable>(
        _ operation: String,
        _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        try await read(operation) { connection in
            try connection.transaction { try body(connection) }
        }
    }

    /// Runs `body`; on failure drops a broken connection and names the
    /// operation in the error. Call only on `queue`.
    private func run<T>(_ operation: String, _ body: (PostgresConnection) throws -> T) throws -> T {
        do {
            let connection = try connection()
            defer {
                if connection.isInTransaction {
                    try? connection.execute("ROLLBACK")
                }
            }
            return try body(connection)
        } catch var error as PostgresError {
            if error.isOutage || openConnection?.isUsable == false {
                openConnection = nil
            }
            if error.operation == "query" || error.operation == "connect" {
                error.operation = "\(operation): \(error.operation)"
            }
            throw error
        }
    }
}
