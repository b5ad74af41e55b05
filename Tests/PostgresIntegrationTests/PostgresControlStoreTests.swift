import Foundation
import Testing
import VoyageurControl
import VoyageurCore
import VoyageurPostgres

extension PostgresIntegrationTests {
    @Suite("PostgreSQL control store")
    struct ControlStoreTests {
        @Test("a fresh store holds the default flags at revision 0")
        func defaults() async throws {
            try await TestDatabase.with { test in
                let store = PostgresControlStore(database: test.database)
                let flags = try await store.flags()
                #expect(flags.version == 0)
                #expect(flags.states == FlagSnapshot.defaults.states)
                #expect(try await store.controlRevision() == 0)
            }
        }

        @Test("a flag change is durable, visible to another connection, and bumps the revision")
        func durableChange() async throws {
            try await TestDatabase.with { test in
                let writer = PostgresControlStore(database: test.database)
                let changed = try await writer.setFlag(
                    .frenchGeneration, to: FlagState(enabled: true, rolloutPercentage: 30), by: "t")
                #expect(changed.version == 1)
                #expect(try await writer.touch(by: "t") == 2)

                let reader = PostgresControlStore(database: PostgresDatabase(url: test.url))
                #expect(try await reader.controlRevision() == 2)
                let flags = try await reader.flags()
                #expect(flags[.frenchGeneration] == FlagState(enabled: true, rolloutPercentage: 30))
                #expect(flags.version == 2)
                let events = try await test.query("SELECT actor, action FROM control_events ORDER BY revision")
                #expect(events.count == 2 && events.first?.first == "t")
            }
        }

        @Test("emergency disable and clear restore every flag exactly, and neither repeats")
        func emergencyRoundTrip() async throws {
            try await TestDatabase.with { test in
                let store = PostgresControlStore(database: test.database)
                _ = try await store.setFlag(
                    .spanishGeneration, to: FlagState(enabled: false, rolloutPercentage: 40), by: "t")
                _ = try await store.setFlag(
                    .frenchGeneration, to: FlagState(enabled: true, rolloutPercentage: 25), by: "t")
                let before = try await store.flags()

                #expect(try await store.enableEmergency(by: "t"))
                #expect(try await !store.enableEmergency(by: "t"))
                let during = try await store.flags()
                #expect(during.isEmergencyActive)
                #expect(FeatureFlag.disabledByEmergency.allSatisfy { !during[$0].enabled })

                #expect(try await store.clearEmergency(by: "t"))
                #expect(try await !store.clearEmergency(by: "t"))
                #expect(try await store.flags().states == before.states)
            }
        }

        @Test("concurrent emergency disables from several processes succeed once")
        func concurrentEmergency() async throws {
            try await TestDatabase.with { test in
                let url = test.url
                let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for index in 0..<4 {
                        group.addTask {
                            let store = PostgresControlStore(database: PostgresDatabase(url: url))
                            return try await store.enableEmergency(by: "ops-\(index)")
                        }
                    }
                    var outcomes: [Bool] = []
                    for try await outcome in group {
                        outcomes.append(outcome)
                    }
                    return outcomes
                }
                #expect(outcomes.filter { $0 }.count == 1)
                let store = PostgresControlStore(database: test.database)
                #expect(try await store.clearEmergency(by: "t"))
                #expect(try await store.flags().states == FlagSnapshot.defaults.states)
            }
        }

        @Test("the latest override of a breaker wins and carries a newer revision")
        func overrides() async throws {
            try await TestDatabase.with { test in
                let store = PostgresControlStore(database: test.database)
                let key = BreakerKey(route: .direct, language: .french)
                let other = BreakerKey(route: .translation, language: .spanish)
                try await store.setBreakerOverride(.open, for: [key, other], by: "alice")
                try await store.setBreakerOverride(.close, for: [key], by: "bob")
                let overrides = try await store.breakerOverrides()
                #expect(overrides.count == 2)
                #expect(overrides.last?.key == key && overrides.last?.command == .close)
                #expect(overrides.last?.issuedBy == "bob" && overrides.last?.revision == 2)
                #expect(overrides.first?.key == other && overrides.first?.command == .open)
                #expect(abs(overrides.last?.issuedAt.timeIntervalSinceNow ?? 99) < 60)
            }
        }

        @Test("a heartbeat replaces the worker's previous one and keeps its breakers")
        func heartbeats() async throws {
            try await TestDatabase.with { test in
                let store = PostgresControlStore(database: test.database)
                var breaker = CircuitBreaker(key: BreakerKey(route: .direct, language: .spanish))
                _ = breaker.forceOpen(now: ContinuousClock.now)
                var heartbeat = WorkerHeartbeat(
                    workerID: "w1", host: "h", pid: 42, languages: [.spanish], startedAt: Date(),
                    updatedAt: Date(), inFlight: 3, processed: 10, isStopping: false, flagSource: .snapshotFile,
                    flagRevision: 7, flagsLoadedAt: nil, flagStoreUnreachableSince: Date(),
                    breakers: [breaker.snapshot(now: ContinuousClock.now, date: Date())]
                )
                try await store.saveHeartbeat(heartbeat)
                heartbeat.processed = 11
                try await store.saveHeartbeat(heartbeat)
                var second = heartbeat
                second.workerID = "w2"
                second.updatedAt = Date().addingTimeInterval(5)
                try await store.saveHeartbeat(second)

                let stored = try await store.heartbeats()
                #expect(stored.map(\.workerID) == ["w2", "w1"])
                let first = try #require(stored.last)
                #expect(first.processed == 11 && first.flagSource == .snapshotFile)
                #expect(first.breakers.first?.state == .open && first.breakers.first?.isForcedOpen == true)
            }
        }
    }
}
