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

    static let request = ExplanationRequest(
        id: "silent", symbol: "AAPL", language: .english, detail: .summary,
        analysis: Analysis(score: 7.5, indicators: [Indicator(name: "rsi14", score: 0.7, weight: 0.1)]))

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

    @Test("a server that takes the request and never answers times out at the deadline", .timeLimit(.minutes(1)))
    func silentServer() async throws {
        let server = try SilentServer()
        defer { server.close() }
        var configuration = LLMConfiguration(baseURL: server.url, api: .openai)
        configuration.timeouts[.summary] = .milliseconds(500)
        configuration.maxAttempts = 1
        let started = ContinuousClock.now
        await #expect {
            _ = try await LLMBackend(configuration: configuration).explain(Self.request, route: .direct)
        } throws: { error in
            guard let error = error as? GenerationError else { return false }
            return error.isTransient && error.isBackendFailure && error.message.contains("timed out after 500ms")
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test("cancelling a request that waits for a silent server ends it promptly", .timeLimit(.minutes(1)))
    func cancelWhileWaiting() async throws {
        let server = try SilentServer()
        defer { server.close() }
        var configuration = LLMConfiguration(baseURL: server.url, api: .ollama)
        configuration.timeouts[.summary] = .seconds(120)
        configuration.maxAttempts = 1
        let backend = LLMBackend(configuration: configuration)
        let waiting = Task { try await backend.explain(Self.request, route: .direct) }
        try await Task.sleep(for: .milliseconds(300))
        let started = ContinuousClock.now
        waiting.cancel()
        let result = await waiting.result
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(throws: (any Error).self) { try result.get() }
    }

    @Test("the health probe of a closed port says unreachable", .timeLimit(.minutes(1)))
    func unreachable() async {
        let health = await OllamaChatClient(baseURL: Self.closedURL).health(timeout: .seconds(5))
        #expect(!health.isReachable && !health.isReady)
        #expect(health.statusCode == nil)
    }
}

/// A loopback socket that accepts connections (the kernel's backlog does)
/// and never answers.
private final class SilentServer {
    private let descriptor: Int32
    let url: URL

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, address, &length) == 0
            }
        }
        try #require(descriptor >= 0 && bound, "cannot listen on loopback")
        self.descriptor = descriptor
        url = URL(string: "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))")!
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
