import Foundation
import Testing
import VoyageurControl
import VoyageurCore
import VoyageurPostgres

extension PostgresIntegrationTests {
    @Suite("PostgreSQL control notifications")
    struct NotificationTests {
        @Test("a flag change made by another process reaches the stream within a second")
        func flagChange() async throws {
            try await TestDatabase.with { test in
                let listener = PostgresControlStore(database: test.database)
                let changes = listener.controlChanges()
                // The stream yields the current revision once it listens.
                #expect(await first(changes, within: .seconds(5)) == 0)

                let writer = PostgresControlStore(database: PostgresDatabase(url: test.url))
                let snapshot = try await writer.setFlag(.directGeneration, to: FlagState(enabled: false), by: "t")
                let started = ContinuousClock.now
                #expect(await first(changes, within: .seconds(1)) { $0 >= snapshot.version } == snapshot.version)
                #expect(ContinuousClock.now - started < .seconds(1))
            }
        }

        @Test("breaker overrides and emergencies are announced too")
        func otherChanges() async throws {
            try await TestDatabase.with { test in
                let store = PostgresControlStore(database: test.database)
                let changes = store.controlChanges()
                #expect(await first(changes, within: .seconds(5)) == 0)

                let key = BreakerKey(route: .direct, language: .english)
                try await store.setBreakerOverride(.open, for: [key], by: "t")
                #expect(await first(changes, within: .seconds(1)) { $0 >= 1 } == 1)
                _ = try await store.enableEmergency(by: "t")
                #expect(await first(changes, within: .seconds(1)) { $0 >= 2 } == 2)
            }
        }

        @Test("a rolled-back change is not announced")
        func rollbackIsSilent() async throws {
            try await TestDatabase.with { test in
                let store = PostgresControlStore(database: test.database)
                let changes = store.controlChanges()
                #expect(await first(changes, within: .seconds(5)) == 0)

                // A check constraint makes the override insert fail after the bump.
                _ = try await test.query("ALTER TABLE breaker_overrides ADD CHECK (language <> 'es')")
                await #expect(throws: PostgresError.self) {
                    try await store.setBreakerOverride(
                        .open, for: [BreakerKey(route: .direct, language: .spanish)], by: "t")
                }
                #expect(await first(changes, within: .milliseconds(500)) == nil)
                #expect(try await store.controlRevision() == 0)
            }
        }
    }
}
