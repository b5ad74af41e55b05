/// One chat completion to ask a server for.
public struct ChatRequest: Sendable, Hashable {
    public var model: String
    public var messages: [ChatMessage]
    /// The most tokens the reply may have (`max_tokens`, Ollama `num_predict`).
    public var maxTokens: Int
    public var temperature: Double
    /// Sequences that end the reply early; empty for none.
    public var stop: [String]
    /// The context window to ask for (Ollama `num_ctx`); servers speaking
    /// the OpenAI protocol fix it at start and ignore it.
    public var contextLength: Int
    /// The longest the whole exchange may take, waiting included; running
    /// out is a transient backend failure.
    public var timeout: Duration

    public init(
        model: String,
        messages: [ChatMessage],
        maxTokens: Int,
        temperature: Double,
        stop: [String] = [],
        contextLength: Int = 4_096,
        timeout: Duration
    ) {
        self.model = model
        self.messages = messages
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.stop = stop
        self.contextLength = contextLength
        self.timeout = timeout
    }
}
