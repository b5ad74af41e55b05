import Foundation
import VoyageurCore
import VoyageurGeneration

/// Writes explanations with a language model behind a ``ChatClient``.
///
/// `direct` writes in the request's language; `translation` writes English,
/// then translates it into French or Spanish (English on that route is
/// written directly). Each attempt is scored by ``QualityScorer``; up to
/// ``LLMConfiguration/maxAttempts`` are made, stopping early at
/// ``LLMConfiguration/goodQuality``, and the best is kept. Safe to share.
public struct LLMBackend: ExplanationBackend {
    private let configuration: LLMConfiguration
    private let client: any ChatClient
    private let prompts = PromptBuilder()
    private let scorer = QualityScorer()

    /// A backend that talks through `client`.
    public init(configuration: LLMConfiguration, client: any ChatClient) {
        self.configuration = configuration
        self.client = client
    }

    /// A backend with the client `configuration.api` names.
    public init(configuration: LLMConfiguration) {
        self.init(configuration: configuration, client: Self.makeClient(configuration))
    }

    /// The backend the environment describes (see
    /// ``LLMConfiguration/init(environment:)``), or nil when
    /// `VOYAGEUR_LLM_URL` is unset.
    ///
    /// - Throws: ``LLMConfigurationError`` naming the first invalid variable.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LLMConfigurationError) -> LLMBackend? {
        try LLMConfiguration.fromEnvironment(environment).map { LLMBackend(configuration: $0) }
    }

    /// The client for `configuration.api`.
    public static func makeClient(_ configuration: LLMConfiguration) -> any ChatClient {
        switch configuration.api {
        case .openai: OpenAIChatClient(baseURL: configuration.baseURL)
        case .ollama: OllamaChatClient(baseURL: configuration.baseURL, keepAlive: configuration.keepAlive)
        }
    }

    /// Generated text differs between calls and costs seconds: worth caching.
    public var isDeterministic: Bool { false }

    /// Asks the server whether it is up, without generating.
    public func health(timeout: Duration = .seconds(2)) async -> ServerHealth {
        await client.health(timeout: timeout)
    }

    /// Writes `request`'s explanation by `route`.
    ///
    /// - Throws: `GenerationError` from the client as soon as a request fails
    ///   (see ``ChatFailure``), or, when the best attempt scores below the
    ///   bar, a permanent, non-backend error whose message starts
    ///   `quality gate:`.
    public func explain(_ request: ExplanationRequest, route: Route) async throws -> Explanation {
        let method: GenerationMethod =
            route == .translation && request.language != .english ? .translation : .direct

        var best: Candidate?
        var attempts = 0
        while attempts < configuration.maxAttempts {
            attempts += 1
            let candidate =
                method == .translation
                ? try await translated(request, attempt: attempts)
                : try await generated(request, in: request.language, attempt: attempts)
            if best.map({ candidate.report.score > $0.report.score }) ?? true {
                best = candidate
            }
            if candidate.report.score >= configuration.goodQuality {
                break
            }
        }

        guard let best, best.report.score >= configuration.qualityBar else {
            let score = best?.report.score ?? 0
            let message = String(
                format: "quality gate: best of %d attempts scored %.2f, below %.2f",
                attempts, score, configuration.qualityBar)
            throw GenerationError(
                isTransient: false,
                isBackendFailure: false,
                isQualityRejection: true,
                attempts: attempts,
                message: message
            )
        }
        return Explanation(
            text: best.text, model: best.model, method: method, attempts: attempts, quality: best.report.score)
    }

    /// One scored text and the model that wrote it.
    private struct Candidate {
        var text: String
        var model: String
        var report: QualityReport
    }

    private func generated(
        _ request: ExplanationRequest, in language: Language, attempt: Int
    ) async throws -> Candidate {
        let prompt = prompts.generation(for: request, in: language)
        let completion = try await client.complete(
            chatRequest(prompt, model: configuration.model(for: request.detail), request, attempt: attempt))
        let report = scorer.score(completion.text, for: request, language: language)
        return Candidate(text: completion.text, model: completion.model, report: report)
    }

    /// English first, then the translation, scored against the English.
    private func translated(_ request: ExplanationRequest, attempt: Int) async throws -> Candidate {
        let english = try await generated(request, in: .english, attempt: attempt)
        let prompt = prompts.translation(of: english.text, for: request)
        let completion = try await client.complete(
            chatRequest(prompt, model: configuration.translationModel, request, attempt: attempt))
        let report = scorer.score(completion.text, for: request, source: english.text)
        let model = english.model == completion.model ? english.model : "\(english.model) + \(completion.model)"
        return Candidate(text: completion.text, model: model, report: report)
    }

    /// Later attempts sample a little hotter, so they do not repeat the
    /// first one's mistakes word for word.
    private func chatRequest(
        _ prompt: Prompt, model: String, _ request: ExplanationRequest, attempt: Int
    ) -> ChatRequest {
        ChatRequest(
            model: model,
            messages: prompt.messages,
            maxTokens: prompt.maxTokens,
            temperature: min(0.9, prompt.temperature + 0.1 * Double(attempt - 1)),
            contextLength: prompt.contextLength,
            timeout: configuration.timeout(for: request.detail)
        )
    }
}
