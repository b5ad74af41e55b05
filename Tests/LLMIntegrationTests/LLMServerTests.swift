import Foundation
import Testing
import VoyageurCore
import VoyageurGeneration
import VoyageurLLM

/// The server `scripts/llm-test-server.sh start` printed, if any.
private let serverURL = ProcessInfo.processInfo.environment["VOYAGEUR_TEST_LLM_URL"].flatMap(URL.init(string:))

/// Against the llama.cpp server with SmolLM2-135M. One request at a time:
/// the server serialises generations, and queued requests would eat into
/// each other's timeouts.
@Suite(.enabled(if: serverURL != nil, "VOYAGEUR_TEST_LLM_URL is not set"), .serialized)
struct LLMServerTests {
    static let analysis = Analysis(
        score: 7.6,
        price: 189.25,
        indicators: [
            Indicator(name: "sma50vs200", score: 0.82, weight: 0.12, raw: ["sma50": 182.4, "sma200": 171.1]),
            Indicator(name: "rsi14", score: 0.7, weight: 0.08, raw: ["rsi": 72.35]),
            Indicator(
                name: "srcontext", score: 0.6, weight: 0.056,
                raw: ["nearest_support": 180, "nearest_resistance": 195.5]),
        ]
    )

    static func request(_ language: Language, _ detail: DetailLevel) -> ExplanationRequest {
        ExplanationRequest(
            id: "llm-\(language.code)-\(detail.rawValue)", symbol: "AAPL", language: language, detail: detail,
            analysis: analysis)
    }

    /// Generous timeouts: two cores, shared with builds.
    static func configuration(_ url: URL, attempts: Int = 1) -> LLMConfiguration {
        var configuration = LLMConfiguration(baseURL: url, maxAttempts: attempts)
        for level in DetailLevel.allCases {
            configuration.timeouts[level] = .seconds(600)
        }
        return configuration
    }

    /// Either an explanation at or above the bar, or the quality gate's
    /// refusal: SmolLM2-135M writes poorly, and rejecting it is correct. Any
    /// other error means the round trip failed.
    static func expectGeneratedOrGated(
        _ backend: LLMBackend, _ request: ExplanationRequest, route: Route, attempts: Int,
        method: GenerationMethod
    ) async {
        do {
            let explanation = try await backend.explain(request, route: route)
            #expect(explanation.method == method)
            #expect(!explanation.model.isEmpty)
            #expect((1...attempts).contains(explanation.attempts))
            #expect((explanation.quality ?? 0) >= 0.6)
            #expect(!explanation.text.isEmpty)
        } catch let error as GenerationError {
            #expect(error.message.hasPrefix("quality gate: best of \(attempts) attempts scored"), "\(error)")
            #expect(!error.isTransient && !error.isBackendFailure)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(
        "every language and level generates directly, and the quality is judged",
        .timeLimit(.minutes(30)),
        arguments: Language.allCases, DetailLevel.allCases)
    func direct(language: Language, detail: DetailLevel) async throws {
        let url = try #require(serverURL)
        let backend = LLMBackend(configuration: Self.configuration(url))
        await Self.expectGeneratedOrGated(
            backend, Self.request(language, detail), route: .direct, attempts: 1, method: .direct)
    }

    @Test(
        "French and Spanish generate through English and a translation",
        .timeLimit(.minutes(20)),
        arguments: [Language.french, .spanish])
    func translation(language: Language) async throws {
        let url = try #require(serverURL)
        let backend = LLMBackend(configuration: Self.configuration(url))
        await Self.expectGeneratedOrGated(
            backend, Self.request(language, .summary), route: .translation, attempts: 1, method: .translation)
    }

    @Test("several attempts are made and counted", .timeLimit(.minutes(10)))
    func attempts() async throws {
        let url = try #require(serverURL)
        var configuration = Self.configuration(url, attempts: 3)
        configuration.goodQuality = 1
        let backend = LLMBackend(configuration: configuration)
        await Self.expectGeneratedOrGated(
            backend, Self.request(.english, .summary), route: .direct, attempts: 3, method: .direct)
    }

    @Test("a raw completion reports text, model and token counts", .timeLimit(.minutes(5)))
    func completion() async throws {
        let url = try #require(serverURL)
        let client = OpenAIChatClient(baseURL: url)
        let completion = try await client.complete(
            ChatRequest(
                model: "default",
                messages: [ChatMessage(role: .user, content: "Say hello in one word.")],
                maxTokens: 16, temperature: 0, timeout: .seconds(120)))
        #expect(!completion.model.isEmpty)
        #expect(!completion.model.contains("/"))
        #expect((completion.completionTokens ?? 0) > 0)
        #expect((completion.completionTokens ?? 0) <= 16)
    }

    @Test("the health probe answers without generating", .timeLimit(.minutes(1)))
    func health() async throws {
        let url = try #require(serverURL)
        let health = await OpenAIChatClient(baseURL: url).health(timeout: .seconds(5))
        #expect(health.isReachable && health.isReady)
        #expect(health.statusCode == 200)
        #expect(!health.models.isEmpty)
    }

    @Test("a request that outlives its timeout is a transient backend failure", .timeLimit(.minutes(5)))
    func timeout() async throws {
        let url = try #require(serverURL)
        let client = OpenAIChatClient(baseURL: url)
        let request = ChatRequest(
            model: "default",
            messages: [ChatMessage(role: .user, content: "Write a long essay about markets.")],
            maxTokens: 48, temperature: 0, timeout: .milliseconds(1))
        let clock = ContinuousClock()
        let started = clock.now
        await #expect {
            _ = try await client.complete(request)
        } throws: { error in
            guard let error = error as? GenerationError else { return false }
            return error.isTransient && error.isBackendFailure && error.message.contains("timed out")
        }
        #expect(clock.now - started < .seconds(5))
    }
}
