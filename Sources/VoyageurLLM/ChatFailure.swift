import Foundation
import VoyageurCore
import VoyageurGeneration

/// Turns what went wrong talking to a server into a `GenerationError`
/// the worker can act on.
///
/// | what happened | transient | backend failure |
/// |---|---|---|
/// | connection refused, reset, unknown host, timeout | yes | yes |
/// | 503 saying "loading", "queue full" or "busy" (warming up) | yes | no |
/// | 429 too many requests, 408 request timeout | yes | no |
/// | any other 5xx | yes | yes |
/// | any other 4xx (the request is at fault) | no | no |
/// | a 2xx whose body cannot be read | yes | yes |
public enum ChatFailure {
    /// The most characters of a server's error body a message quotes.
    static let bodyExcerptLength = 200

    /// The error for an HTTP reply with status `status` outside 2xx.
    ///
    /// - Parameters:
    ///   - body: the reply body, as text; quoted (shortened) in the message.
    ///   - endpoint: the request's path, e.g. `/v1/chat/completions`.
    public static func error(status: Int, body: String, endpoint: String) -> GenerationError {
        let message = "HTTP \(status) from \(endpoint): \(excerpt(of: body))"
        switch status {
        case 503 where isWarmingUp(body):
            return GenerationError(isTransient: true, isBackendFailure: false, message: message)
        case 408, 429:
            return GenerationError(isTransient: true, isBackendFailure: false, message: message)
        case 500..<600:
            return GenerationError(isTransient: true, isBackendFailure: true, message: message)
        default:
            return GenerationError(isTransient: false, isBackendFailure: false, message: message)
        }
    }

    /// The error for a request that got no HTTP reply: refused, reset,
    /// unresolvable, or any other transport failure, with `reason` saying
    /// which. All are transient backend failures.
    public static func transport(_ reason: String, endpoint: String) -> GenerationError {
        GenerationError(isTransient: true, isBackendFailure: true, message: "\(endpoint): \(reason)")
    }

    /// The error for a request that outlived its timeout: a transient
    /// backend failure, as a slow server is an unwell one.
    public static func timedOut(after timeout: Duration, endpoint: String) -> GenerationError {
        GenerationError(
            isTransient: true, isBackendFailure: true,
            message: "\(endpoint): timed out after \(timeout.milliseconds)ms")
    }

    /// The error for a successful status whose body is not the expected JSON.
    public static func unreadable(body: String, endpoint: String, reason: String) -> GenerationError {
        GenerationError(
            isTransient: true, isBackendFailure: true,
            message: "unreadable reply from \(endpoint) (\(reason)): \(excerpt(of: body))")
    }

    /// Whether a 503 body says the server is loading its model or its queue
    /// is full (llama.cpp: "Loading model"; Ollama: "server busy … maximum
    /// pending requests exceeded"; some proxies: "queue full").
    static func isWarmingUp(_ body: String) -> Bool {
        let text = body.lowercased()
        return ["loading", "queue full", "queue is full", "busy", "maximum pending requests"]
            .contains { text.contains($0) }
    }

    private static func excerpt(of body: String) -> String {
        let flat = body.split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        guard flat.count > bodyExcerptLength else { return flat.isEmpty ? "(empty body)" : flat }
        return String(flat.prefix(bodyExcerptLength)) + "…"
    }
}
