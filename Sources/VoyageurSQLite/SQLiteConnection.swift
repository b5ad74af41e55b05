import CSQLite
import Foundation
import VoyageurCore

/// One open SQLite connection with a cache of prepared statements.
///
/// Not thread-safe: ``SQLiteDatabase`` confines it to one serial queue.
final class SQLiteConnection {
    private let handle: OpaquePointer
    private var statements: [String: SQLiteStatement] = [:]
    private var isSyncingEveryCommit = true

    /// Opens (creating if needed) the file at `path` in WAL mode.
    init(path: String, busyTimeout: Duration) throws {
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(connection)
            throw SQLiteError(code: .open, operation: "open \(path)", message: message)
        }
        self.handle = connection
        Self.installBusyHandler(connection, timeout: busyTimeout)
        sqlite3_extended_result_codes(connection, 1)
        // WAL lets readers run beside the one writer and several processes
        // share the file. Durable commits sync the log (FULL), so an
        // acknowledged publish or result survives a power cut.
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = FULL")
        try execute("PRAGMA foreign_keys = ON")
    }

    /// Waits for another process's write lock in short naps. SQLite's own
    /// busy timeout sleeps in steps up to 100 ms, far longer than a worker
    /// holds the lock (well under a millisecond), so two workers sharing a
    /// file would spend most of their time asleep.
    private static func installBusyHandler(_ connection: OpaquePointer, timeout: Duration) {
        // The retry budget rides in the context pointer, so the handler
        // needs no state of its own: about 100 µs a nap.
        let naps = max(1, Int(timeout.milliseconds * 10))
        let context = UnsafeMutableRawPointer(bitPattern: naps)
        sqlite3_busy_handler(
            connection,
            { context, count in
                guard Int(count) < Int(bitPattern: context) else { return 0 }
                usleep(count < 10 ? 20 : 100)
                return 1
            },
            context
        )
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows of interest.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            let primary = code & 0xff
            let isBusy = primary == SQLITE_BUSY || primary == SQLITE_LOCKED
            throw SQLiteError(code: isBusy ? .busy : .failed(code), operation: "execute", message: text)
        }
    }

    /// A cached prepared statement for `sql`, with `values` bound.
    func prepare(_ sql: String, _ values: [SQLiteValue] = []) throws -> SQLiteStatement {
        let statement: SQLiteStatement
        if let cached = statements[sql] {
            statement = cached
        } else {
            statement = try SQLiteStatement(sql: sql, connection: handle)
            statements[sql] = statement
        }
        try statement.bind(values)
        return statement
    }

    /// Runs a statement to completion; returns the number of rows it changed.
    @discardableResult
    func run(_ sql: String, _ values: [SQLiteValue] = []) throws -> Int {
        let statement = try prepare(sql, values)
        while try statement.step() {}
        return Int(sqlite3_changes(handle))
    }

    /// Runs `body` in a write transaction, taking the write lock up front so
    /// that two processes never deadlock upgrading a read lock.
    ///
    /// - Parameter isDurable: whether the commit must reach the disk before
    ///   this returns. Leases need not: one lost in a power cut only makes
    ///   its job ready again. The next durable commit syncs them too.
    func writeTransaction<T>(isDurable: Bool = true, _ body: () throws -> T) throws -> T {
        if isDurable != isSyncingEveryCommit {
            try execute(isDurable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
            isSyncingEveryCommit = isDurable
        }
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// A counter that changes whenever another connection commits.
    func dataVersion() throws -> Int64 {
        let statement = try prepare("PRAGMA data_version")
        defer { statement.reset() }
        return try statement.step() ? statement.int(0) : 0
    }
}
