import Foundation
import VoyageurCore

extension SQLiteDatabase: MigratingStore {
    /// Applies every migration newer than the file's schema, each in its own
    /// transaction. Safe to run from several processes at once.
    public func migrate() async throws -> [Int] {
        try await read { connection in
            try Self.createVersionTable(connection)
            var applied: [Int] = []
            for migration in SQLiteSchema.migrations {
                let isNew = try connection.writeTransaction {
                    guard try Self.currentVersion(connection) < migration.version else { return false }
                    try connection.execute(migration.sql)
                    try connection.run(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                        [
                            .integer(Int64(migration.version)), .text(migration.name),
                            .integer(EpochTime.nowMilliseconds()),
                        ]
                    )
                    return true
                }
                if isNew {
                    applied.append(migration.version)
                }
            }
            return applied
        }
    }

    public func schemaVersion() async throws -> Int {
        try await read { connection in
            try Self.createVersionTable(connection)
            return try Self.currentVersion(connection)
        }
    }

    /// Fails unless the schema is at the version this build needs.
    public func requireCurrentSchema() async throws {
        let current = try await schemaVersion()
        guard current >= SQLiteSchema.latestVersion else {
            throw SQLiteError(
                code: .schemaBehind(current: current, required: SQLiteSchema.latestVersion),
                operation: "check schema",
                message: "schema behind"
            )
        }
    }

    private static func createVersionTable(_ connection: SQLiteConnection) throws {
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at INTEGER NOT NULL
            )
            """
        )
    }

    private static func currentVersion(_ connection: SQLiteConnection) throws -> Int {
        let statement = try connection.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
        defer { statement.reset() }
        return try statement.step() ? Int(statement.int(0)) : 0
    }
}

/// Wall-clock time as SQLite stores it: milliseconds since 1970.
enum EpochTime {
    static func nowMilliseconds() -> Int64 {
        milliseconds(Date())
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000).rounded())
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
    }
}
