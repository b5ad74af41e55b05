import Foundation
import Testing
import VoyageurCore
import VoyageurGeneration
import VoyageurLLM

/// Failures that need no server at all: nothing listens on the port.
@Suite("Connection failures")
struct ConnectionFailureTests {
    /// A loopback port nothing listens on (the discard port).
    static let closedURL = URL(string: "http://127.0.0.1:9")!

    @Test(
        "connection refused is a transient backend failure, for both protocols",
        .timeLimit(.minutes(1)),
        arguments: [LLMConfiguration.API.openai, .ollama])
    func refused(api: LLMConfiguration.API) async {
        var configuration = LLMConfiguration(baseURL: Self.closedURL, api: api)
        configuration.timeouts[.summary] = .seconds(10)
        let backend = LLMBackend(configuration: configuration)
        let request = ExplanationRequest(
            id: "refused", symbol: "AAPL", language: .english, detail: .summary,
            analysis: Analysis(score: 7.5, indicators: [Indicator(name: "rsi14", score: 0.7, weight: 0.1)]))
        await #expect {
            _ = try await backend.explain(request, route: .direct)
        } throws: { error in
            guard let error = error as? GenerationError else { return false }
            return error.isTransient && error.isBackendFailure
        }
    }

    @Test("the health probe of a closed port says unreachable", .timeLimit(.minutes(1)))
    func unreachable() async {
        let health = await OllamaChatClient(baseURL: Self.closedURL).health(timeout: .seconds(5))
        #expect(!health.isReachable && !health.isReady)
        #expect(health.statusCode == nil)
    }
}
