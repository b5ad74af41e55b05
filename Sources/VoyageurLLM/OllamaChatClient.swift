import Foundation
import VoyageurCore

/// Talks to Ollama's native API.
///
/// Sends `POST /api/chat` with `stream: false`, `keep_alive`, and the
/// options Ollama honours (`num_ctx`, `num_predict`, `temperature`, `stop`)
/// — not `max_tokens`, which Ollama ignores. Safe to share.
public struct OllamaChatClient: ChatClient {
    static let chatPath = "/api/chat"
    static let tagsPath = "/api/tags"

    private let transport: HTTPTransport
    private let keepAlive: String

    /// - Parameters:
    ///   - baseURL: the server root, e.g. `http://127.0.0.1:11434`.
    ///   - keepAlive: how long Ollama keeps the model loaded, e.g. `10m`.
    public init(baseURL: URL, keepAlive: String = "10m") {
        transport = HTTPTransport(baseURL: baseURL)
        self.keepAlive = keepAlive
    }

    public func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        let wire = OllamaWire.Request(
            model: request.model,
            messages: request.messages.map { OllamaWire.Message(role: $0.role.rawValue, content: $0.content) },
            keepAlive: keepAlive,
            options: OllamaWire.Options(
                numCtx: request.contextLength,
                numPredict: request.maxTokens,
                temperature: request.temperature,
                stop: request.stop.isEmpty ? nil : request.stop
            )
        )
        let (response, _): (OllamaWire.Response, _) = try await transport.post(
            wire, to: Self.chatPath, timeout: request.timeout, expecting: "a chat reply")
        return ChatCompletion(
            text: response.message.content.trimmingCharacters(in: .whitespacesAndNewlines),
            model: ModelName.shortened(response.model, requested: request.model),
            finishReason: response.doneReason,
            promptTokens: response.promptEvalCount,
            completionTokens: response.evalCount
        )
    }

    /// Probes `GET /api/tags`, which lists the installed models.
    public func health(timeout: Duration) async -> ServerHealth {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let reply = try await transport.send("GET", Self.tagsPath, timeout: timeout)
            let models = (try? JSONDecoder().decode(OllamaWire.TagList.self, from: reply.body))?.models.map(\.name)
            let isReady = (200..<300).contains(reply.status)
            return ServerHealth(
                isReachable: true, isReady: isReady, statusCode: reply.status, models: models ?? [],
                latency: clock.now - started, detail: isReady ? "" : "HTTP \(reply.status)")
        } catch {
            return ServerHealth(
                isReachable: false, isReady: false, latency: clock.now - started, detail: "\(error)")
        }
    }
}
