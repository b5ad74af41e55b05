import Foundation
import Testing
import VoyageurCore
import VoyageurSQLite

@Suite("Embedded SQLite result store")
struct SQLiteResultStoreTests {
    private func result(
        _ id: String,
        symbol: String = "AAPL",
        method: GenerationMethod = .template,
        quality: Double? = nil,
        fingerprint: String? = nil,
        at date: Date = Date()
    ) -> JobResult {
        JobResult(
            jobID: id,
            status: .succeeded,
            method: method,
            symbol: symbol,
            language: .french,
            detail: .summary,
            recommendation: .buy,
            text: "AAPL: ACHAT",
            model: "m",
            attempts: 1,
            quality: quality,
            fingerprint: fingerprint,
            queueWait: .milliseconds(12),
            generationTime: .milliseconds(340),
            workerID: "w1",
            completedAt: date
        )
    }

    @Test("a result is stored once per job id; a second save keeps the first")
    func idempotentSave() async throws {
        let file = try await TemporaryDatabase()
        let store = SQLiteResultStore(database: file.database)
        #expect(try await store.save([result("a"), result("b")]) == 2)
        var again = result("a")
        again.text = "changed"
        #expect(try await store.save([again]) == 0)

        let stored = try await store.results(ResultQuery(jobIDs: ["a"]))
        #expect(stored.count == 1)
        #expect(stored.first?.text == "AAPL: ACHAT")
        #expect(try await store.hasResult(jobID: "a"))
        #expect(try await !store.hasResult(jobID: "zzz"))
    }

    @Test("a corrected request replaces a rejected result, and nothing replaces a final one")
    func rejectedIsReplaceable() async throws {
        let file = try await TemporaryDatabase()
        let store = SQLiteResultStore(database: file.database)
        var rejected = result("order-7731")
        rejected.status = .rejected
        rejected.reason = "analysis.score: is required"
        try await store.save([rejected])
        #expect(try await !store.hasResult(jobID: "order-7731"))

        #expect(try await store.save([result("order-7731")]) == 1)
        #expect(try await store.hasResult(jobID: "order-7731"))
        #expect(try await store.results(ResultQuery(jobIDs: ["order-7731"])).first?.status == .succeeded)

        #expect(try await store.save([rejected]) == 0)
        #expect(try await store.results(ResultQuery(jobIDs: ["order-7731"])).first?.status == .succeeded)
    }

    @Test("a replayed job replaces a failed result; a failed or rejected one replaces nothing")
    func failedIsReplaceable() async throws {
        let file = try await TemporaryDatabase()
        let store = SQLiteResultStore(database: file.database)
        var failed = result("doomed")
        failed.status = .failed
        failed.reason = "delivery limit of 5 reached: the job kept coming back unsettled"
        var rejected = failed
        rejected.status = .rejected
        try await store.save([failed])
        #expect(try await !store.hasResult(jobID: "doomed"))
        #expect(try await store.save([rejected]) == 0)
        #expect(try await store.results(ResultQuery(jobIDs: ["doomed"])).first?.status == .failed)

        #expect(try await store.save([result("doomed")]) == 1)
        #expect(try await store.hasResult(jobID: "doomed"))
        #expect(try await store.save([failed]) == 0)
        #expect(try await store.results(ResultQuery(jobIDs: ["doomed"])).first?.status == .succeeded)
    }

    @Test("every field survives the round trip")
    func roundTrip() async throws {
        let file = try await TemporaryDatabase()
        let store = SQLiteResultStore(database: file.database)
        let original = result("a", method: .direct, quality: 0.83, fingerprint: "f1")
        try await store.save([original])
        let stored = try #require(try await store.results(ResultQuery(jobIDs: ["a"])).first)
        #expect(stored.jobID == original.jobID)
        #expect(stored.method == .direct && stored.language == .french && stored.detail == .summary)
        #expect(stored.recommendation == .buy && stored.quality == 0.83 && stored.fingerprint == "f1")
        #expect(stored.queueWait == .milliseconds(12) && stored.generationTime == .milliseconds(340))
        #expect(abs(stored.completedAt.timeIntervalSince(original.completedAt)) < 0.002)
    }

    @Test("queries filter by symbol and language and honour the limit, newest first")
    func queries() async throws {
        let file = try await TemporaryDatabase()
        let store = SQLiteResultStore(database: file.database)
        let now = Date()
        try await store.save([
            result("old", at: now.addingTimeInterval(-60)),
            result("new", at: now),
            result("msft", symbol: "MSFT", at: now),
        ])
        #expect(try await store.results(ResultQuery(symbol: "AAPL")).map(\.jobID) == ["new", "old"])
        #expect(try await store.results(ResultQuery(limit: 1)).count == 1)
        #expect(try await store.results(ResultQuery(language: .spanish)).isEmpty)
    }

    @Test("the cache offers only good generated results within their time to live")
    func cache() async throws {
        let file = try await TemporaryDatabase()
        let store = SQLiteResultStore(database: file.database)
        let now = Date()
        try await store.save([
            result("template", method: .template, quality: nil, fingerprint: "f"),
            result("poor", method: .direct, quality: 0.4, fingerprint: "f"),
            result("stale", method: .direct, quality: 0.9, fingerprint: "f", at: now.addingTimeInterval(-7_200)),
        ])
        let since = now.addingTimeInterval(-3_600)
        #expect(try await store.cachedResult(fingerprint: "f", since: since, minimumQuality: 0.7) == nil)

        try await store.save([result("good", method: .translation, quality: 0.8, fingerprint: "f")])
        let hit = try await store.cachedResult(fingerprint: "f", since: since, minimumQuality: 0.7)
        #expect(hit?.jobID == "good")
    }

    @Test("migrations apply once, and a fresh file is refused until migrated")
    func migrations() async throws {
        let file = try await TemporaryDatabase()
        #expect(try await file.database.migrate().isEmpty)
        #expect(try await file.database.schemaVersion() >= 1)

        let fresh = SQLiteDatabase(path: file.directory.appendingPathComponent("fresh.db").path)
        await #expect(throws: SQLiteError.self) { try await fresh.requireCurrentSchema() }
        #expect(try await fresh.migrate().first == 1)
        try await fresh.requireCurrentSchema()
    }
}
