/// A prompt ready to send: the messages and the generation settings that
/// fit them.
public struct Prompt: Sendable, Hashable {
    /// The system message: who the model is.
    public var system: String
    /// The user message: the facts and the rules.
    public var user: String
    /// The reply budget (`max_tokens` / `num_predict`), sized from the
    /// length target so that a complete answer is never cut off.
    public var maxTokens: Int
    /// The context window (Ollama `num_ctx`) that holds prompt and reply.
    public var contextLength: Int
    /// The sampling temperature of a first attempt.
    public var temperature: Double

    public init(system: String, user: String, maxTokens: Int, contextLength: Int, temperature: Double) {
        self.system = system
        self.user = user
        self.maxTokens = maxTokens
        self.contextLength = contextLength
        self.temperature = temperature
    }

    /// The chat messages: system, then user.
    public var messages: [ChatMessage] {
        [ChatMessage(role: .system, content: system), ChatMessage(role: .user, content: user)]
    }
}
