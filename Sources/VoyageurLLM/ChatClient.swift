/// A language-model server that completes chats.
///
/// Implementations are safe to share across tasks. Every failure is thrown
/// as a `GenerationError` classified by ``ChatFailure``, so the worker can
/// tell a server that is down from one that is warming up or a request at
/// fault.
public protocol ChatClient: Sendable {
    /// The server's reply to `request`, within `request.timeout`.
    ///
    /// - Throws: `GenerationError`: transient and a backend failure when the
    ///   server is unreachable, times out or fails (5xx) or sends an
    ///   unreadable reply; transient but not a backend failure while it loads
    ///   its model or its queue is full; neither for a request it refuses (4xx).
    func complete(_ request: ChatRequest) async throws -> ChatCompletion

    /// Asks the server whether it is up without running a generation.
    /// Never throws: an unreachable server is a status too.
    func health(timeout: Duration) async -> ServerHealth
}
