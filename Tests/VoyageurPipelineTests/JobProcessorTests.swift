import Foundation
import Testing
import VoyageurControl
import VoyageurCore
import VoyageurGeneration
import VoyageurPipeline
import VoyageurRuntime
import VoyageurSQLite

@Suite("What a worker does with one job")
struct JobProcessorTests {

    @Test("a valid job becomes a succeeded result that records everything about it")
    func succeeded() async throws {
        let file = try await PipelineDatabase()
        let backend = ScriptedBackend(.write(quality: 0.9))
        let outcome = try await file.processor(backend, flags: await file.flags())
            .process(Requests.delivery(Requests.body(id: "j1"), id: "j1"))

        #expect(outcome.settlement == .ack)
        let result = try #require(outcome.result)
        #expect(result.jobID == "j1" && result.status == .succeeded && result.method == .direct)
        #expect(result.language == .french && result.detail == .summary && result.recommendation == .buy)
        #expect(result.text == "AAPL: ACHAT" && result.model == "scripted" && result.quality == 0.9)
        #expect(result.workerID == "w-test" && result.fingerprint != nil)
        #expect(result.queueWait >= .milliseconds(200))
    }

    @Test("a job that breaks the schema is rejected to the dead letters with the field named")
    func rejected() async throws {
        let file = try await PipelineDatabase()
        let backend = ScriptedBackend(.write(quality: 0.9))
        let body = Requests.body(id: "bad", score: 11)
        let outcome = try await file.processor(backend, flags: await file.flags())
            .process(Requests.delivery(body, id: "bad"))

        let reason = "analysis.score: must be a number from 0 to 10 (got 11)"
        #expect(outcome.settlement == .deadLetter(reason: reason))
        #expect(outcome.result?.status == .rejected && outcome.result?.reason == reason)
        #expect(backend.callCount == 0)
    }

    @Test("bytes that are not JSON are rejected under the queue's message id")
    func notJSON() async throws {
        let file = try await PipelineDatabase()
        let outcome = try await file.processor(ScriptedBackend(.write(quality: 1)), flags: await file.flags())
            .process(Requests.delivery(Data([0xff, 0x00, 0x7b]), id: "raw-1"))
        #expect(outcome.result?.jobID == "raw-1")
        #expect(outcome.result?.status == .rejected)
        #expect(outcome.settlement == .deadLetter(reason: "request: is not valid JSON"))
    }

    @Test("a job back unsettled as often as the delivery limit is recorded as failed and dead-lettered, not run")
    func deliveryLimit() async throws {
        let file = try await PipelineDatabase()
        let backend = ScriptedBackend(.write(quality: 0.9))
        let processor = file.processor(backend, flags: await file.flags())
        let body = Requests.body(id: "doomed")

        let belowLimit = try await processor.process(
            Requests.delivery(body, id: "doomed", attempt: 5, redeliveries: 4))
        #expect(belowLimit.result?.status == .succeeded)
        #expect(backend.callCount == 1)

        let reason = "delivery limit of 5 reached: the job kept coming back unsettled"
        let atLimit = try await processor.process(Requests.delivery(body, id: "doomed", attempt: 6, redeliveries: 5))
        #expect(atLimit.settlement == .deadLetter(reason: reason))
        let result = try #require(atLimit.result)
        #expect(result.status == .failed && result.reason == reason)
        #expect(result.symbol == "AAPL" && result.language == .french && result.text == nil)
        #expect(backend.callCount == 1)
    }

    @Test("a job already stored is acknowledged even at its delivery limit")
    func deliveryLimitAfterCommit() async throws {
        let file = try await PipelineDatabase()
        let processor = file.processor(ScriptedBackend(.write(quality: 0.9)), flags: await file.flags())
        let body = Requests.body(id: "kept")
        let first = try #require(try await processor.process(Requests.delivery(body, id: "kept")).result)
        try await file.store.save([first])

        let again = try await processor.process(Requests.delivery(body, id: "kept", attempt: 6, redeliveries: 5))
        #expect(again.settlement == .ack && again.result == nil)
    }

    @Test("a job taken after its deadline expires without generation")
    func expired() async throws {
        let file = try await PipelineDatabase()
        let backend = ScriptedBackend(.write(quality: 0.9))
        let body = Requests.body(id: "late", extra: ",\"deadline\":\"2020-01-01T00:00:00Z\"")
        let outcome = try await file.processor(backend, flags: await file.flags())
            .process(Requests.delivery(body, id: "late"))
        #expect(outcome.result?.status == .expired)
        #expect(outcome.result?.reason?.contains("2020-01-01T00:00:00.000Z") == true)
        #expect(outcome.settlement == .ack)
        #expect(backend.callCount == 0)
    }

