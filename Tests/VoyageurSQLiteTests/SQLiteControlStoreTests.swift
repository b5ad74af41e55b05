import Foundation
import Testing
import VoyageurControl
import VoyageurCore
import VoyageurSQLite

@Suite("Embedded control store")
struct SQLiteControlStoreTests {
    @Test("a fresh store holds the default flags at revision 0")
    func defaults() async throws {
        let file = try await TemporaryDatabase()
        let store = SQLiteControlStore(database: file.database)
        let flags = try await store.flags()
        #expect(flags.version == 0)
        #expect(flags.states == FlagSnapshot.defaults.states)
    }

    @Test("a flag change is durable, visible to another connection, and bumps the revision")
    func durableChange() async throws {
        let file = try await TemporaryDatabase()
        let writer = SQLiteControlStore(database: file.database)
        let changed = try await writer.setFlag(
            .frenchGeneration, to: FlagState(enabled: true, rolloutPercentage: 30), by: "t")
        #expect(changed.version == 1)

        let reader = SQLiteControlStore(database: SQLiteDatabase(path: file.path))
        #expect(try await reader.controlRevision() == 1)
        #expect(try await reader.flags()[.frenchGeneration] == FlagState(enabled: true, rolloutPercentage: 30))
    }

    @Test("emergency disable and clear restore every flag exactly, and neither repeats")
    func emergencyRoundTrip() async throws {
        let file = try await TemporaryDatabase()
        let store = SQLiteControlStore(database: file.database)
        _ = try await store.setFlag(.spanishGeneration, to: FlagState(enabled: false, rolloutPercentage: 40), by: "t")
        _ = try await store.setFlag(.frenchGeneration, to: FlagState(enabled: true, rolloutPercentage: 25), by: "t")
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

    @Test("the latest override of a breaker wins and carries a newer revision")
    func overrides() async throws {
        let file = try await TemporaryDatabase()
        let store = SQLiteControlStore(database: file.database)
        let key = BreakerKey(route: .direct, language: .french)
        try await store.setBreakerOverride(.open, for: [key], by: "alice")
        try await store.setBreakerOverride(.close, for: [key], by: "bob")
        let overrides = try await store.breakerOverrides()
        #expect(overrides.count == 1)
        #expect(overrides.first?.command == .close && overrides.first?.issuedBy == "bob")
        #expect(overrides.first?.revision == 2)
    }

    @Test("a heartbeat replaces the worker's previous one and keeps its breakers")
    func heartbeats() async throws {
        let file = try await TemporaryDatabase()
        let store = SQLiteControlStore(database: file.database)
        var breaker = CircuitBreaker(key: BreakerKey(route: .direct, language: .spanish))
        _ = breaker.forceOpen(now: ContinuousClock.now)
        var heartbeat = WorkerHeartbeat(
            workerID: "w1", host: "h", pid: 42, languages: [.spanish], startedAt: Date(), updatedAt: Date(),
            inFlight: 3, processed: 10, isStopping: false, flagSource: .snapshotFile, flagRevision: 7,
            flagsLoadedAt: nil, flagStoreUnreachableSince: Date(),
            breakers: [breaker.snapshot(now: ContinuousClock.now, date: Date())]
        )
        try await store.saveHeartbeat(heartbeat)
        heartbeat.processed = 11
        try await store.saveHeartbeat(heartbeat)

        let stored = try await store.heartbeats()
        #expect(stored.count == 1)
        #expect(stored.first?.processed == 11 && stored.first?.flagSource == .snapshotFile)
        #expect(stored.first?.breakers.first?.state == .open && stored.first?.breakers.first?.isForcedOpen == true)
    }
}
