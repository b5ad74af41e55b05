import Foundation
import VoyageurCore

/// Talks to a server speaking the OpenAI chat protocol: llama.cpp's server,
/// vLLM, or Ollama's compatibility layer.
///
/// Sends `POST /v1/chat/completions` with `max_tokens`, `temperature` and
/// `stop`; the context window is the server's own. Safe to share.
public struct OpenAIChatClient: ChatClient {
    static let chatPath = "/v1/chat/completions"
    static let modelsPath = "/v1/models"
    static let healthPath = "/health"

    private let transport: HTTPTransport

    /// - Parameter baseURL: the server root, e.g. `http://127.0.0.1:8080`; a
    ///   trailing `/v1` is accepted.
    public init(baseURL: URL) {
        transport = HTTPTransport(baseURL: baseURL, droppingSuffix: "/v1")
    }

    public func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        let wire = OpenAIWire.Request(
            model: request.model,
            messages: request.messages.map { OpenAIWire.Message(role: $0.role.rawValue, content: $0.content) },
            maxTokens: request.maxTokens,
            temperature: request.temperature,
            stop: request.stop.isEmpty ? nil : request.stop
        )
        let (response, reply): (OpenAIWire.Response, _) = try await transport.post(
            wire, to: Self.chatPath, timeout: request.timeout, expecting: "a chat completion")
        guard let choice = response.choices.first, let content = choice.message.content else {
            throw ChatFailure.unreadable(body: reply.text, endpoint: Self.chatPath, reason: "no message content")
        }
        return ChatCompletion(
            text: content.trimmingCharacters(in: .whitespacesAndNewlines),
            model: ModelName.shortened(response.model, requested: request.model),
            finishReason: choice.finishReason,
            promptTokens: response.usage?.promptTokens,
            completionTokens: response.usage?.completionTokens
        )
    }

    /// Probes `GET /v1/models`, then llama.cpp's `GET /health` when the
    /// server has no model list.
    public func health(timeout: Duration) async -> ServerHealth {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            var reply = try await transport.send("GET", Self.modelsPath, timeout: timeout)
            if reply.status == 404 {
                reply = try await transport.send("GET", Self.healthPath, timeout: timeout)
            }
            let models = (try? JSONDecoder().decode(OpenAIWire.ModelList.self, from: reply.body))?.data.map(\.id)
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