    @Test("a redelivered job whose result is stored is acknowledged without a new result")
    func redelivery() async throws {
        let file = try await PipelineDatabase()
        let store = SQLiteResultStore(database: file.database)
        let backend = ScriptedBackend(.write(quality: 0.9))
        let processor = file.processor(backend, flags: await file.flags())
        let delivery = Requests.delivery(Requests.body(id: "j1"), id: "j1")
        try await store.save([try #require(try await processor.process(delivery).result)])

        let again = try await processor.process(delivery)
        #expect(again.result == nil && again.settlement == .ack)
        #expect(backend.callCount == 1)
    }

    @Test("an equal request within the cache lifetime is a copy, unless it forces regeneration")
    func cache() async throws {
        let file = try await PipelineDatabase()
        let store = SQLiteResultStore(database: file.database)
        let backend = ScriptedBackend(.write(quality: 0.9))
        let processor = file.processor(backend, flags: await file.flags())
        try await store.save([
            try #require(try await processor.process(Requests.delivery(Requests.body(id: "first"), id: "first")).result)
        ])

        let copy = try #require(
            try await processor.process(Requests.delivery(Requests.body(id: "second"), id: "second")).result)
        #expect(copy.method == .cache && copy.text == "AAPL: ACHAT" && copy.reason == "copied from job first")
        #expect(backend.callCount == 1)

        let forced = Requests.body(id: "third", extra: ",\"force_regenerate\":true")
        let fresh = try #require(try await processor.process(Requests.delivery(forced, id: "third")).result)
        #expect(fresh.method == .direct)
        #expect(backend.callCount == 2)
    }

    @Test("a transient failure is retried with backoff until the attempts run out, then falls back to the template")
    func transientFailure() async throws {
        let file = try await PipelineDatabase()
        let backend = ScriptedBackend(.fail(GenerationError(isTransient: true, message: "connection refused")))
        let processor = file.processor(backend, flags: await file.flags(), maxAttempts: 3)
        let body = Requests.body(id: "j1")

        let first = try await processor.process(Requests.delivery(body, id: "j1", attempt: 1))
        guard case .retry(let delay, let error) = first.settlement else {
            Issue.record("expected a retry, got \(first.settlement)")
            return
        }
        #expect(first.result == nil && error == "connection refused")
        #expect(delay >= .milliseconds(500) && delay <= .seconds(1))

        let history = ["connection refused", "deferred: breaker direct/fr open", "connection refused"]
        let last = try await processor.process(Requests.delivery(body, id: "j1", attempt: 4, errorHistory: history))
        #expect(last.settlement == .ack)
        let result = try #require(last.result)
        #expect(result.status == .fallback && result.route == .template && result.method == .template)
        #expect(result.reason == "generation failed: connection refused")
        #expect(result.attempts == 3)
        #expect(result.text?.contains("ACHAT") == true)
    }

    @Test("a permanent failure falls back to the template at once, with the error as its reason")
    func permanentFailure() async throws {
        let file = try await PipelineDatabase()
        let backend = ScriptedBackend(.fail(GenerationError(isTransient: false, message: "model not found")))
        let outcome = try await file.processor(backend, flags: await file.flags())
            .process(Requests.delivery(Requests.body(id: "j1"), id: "j1"))
        #expect(outcome.settlement == .ack)
        #expect(outcome.result?.status == .fallback && outcome.result?.reason == "generation failed: model not found")
    }

    @Test("text the quality gate rejects falls back to the template with the gate's verdict as reason")
    func qualityGate() async throws {
        let file = try await PipelineDatabase()
        let verdict = "quality gate: best of 3 attempts scored 0.42, below 0.60"
        let backend = ScriptedBackend(
            .fail(GenerationError(isTransient: false, isQualityRejection: true, attempts: 3, message: verdict))
        )
        let breakers = BreakerBoard(settings: BreakerSettings(failureThreshold: 1), logger: .disabled)
        let outcome = try await file.processor(backend, flags: await file.flags(), breakers: breakers)
            .process(Requests.delivery(Requests.body(id: "j1"), id: "j1"))
        let result = try #require(outcome.result)
        #expect(result.status == .fallback && result.route == .template && result.reason == verdict)
        #expect(result.attempts == 3)
        let direct = breakers.snapshots().first { $0.key == BreakerKey(route: .direct, language: .french) }
        #expect(direct?.state == .closed, "a weak text is not a backend failure")
        #expect(direct?.totalSuccesses == 1, "the backend answered")
    }
}
