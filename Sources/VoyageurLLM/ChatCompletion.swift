/// What a server replied to a ``ChatRequest``.
public struct ChatCompletion: Sendable, Hashable {
    /// The assistant's text, trimmed of surrounding whitespace.
    public var text: String
    /// The model the server says answered; the requested name when it says none.
    public var model: String
    /// Why generation stopped (`stop`, `length`), when the server says.
    public var finishReason: String?
    public var promptTokens: Int?
    public var completionTokens: Int?

    public init(
        text: String,
        model: String,
        finishReason: String? = nil,
        promptTokens: Int? = nil,
        completionTokens: Int? = nil
    ) {
        self.text = text
        self.model = model
        self.finishReason = finishReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
}
