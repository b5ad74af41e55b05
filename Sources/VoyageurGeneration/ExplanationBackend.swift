import VoyageurCore

/// What a backend wrote for one request.
public struct Explanation: Sendable, Hashable {
    public var text: String
    /// The model or writer that produced it.
    public var model: String
    public var method: GenerationMethod
    /// Generation attempts made, at least 1.
    public var attempts: Int
    /// Quality score 0–1 of generated text; nil for templates.
    public var quality: Double?

    public init(text: String, model: String, method: GenerationMethod, attempts: Int = 1, quality: Double? = nil) {
        self.text = text
        self.model = model
        self.method = method
        self.attempts = attempts
        self.quality = quality
    }
}

/// Something that writes explanations: the template writer, or an LLM.
public protocol ExplanationBackend: Sendable {
    /// True when the same request always gives the same text cheaply, so
    /// there is nothing to gain from the result cache.
    var isDeterministic: Bool { get }

    /// Writes the explanation `request` asks for, by `route`: `direct`
    /// writes in the request's language, `translation` writes English and
    /// translates it. A backend that writes every language natively may
    /// treat both alike.
    ///
    /// - Throws: ``GenerationError`` when nothing usable was produced.
    func explain(_ request: ExplanationRequest, route: Route) async throws -> Explanation
}

/// Why a backend produced nothing.
public struct GenerationError: Error, Sendable, CustomStringConvertible {
    /// Whether trying again later may succeed (connection refused, a server
    /// still loading, a timeout) rather than the request itself being at fault.
    public var isTransient: Bool
    /// Whether the failure says the backend is unwell (refused, timed out,
    /// server error), so that it counts towards opening its breaker. A
    /// server that is still loading its model, or a request it cannot
    /// handle, does not.
    public var isBackendFailure: Bool
    /// Whether the backend answered, but no attempt passed the quality gate:
    /// the job falls back to the template with `message` as its reason.
    public var isQualityRejection: Bool
    /// Generation attempts made before giving up, when the backend counted.
    public var attempts: Int?
    public var message: String

    public init(
        isTransient: Bool,
        isBackendFailure: Bool? = nil,
        isQualityRejection: Bool = false,
        attempts: Int? = nil,
        message: String
    ) {
        self.isTransient = isTransient
        self.isBackendFailure = isBackendFailure ?? isTransient
        self.isQualityRejection = isQualityRejection
        self.attempts = attempts
        self.message = message
    }

    public var description: String { message }
}
