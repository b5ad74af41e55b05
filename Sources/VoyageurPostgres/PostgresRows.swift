import CLibPQ
import Foundation

/// One row of a reply, copied out of libpq in text format.
struct PostgresRow: Sendable {
    let values: [String?]

    func text(_ column: Int) -> String? {
        column < values.count ? values[column] : nil
    }

    func int(_ column: Int) -> Int64 {
        text(column).flatMap { Int64($0) } ?? 0
    }

    func double(_ column: Int) -> Double {
        optionalDouble(column) ?? 0
    }

    func optionalDouble(_ column: Int) -> Double? {
        text(column).flatMap { Double($0) }
    }

    func bool(_ column: Int) -> Bool {
        text(column) == "t"
    }

    /// A `float8` column of seconds since 1970, as selected by
    /// `extract(epoch FROM column)::float8`.
    func date(_ column: Int) -> Date {
        Date(timeIntervalSince1970: double(column))
    }

    func isNull(_ column: Int) -> Bool {
        text(column) == nil
    }
}

/// A statement's reply: its rows and how many rows it changed.
struct PostgresRows: Sendable {
    let rows: [PostgresRow]
    /// Rows inserted, updated or deleted; 0 for other statements.
    let affectedRows: Int

    var first: PostgresRow? { rows.first }
}

/// Owns one `PGresult` and frees it in `deinit`.
final class PostgresResult {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        PQclear(handle)
    }

    var status: ExecStatusType { PQresultStatus(handle) }

    /// The SQLSTATE of a failed statement, if the server sent one.
    var sqlState: String? {
        PQresultErrorField(handle, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
    }

    /// Every row, copied at once so that no pointer into the result escapes.
    func copyRows() -> PostgresRows {
        let rowCount = PQntuples(handle)
        let columnCount = PQnfields(handle)
        var rows: [PostgresRow] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                if PQgetisnull(handle, row, column) != 0 {
                    values.append(nil)
                } else {
                    values.append(PQgetvalue(handle, row, column).map { String(cString: $0) })
                }
            }
            rows.append(PostgresRow(values: values))
        }
        let affected = PQcmdTuples(handle).map { Int(String(cString: $0)) ?? 0 } ?? 0
        return PostgresRows(rows: rows, affectedRows: affected)
    }
}
