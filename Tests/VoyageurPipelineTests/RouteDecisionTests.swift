import Foundation
import Testing
import VoyageurControl
import VoyageurCore
import VoyageurGeneration
import VoyageurPipeline
import VoyageurSQLite

@Suite("How flags and breakers route a job")
struct RouteDecisionTests {
    private func outcome(
        _ file: PipelineDatabase,
        backend: ScriptedBackend = ScriptedBackend(.write(quality: 0.9)),
        breakers: BreakerBoard = BreakerBoard(settings: .defaults, logger: .disabled),
        id: String = "j1",
        language: Language = .french
    ) async throws -> JobOutcome {
        let processor = file.processor(backend, flags: await file.flags(), breakers: breakers)
        return try await processor.process(Requests.delivery(Requests.body(id: id, language: language), id: id))
    }

    @Test("a French job with its language flag off takes the template route, naming the flag")
    func languageFlagOff() async throws {
        let file = try await PipelineDatabase()
        _ = try await file.control.setFlag(.frenchGeneration, to: FlagState(enabled: false), by: "test")
        let backend = ScriptedBackend(.write(quality: 0.9))
        let result = try #require(try await outcome(file, backend: backend).result)
        #expect(result.status == .fallback && result.route == .template && result.method == .template)
        #expect(result.reason == "french_generation_enabled")
        #expect(result.text?.contains("ACHAT") == true)
        #expect(backend.callCount == 0)
    }

    @Test("English is untouched by the language flags and stopped only by the emergency switch")
    func englishAndEmergency() async throws {
        let file = try await PipelineDatabase()
        _ = try await file.control.setFlag(.multilingualLLM, to: FlagState(enabled: false), by: "test")
        let english = try #require(try await outcome(file, id: "e1", language: .english).result)
        #expect(english.status == .succeeded && english.route == .direct)

        #expect(try await file.control.enableEmergency(by: "test"))
        let stopped = try #require(try await outcome(file, id: "e2", language: .english).result)
        #expect(stopped.status == .fallback && stopped.reason == "emergency_fallback_enabled")
    }

    @Test("direct generation off sends fr and es through the translation route")
    func directOff() async throws {
        let file = try await PipelineDatabase()
        _ = try await file.control.setFlag(.directGeneration, to: FlagState(enabled: false), by: "test")
        let result = try #require(try await outcome(file).result)
        #expect(result.status == .succeeded && result.route == .translation && result.method == .translation)
    }

    @Test("an operator-opened direct breaker reroutes to translation; with both open the job falls back")
    func forcedOpenBreakers() async throws {
        let file = try await PipelineDatabase()
        let breakers = BreakerBoard(settings: .defaults, logger: .disabled)
        try await file.control.setBreakerOverride(.open, for: [BreakerKey(route: .direct, language: .french)], by: "t")
        breakers.apply(try await file.control.breakerOverrides())

        let rerouted = try #require(try await outcome(file, breakers: breakers, id: "a").result)
        #expect(rerouted.status == .succeeded && rerouted.route == .translation)
        #expect(rerouted.reason == "breaker direct/fr open")

        try await file.control.setBreakerOverride(
            .open,
            for: [BreakerKey(route: .translation, language: .french)],
            by: "t"
        )
        breakers.apply(try await file.control.breakerOverrides())
        let fallback = try #require(try await outcome(file, breakers: breakers, id: "b").result)
        #expect(fallback.status == .fallback && fallback.route == .template)
        #expect(fallback.reason == "breaker direct/fr open")
    }

    @Test("with VOYAGEUR_ON_OPEN=defer, a job whose breakers are open is retried later instead")
    func deferPolicy() async throws {
        let file = try await PipelineDatabase()
        let breakers = BreakerBoard(settings: BreakerSettings(onOpen: .defer), logger: .disabled)
        try await file.control.setBreakerOverride(.open, for: BreakerKey.all, by: "t")
        breakers.apply(try await file.control.breakerOverrides())
        let deferred = try await outcome(file, breakers: breakers)
        #expect(deferred.result == nil)
        guard case .retry(_, let error) = deferred.settlement else {
            Issue.record("expected a retry, got \(deferred.settlement)")
            return
        }
        #expect(error == "deferred: breaker direct/fr open")
    }

    @Test("backend failures open the breaker, after which jobs fall back without calling the backend")
    func failuresOpenTheBreaker() async throws {
        let file = try await PipelineDatabase()
        let breakers = BreakerBoard(settings: BreakerSettings(failureThreshold: 3), logger: .disabled)
        let failing = ScriptedBackend(
            .fail(GenerationError(isTransient: false, isBackendFailure: true, message: "HTTP 500"))
        )
        _ = try await file.control.setFlag(.translationPipeline, to: FlagState(enabled: false), by: "test")
        for index in 0..<3 {
            _ = try await outcome(file, backend: failing, breakers: breakers, id: "f\(index)")
        }
        #expect(failing.callCount == 3)
        let refused = try #require(try await outcome(file, backend: failing, breakers: breakers, id: "f4").result)
        #expect(failing.callCount == 3)
        #expect(refused.status == .fallback && refused.reason == "breaker direct/fr open")
        let state = breakers.snapshots().first { $0.key == BreakerKey(route: .direct, language: .french) }?.state
        #expect(state == .open)
    }
}
