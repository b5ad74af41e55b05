import Foundation
import VoyageurCore

/// How to reach the language-model server and how hard to try.
///
/// Built once at start, usually with ``init(environment:)``; every value has
/// a documented default except the server URL.
public struct LLMConfiguration: Sendable {
    /// The wire protocol the server speaks.
    public enum API: String, Sendable, CaseIterable {
        /// `POST /v1/chat/completions`: llama.cpp's server, vLLM, Ollama's
        /// compatibility layer.
        case openai
        /// Ollama's native `POST /api/chat`, with `num_ctx` and `keep_alive`.
        case ollama
    }

    /// The model name the configuration uses when none is set.
    public static let defaultModel = "default"

    /// The server's base URL, e.g. `http://127.0.0.1:8080`.
    public var baseURL: URL
    public var api: API
    /// The model for each detail level; a level missing here uses
    /// ``defaultModel``.
    public var models: [DetailLevel: String]
    /// The model that translates English explanations into French and Spanish.
    public var translationModel: String
    /// The longest one request may take at each level, including the wait
    /// for a busy server. Defaults 30 s, 60 s and 180 s.
    public var timeouts: [DetailLevel: Duration]
    /// Generation attempts per explanation; the best-scoring one is kept.
    /// Default 3.
    public var maxAttempts: Int
    /// The lowest quality an explanation may have; below it the backend
    /// throws and the worker writes the template. Default 0.6.
    public var qualityBar: Double
    /// A quality at which no further attempt is made. Default 0.8.
    public var goodQuality: Double
    /// How long Ollama keeps the model loaded after a request, in its own
    /// syntax (`10m`, `-1`). Ignored by the OpenAI protocol. Default `10m`.
    public var keepAlive: String

    /// A configuration with every default except the server.
    public init(
        baseURL: URL,
        api: API = .openai,
        model: String = LLMConfiguration.defaultModel,
        maxAttempts: Int = 3,
        qualityBar: Double = 0.6
    ) {
        self.baseURL = baseURL
        self.api = api
        self.models = Dictionary(uniqueKeysWithValues: DetailLevel.allCases.map { ($0, model) })
        self.translationModel = model
        self.timeouts = Self.defaultTimeouts
        self.maxAttempts = maxAttempts
        self.qualityBar = qualityBar
        self.goodQuality = max(0.8, qualityBar)
        self.keepAlive = "10m"
    }

    /// The default per-level timeouts: summary 30 s, standard 60 s,
    /// detailed 180 s.
    public static let defaultTimeouts: [DetailLevel: Duration] = [
        .summary: .seconds(30),
        .standard: .seconds(60),
        .detailed: .seconds(180),
    ]

    /// The model that writes explanations at `level`.
    public func model(for level: DetailLevel) -> String {
        models[level] ?? Self.defaultModel
    }

    /// The timeout of one request at `level`.
    public func timeout(for level: DetailLevel) -> Duration {
        timeouts[level] ?? Self.defaultTimeouts[level] ?? .seconds(60)
    }
}
