import Testing

@testable import VoyageurPostgres

extension PostgresIntegrationTests {
    @Suite("PostgreSQL migrations")
    struct MigrationTests {
        @Test("a fresh database is refused until migrated, and migrations apply once")
        func appliesOnce() async throws {
            try await TestDatabase.with(migrated: false) { test in
                #expect(try await test.database.schemaVersion() == 0)
                await #expect(throws: PostgresError.self) { try await test.database.requireCurrentSchema() }

                #expect(try await test.database.migrate() == [1, 2])
                #expect(try await test.database.migrate().isEmpty)
                #expect(try await test.database.schemaVersion() == PostgresSchema.latestVersion)
                try await test.database.requireCurrentSchema()
            }
        }

        @Test("the schema-behind error tells the operator to migrate and is not an outage")
        func schemaBehind() async throws {
            try await TestDatabase.with(migrated: false) { test in
                do {
                    try await test.database.requireCurrentSchema()
                    Issue.record("a fresh database passed the schema check")
                } catch let error as PostgresError {
                    #expect(!error.isOutage)
                    #expect(error.description.contains("voyageurctl migrate"))
                }
            }
        }

        @Test("processes migrating at the same time apply each version exactly once")
        func concurrentMigrations() async throws {
            try await TestDatabase.with(migrated: false) { test in
                let url = test.url
                let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                    for _ in 0..<4 {
                        group.addTask { try await PostgresDatabase(url: url).migrate() }
                    }
                    var all: [Int] = []
                    for try await versions in group {
                        all += versions
                    }
                    return all
                }
                #expect(applied.sorted() == [1, 2])
                let rows = try await test.query("SELECT count(*) FROM schema_migrations")
                #expect(rows.first?.first == "2")
            }
        }
    }
}
