import CLibPQ
import Foundation

/// One open libpq connection.
///
/// Not thread-safe: ``PostgresDatabase`` confines it to one serial queue,
/// and a notification listener to its own thread. Every call blocks.
final class PostgresConnection {
    private let handle: OpaquePointer
    private let secrets: [String]
    /// Statements prepared on this connection, by their SQL.
    private var prepared: [String: String] = [:]
    /// Prepared statements a connection keeps at most; others run unprepared.
    private static let preparedLimit = 64

    /// Connects to `url` (a `postgres://` URL or a key/value string).
    ///
    /// - Parameter connectTimeout: used unless the URL sets
    ///   `connect_timeout` itself.
    /// - Throws: ``PostgresError`` with code `invalidURL`, `connect` or
    ///   `authentication`; the message never quotes the URL.
    init(url: String, connectTimeout: Duration = .seconds(10)) throws(PostgresError) {
        let secrets = try Self.secrets(in: url)
        // Later keywords override earlier ones, so the URL's own settings
        // win over these defaults.
        let keywords = ["connect_timeout", "application_name", "dbname"]
        let values = [String(max(2, connectTimeout.components.seconds)), "voyageur", url]
        let connection = Self.withCStrings(keywords) { keywordPointers in
            Self.withCStrings(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else {
            throw PostgresError(code: .connect, operation: "connect", message: "out of memory")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.redact(Self.firstLine(PQerrorMessage(connection)), secrets)
            PQfinish(connection)
            throw PostgresError(
                code: Self.isAuthenticationFailure(message) ? .authentication : .connect,
                operation: "connect",
                message: message
            )
        }
        self.handle = connection
        self.secrets = secrets
        // libpq prints notices (e.g. "relation already exists, skipping")
        // to stderr by default; they are not errors, so drop them.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
    }

    deinit {
        PQfinish(handle)
    }

    /// Whether the connection is open, judged without blocking: an idle
    /// connection with something to read has usually been closed by the
    /// server (a restart), which this consumes and notices. The server's
    /// farewell message and the end of the stream may take two reads.
    var isUsable: Bool {
        for _ in 0..<4 {
            guard PQstatus(handle) == CONNECTION_OK else { return false }
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            guard descriptor.fd >= 0 else { return false }
            guard poll(&descriptor, 1, 0) > 0 else { return true }
            guard PQconsumeInput(handle) != 0 else { return false }
            drainNotifications()
        }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Whether a transaction is open (or failed and not yet rolled back).
    var isInTransaction: Bool {
        PQtransactionStatus(handle) != PQTRANS_IDLE
    }

    /// The socket, for `poll(2)`; -1 when closed.
    var socket: Int32 { PQsocket(handle) }

    /// Runs constant SQL, possibly several statements; never pass values
    /// in it: use ``query(_:_:)``.
    func execute(_ sql: String) throws(PostgresError) {
        let result = PQexec(handle, sql).map(PostgresResult.init)
        try check(result)
    }

    /// Runs one statement with `values` bound to `$1...$n` in text format.
    @discardableResult
    func query(_ sql: String, _ values: [PostgresValue] = []) throws(PostgresError) -> PostgresRows {
        let literals = values.map(\.literal)
        let result = Self.withCStrings(literals) { pointers in
            PQexecParams(handle, sql, Int32(literals.count), nil, pointers, nil, nil, 0)
        }.map(PostgresResult.init)
        try check(result)
        return result?.copyRows() ?? PostgresRows(rows: [], affectedRows: 0)
    }

    /// Runs one statement as ``query(_:_:)`` does, prepared on this
    /// connection the first time it runs, so that later runs skip parsing
    /// and planning: for the statements a worker runs for every job.
    @discardableResult
    func queryPrepared(_ sql: String, _ values: [PostgresValue] = []) throws(PostgresError) -> PostgresRows {
        let name: String
        if let known = prepared[sql] {
            name = known
        } else if prepared.count < Self.preparedLimit {
            name = "voyageur_\(prepared.count + 1)"
            try check(PQprepare(handle, name, sql, Int32(values.count), nil).map(PostgresResult.init))
            prepared[sql] = name
        } else {
            return try query(sql, values)
        }
        let literals = values.map(\.literal)
        let result = Self.withCStrings(literals) { pointers in
            PQexecPrepared(handle, name, Int32(literals.count), pointers, nil, nil, 0)
        }.map(PostgresResult.init)
        try check(result)
        return result?.copyRows() ?? PostgresRows(rows: [], affectedRows: 0)
    }

    /// Runs `body` between `BEGIN` and `COMMIT`, rolling back if it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if isInTransaction {
                try? execute("ROLLBACK")
            }
            throw error
        }
    }

    /// Reads waiting input without blocking; false when the connection
    /// broke.
    func consumeInput() -> Bool {
        PQconsumeInput(handle) != 0 && PQstatus(handle) == CONNECTION_OK
    }

    /// The payloads of the notifications received so far, oldest first.
    func notifications() -> [String] {
        var payloads: [String] = []
        while let notification = PQnotifies(handle) {
            payloads.append(String(cString: notification.pointee.extra))
            PQfreemem(notification)
        }
        return payloads
    }

    private func drainNotifications() {
        _ = notifications()
    }

    /// Turns a failed or missing result into a ``PostgresError``.
    private func check(_ result: PostgresResult?) throws(PostgresError) {
        if let result, result.status == PGRES_COMMAND_OK || result.status == PGRES_TUPLES_OK {
            return
        }
        if PQstatus(handle) != CONNECTION_OK {
            let message = Self.redact(Self.firstLine(PQerrorMessage(handle)), secrets)
            throw PostgresError(code: .connectionLost, operation: "query", message: message)
        }
        guard let sqlState = result?.sqlState else {
            throw PostgresError(
                code: .unexpectedReply, operation: "query", message: "no reply from the server")
        }
        throw PostgresError(
            code: .statement(sqlState: sqlState),
            operation: "query",
            message: PostgresError.conditionName(sqlState: sqlState)
        )
    }

    // MARK: - C strings

    /// Calls `body` with a C array of the strings (NULL for nil), valid
    /// only during the call.
    private static func withCStrings<R>(
        _ strings: [String?],
        _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R
    ) -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }

    private static func firstLine(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown error" }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.split(separator: "\n").first.map(String.init) ?? "unknown error"
    }

    // MARK: - Secrets

    /// The URL and its password, to be cut from any message.
    private static func secrets(in url: String) throws(PostgresError) -> [String] {
        var failure: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &failure) else {
            // libpq's message may quote part of the URL, so it is not kept.
            PQfreemem(failure)
            throw PostgresError(
                code: .invalidURL, operation: "connect", message: "the database URL is not valid")
        }
        defer { PQconninfoFree(options) }
        var secrets = [url]
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password", let value = option.pointee.val {
                let password = String(cString: value)
                if !password.isEmpty {
                    secrets.append(password)
                }
            }
            option += 1
        }
        return secrets
    }

    private static func redact(_ message: String, _ secrets: [String]) -> String {
        secrets.reduce(message) { text, secret in text.replacingOccurrences(of: secret, with: "***") }
    }

    private static func isAuthenticationFailure(_ message: String) -> Bool {
        let markers = [
            "authentication failed", "no pg_hba.conf entry", "no password supplied", "does not exist",
            "not permitted to log in", "permission denied",
        ]
        return markers.contains { message.contains($0) }
    }
}
