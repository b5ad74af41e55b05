import VoyageurCore

/// The template writer as a backend: the embedded default, and what every
/// fallback uses.
public struct TemplateBackend: ExplanationBackend {
    private let writer = TemplateWriter()

    public init() {}

    /// Templates are cheap and the same every time, so never cached.
    public var isDeterministic: Bool { true }

    /// Writes natively in every language, so both routes give the same text.
    public func explain(_ request: ExplanationRequest, route: Route) async throws -> Explanation {
        Explanation(text: writer.write(request), model: TemplateWriter.modelName, method: .template)
    }
}
