import Foundation
import Testing
import VoyageurCore
import VoyageurPostgres

extension PostgresIntegrationTests {
    @Suite("PostgreSQL result store")
    struct ResultStoreTests {
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
            try await TestDatabase.with { test in
                let store = PostgresResultStore(database: test.database)
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
        }

        @Test("a rejected or failed result is replaced by a final one, and replaces nothing itself")
        func replaceable() async throws {
            try await TestDatabase.with { test in
                let store = PostgresResultStore(database: test.database)
                var rejected = result("fixed")
                rejected.status = .rejected
                var failed = result("replayed")
                failed.status = .failed
                #expect(try await store.save([rejected, failed]) == 2)
                #expect(try await !store.hasResult(jobID: "fixed"))
                #expect(try await !store.hasResult(jobID: "replayed"))
                rejected.jobID = "replayed"
                #expect(try await store.save([rejected]) == 0)

                #expect(try await store.save([result("fixed"), result("replayed")]) == 2)
                #expect(try await store.hasResult(jobID: "fixed"))
                #expect(try await store.hasResult(jobID: "replayed"))
                #expect(try await store.save([failed]) == 0)
                let statuses = try await store.results(ResultQuery(jobIDs: ["fixed", "replayed"])).map(\.status)
                #expect(statuses == [.succeeded, .succeeded])
            }
        }

        @Test("many jobs asking at once whether they are stored each get their own answer")
        func concurrentLookups() async throws {
            try await TestDatabase.with { test in
                let store = PostgresResultStore(database: test.database)
                var failed = result("job-1")
                failed.status = .failed
                try await store.save((0..<100).filter { $0 % 3 == 0 && $0 != 0 }.map { result("job-\($0)") } + [failed])
                let answers = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                    for index in 0..<100 {
                        group.addTask { (index, try await store.hasResult(jobID: "job-\(index)")) }
                    }
                    return try await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
                }
                #expect(answers.count == 100)
                for (index, isStored) in answers {
                    #expect(isStored == (index % 3 == 0 && index != 0), "job-\(index)")
                }
            }
        }

        @Test("every field survives the round trip, absent ones too")
        func roundTrip() async throws {
            try await TestDatabase.with { test in
                let store = PostgresResultStore(database: test.database)
                let original = JobResult(
                    jobID: "job:1.a-b_c",
                    status: .fallback,
                    route: .translation,
                    method: .template,
                    symbol: "BRK.B",
                    language: .spanish,
                    detail: .detailed,
                    subject: "user-42",
                    recommendation: .hold,
                    text: "Línea 1\n\"comillas\" \\ 'apóstrofo' {llaves} 🚀",
                    reason: "breaker translation/es open",
                    model: "smollm2",
                    attempts: 3,
                    quality: 0.8300000000000001,
                    fingerprint: "f1",
                    queueWait: .microseconds(12_345),
                    generationTime: .milliseconds(340),
                    workerID: "host-1:42",
                    completedAt: Date(timeIntervalSince1970: 1_767_225_600.123456)
                )
                let bare = JobResult(jobID: "bare", status: .rejected, workerID: "w2", completedAt: Date())
                try await store.save([original, bare])

                let stored = try #require(try await store.results(ResultQuery(jobIDs: ["job:1.a-b_c"])).first)
                var expected = original
                expected.completedAt = stored.completedAt
                #expect(stored == expected)
                #expect(abs(stored.completedAt.timeIntervalSince(original.completedAt)) < 0.000_002)

                let storedBare = try #require(try await store.results(ResultQuery(jobIDs: ["bare"])).first)
                #expect(storedBare.method == nil && storedBare.language == nil && storedBare.text == nil)
                #expect(storedBare.quality == nil && storedBare.route == nil && storedBare.status == .rejected)
            }
        }

        @Test("queries filter by id, symbol, language and time and honour the limit, newest first")
        func queries() async throws {
            try await TestDatabase.with { test in
                let store = PostgresResultStore(database: test.database)
                let now = Date()
                try await store.save([
                    result("old", at: now.addingTimeInterval(-60)),
                    result("new", at: now),
                    result("msft", symbol: "MSFT", at: now),
                ])
                #expect(try await store.results(ResultQuery(symbol: "AAPL")).map(\.jobID) == ["new", "old"])
                #expect(try await store.results(ResultQuery(limit: 1)).count == 1)
                #expect(try await store.results(ResultQuery(language: .spanish)).isEmpty)
                #expect(try await store.results(ResultQuery(language: .french)).count == 3)
                let recent = try await store.results(ResultQuery(since: now.addingTimeInterval(-30)))
                #expect(Set(recent.map(\.jobID)) == ["new", "msft"])
                let named = try await store.results(ResultQuery(jobIDs: ["old", "msft", "x\"y"]))
                #expect(Set(named.map(\.jobID)) == ["old", "msft"])
            }
        }

        @Test("the cache offers only good generated results within their time to live")
        func cache() async throws {
            try await TestDatabase.with { test in
                let store = PostgresResultStore(database: test.database)
                let now = Date()
                try await store.save([
                    result("template", method: .template, quality: nil, fingerprint: "f"),
                    result("poor", method: .direct, quality: 0.4, fingerprint: "f"),
                    result(
                        "stale", method: .direct, quality: 0.9, fingerprint: "f", at: now.addingTimeInterval(-7_200)),
                ])
                let since = now.addingTimeInterval(-3_600)
                #expect(try await store.cachedResult(fingerprint: "f", since: since, minimumQuality: 0.7) == nil)

                try await store.save([result("good", method: .translation, quality: 0.8, fingerprint: "f")])
                let hit = try await store.cachedResult(fingerprint: "f", since: since, minimumQuality: 0.7)
                #expect(hit?.jobID == "good")
            }
        }

        @Test("a large batch commits in one call, skipping duplicates within it and already stored")
        func largeBatch() async throws {
            try await TestDatabase.with { test in
                let store = PostgresResultStore(database: test.database)
                try await store.save([result("job-0")])
                var batch = (0..<1_200).map { result("job-\($0)") }
                batch.append(result("job-7"))
                #expect(try await store.save(batch) == 1_199)
                let rows = try await test.query("SELECT count(*) FROM results")
                #expect(rows.first?.first == "1200")
            }
        }
    }
}
