import Foundation
import Testing
import VoyageurCore
import VoyageurGeneration

@testable import VoyageurLLM

/// A client that replies with scripted texts, in order, and records requests.
private actor ScriptedClient: ChatClient {
    private var replies: [Result<String, GenerationError>]
    private(set) var requests: [ChatRequest] = []

    init(_ replies: [Result<String, GenerationError>]) {
        self.replies = replies
    }

    func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        requests.append(request)
        let reply = replies.isEmpty ? .success("") : replies.removeFirst()
        return ChatCompletion(text: try reply.get(), model: request.model)
    }

    nonisolated func health(timeout: Duration) async -> ServerHealth {
        ServerHealth(isReachable: true, isReady: true, latency: .zero)
    }
}

@Suite("LLM backend")
struct LLMBackendTests {
    private let configuration = {
        var configuration = LLMConfiguration(baseURL: URL(filePath: "/"), model: "writer")
        configuration.translationModel = "translator"
        return configuration
    }()

    @Test("a good first attempt is kept and no more are made")
    func goodFirstAttempt() async throws {
        let client = ScriptedClient([.success(Samples.frenchSummary)])
        let backend = LLMBackend(configuration: configuration, client: client)
        let explanation = try await backend.explain(Samples.request(Samples.buy, .french), route: .direct)
        #expect(
            explanation
                == Explanation(
                    text: Samples.frenchSummary, model: "writer", method: .direct, attempts: 1, quality: 1))
        #expect(await client.requests.count == 1)
    }

    @Test("the best of several attempts is kept when none is good enough to stop")
    func bestAttempt() async throws {
        var configuration = configuration
        configuration.goodQuality = 0.99
        let extra = " The balance of the readings remains favourable for the stock in the weeks ahead."
        let long = Samples.englishSummary + extra + extra
        let weak = Samples.englishSummary + " A target of 240.00 looks reachable."
        let client = ScriptedClient([.success(weak), .success(long), .success(weak)])
        let backend = LLMBackend(configuration: configuration, client: client)
        let explanation = try await backend.explain(Samples.request(Samples.buy, .english), route: .direct)
        #expect(explanation.text == long)
        #expect(explanation.attempts == 3)
        #expect((0.9..<0.99).contains(explanation.quality ?? 0))
        let requests = await client.requests
        #expect(requests.map { ($0.temperature * 10).rounded() } == [3, 4, 5])
    }

    @Test("below the bar, the quality gate says how many attempts scored what")
    func qualityGate() async {
        let client = ScriptedClient(Array(repeating: .success(Samples.thresholdWithoutHold), count: 3))
        let backend = LLMBackend(configuration: configuration, client: client)
        await #expect {
            try await backend.explain(Samples.request(Samples.hold, .english), route: .direct)
        } throws: { error in
            guard let error = error as? GenerationError else { return false }
            return !error.isTransient && !error.isBackendFailure
                && error.message == "quality gate: best of 3 attempts scored 0.40, below 0.60"
        }
    }

    @Test("the translation route writes English, then translates it with the translation model")
    func translationRoute() async throws {
        let client = ScriptedClient([.success(Samples.englishSummary), .success(Samples.spanishSummary)])
        let backend = LLMBackend(configuration: configuration, client: client)
        let explanation = try await backend.explain(Samples.request(Samples.buy, .spanish), route: .translation)
        #expect(explanation.method == .translation)
        #expect(explanation.text == Samples.spanishSummary)
        #expect(explanation.model == "writer + translator")
        #expect(explanation.quality == 1)
        let requests = await client.requests
        #expect(requests.map(\.model) == ["writer", "translator"])
        #expect(requests[1].messages[1].content.contains(Samples.englishSummary))
    }

    @Test("English on the translation route is written directly")
    func englishTranslationIsDirect() async throws {
        let client = ScriptedClient([.success(Samples.englishSummary)])
        let backend = LLMBackend(configuration: configuration, client: client)
        let explanation = try await backend.explain(Samples.request(Samples.buy, .english), route: .translation)
        #expect(explanation.method == .direct)
        #expect(await client.requests.count == 1)
    }

    @Test("a transient failure propagates at once, even after a weak attempt")
    func transientFailure() async {
        let refused = GenerationError(isTransient: true, isBackendFailure: true, message: "connection refused")
        let client = ScriptedClient([.success(Samples.thresholdWithoutHold), .failure(refused)])
        let backend = LLMBackend(configuration: configuration, client: client)
        await #expect {
            try await backend.explain(Samples.request(Samples.hold, .english), route: .direct)
        } throws: { error in
            (error as? GenerationError)?.message == "connection refused"
        }
    }

    @Test("each request carries its level's timeout and token budget")
    func requestSettings() async throws {
        let client = ScriptedClient([.success(Samples.englishSummary)])
        let backend = LLMBackend(configuration: configuration, client: client)
        _ = try? await backend.explain(Samples.request(Samples.buy, .english, .detailed), route: .direct)
        let request = try #require(await client.requests.first)
        #expect(request.timeout == .seconds(180))
        #expect(request.maxTokens >= 1_400)
        #expect(request.contextLength >= 2_048)
    }
}
