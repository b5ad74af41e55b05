import Foundation
import VoyageurCore

extension PostgresDatabase: MigratingStore {
    /// Applies every migration newer than the database's schema, each in
    /// its own transaction under an advisory lock, so processes that migrate
    /// at the same time apply each version once.
    public func migrate() async throws -> [Int] {
        try await read("migrate") { connection in
            var applied: [Int] = []
            for migration in PostgresSchema.migrations {
                let isNew = try connection.transaction {
                    try connection.query(
                        "SELECT pg_advisory_xact_lock($1::bigint)",
                        [.integer(PostgresSchema.migrationLockKey)]
                    )
                    try connection.execute(
                        """
                        CREATE TABLE IF NOT EXISTS schema_migrations (
                            version integer PRIMARY KEY,
                            name text NOT NULL,
                            applied_at timestamptz NOT NULL DEFAULT now()
                        )
                        """
                    )
                    guard try Self.currentVersion(connection) < migration.version else { return false }
                    try connection.execute(migration.sql)
                    try connection.query(
                        "INSERT INTO schema_migrations (version, name) VALUES ($1::integer, $2)",
                        [.integer(Int64(migration.version)), .text(migration.name)]
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

    /// The version the schema is at; 0 when nothing is applied. Reads only.
    public func schemaVersion() async throws -> Int {
        try await read("read schema version") { connection in
            let exists = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL")
            guard exists.first?.bool(0) == true else { return 0 }
            return try Self.currentVersion(connection)
        }
    }

    /// Fails unless the schema is at the version this build needs.
    ///
    /// - Throws: ``PostgresError`` with code `schemaBehind`, whose
    ///   description tells the operator to run `voyageurctl migrate`.
    public func requireCurrentSchema() async throws {
        let current = try await schemaVersion()
        guard current >= PostgresSchema.latestVersion else {
            throw PostgresError(
                code: .schemaBehind(current: current, required: PostgresSchema.latestVersion),
                operation: "check schema",
                message: "schema behind"
            )
        }
    }

    private static func currentVersion(_ connection: PostgresConnection) throws -> Int {
        let rows = try connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
        return Int(rows.first?.int(0) ?? 0)
    }
}
