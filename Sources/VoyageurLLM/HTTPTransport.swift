import CCurlShim
import Foundation
import VoyageurCore
import VoyageurGeneration

/// An HTTP reply, whatever its status.
struct HTTPReply: Sendable {
    var status: Int
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Sends JSON requests to one server with a hard deadline per request.
///
/// Each exchange runs in libcurl on a thread of its own, which sleeps in
/// `poll` until the server answers: a worker waiting for a model costs no
/// CPU, and the cooperative pool is never blocked. The deadline covers the
/// whole exchange, waiting for a busy server included; when it passes, the
/// request is abandoned and ``ChatFailure/timedOut(after:endpoint:)`` is
/// thrown.
struct HTTPTransport: Sendable {
    /// The server root, without a trailing slash.
    let root: String

    init(baseURL: URL, droppingSuffix suffix: String? = nil) {
        var root = baseURL.absoluteString
        while root.hasSuffix("/") {
            root.removeLast()
        }
        if let suffix, root.hasSuffix(suffix) {
            root.removeLast(suffix.count)
        }
        self.root = root
    }

    /// Sends `body` (JSON) to `path` with `method`, and returns the reply
    /// whatever its status.
    ///
    /// - Throws: `GenerationError` when no reply came within `timeout` or the
    ///   connection failed; `CancellationError` when the calling task is
    ///   cancelled.
    func send(_ method: String, _ path: String, body: Data? = nil, timeout: Duration) async throws -> HTTPReply {
        guard URL(string: root + path) != nil else {
            throw GenerationError(isTransient: false, isBackendFailure: false, message: "bad endpoint \(path)")
        }
        let exchange = CurlExchange(method: method, url: root + path, body: body, timeout: timeout)
        let reply = await withTaskCancellationHandler {
            await exchange.run()
        } onCancel: {
            exchange.cancel()
        }
        switch reply.outcome {
        case VOYAGEUR_HTTP_COMPLETED:
            return HTTPReply(status: reply.status, body: reply.body)
        case VOYAGEUR_HTTP_TIMED_OUT:
            throw ChatFailure.timedOut(after: timeout, endpoint: path)
        case VOYAGEUR_HTTP_CANCELLED:
            throw CancellationError()
        case VOYAGEUR_HTTP_CONNECT_FAILED:
            throw ChatFailure.transport("connection refused", endpoint: path)
        case VOYAGEUR_HTTP_HOST_NOT_FOUND:
            throw ChatFailure.transport("host not found", endpoint: path)
        case VOYAGEUR_HTTP_CONNECTION_LOST:
            throw ChatFailure.transport("connection lost", endpoint: path)
        default:
            throw ChatFailure.transport("transport error: \(reply.error)", endpoint: path)
        }
    }
}

extension HTTPTransport {
    /// Posts `request` as JSON to `path` and decodes a successful reply.
    ///
    /// - Parameter expected: what the reply should have been, for the error
    ///   when it cannot be read as `Response`.
    /// - Returns: the decoded reply, and the raw one for further checks.
    /// - Throws: what ``send(_:_:body:timeout:)`` throws; for a status outside
    ///   2xx, ``ChatFailure/error(status:body:endpoint:)``; for a body that
    ///   is not a `Response`, ``ChatFailure/unreadable(body:endpoint:reason:)``.
    func post<Response: Decodable>(
        _ request: some Encodable,
        to path: String,
        timeout: Duration,
        expecting expected: String
    ) async throws -> (Response, HTTPReply) {
        let reply = try await send("POST", path, body: try JSONEncoder().encode(request), timeout: timeout)
        guard (200..<300).contains(reply.status) else {
            throw ChatFailure.error(status: reply.status, body: reply.text, endpoint: path)
        }
        do {
            return (try JSONDecoder().decode(Response.self, from: reply.body), reply)
        } catch {
            throw ChatFailure.unreadable(body: reply.text, endpoint: path, reason: "not \(expected)")
        }
    }
}

/// One exchange through libcurl, which blocks: it runs on a thread of its
/// own, and a cancellation from any thread stops it within a second.
private final class CurlExchange: Sendable {
    struct Reply: Sendable {
        var outcome: voyageur_http_outcome
        var status: Int
        var body: Data
        var error: String
    }

    private let method: String
    private let url: String
    private let body: Data?
    private let timeout: Duration
    // Set through `voyageur_http_cancel` and read by libcurl, both
    // atomically; freed in `deinit`, once nothing can read it.
    nonisolated(unsafe) private let cancelFlag: UnsafeMutablePointer<Int32>

    init(method: String, url: String, body: Data?, timeout: Duration) {
        self.method = method
        self.url = url
        self.body = body
        self.timeout = timeout
        cancelFlag = .allocate(capacity: 1)
        cancelFlag.initialize(to: 0)
    }

    deinit {
        cancelFlag.deallocate()
    }

    func cancel() {
        voyageur_http_cancel(cancelFlag)
    }

    func run() async -> Reply {
        await withCheckedContinuation { continuation in
            let thread = Thread { [self] in
                continuation.resume(returning: perform())
            }
            thread.name = "voyageur.http"
            thread.start()
        }
    }

    private func perform() -> Reply {
        var exchange = voyageur_http_exchange()
        exchange.timeout_ms = Int(max(1, timeout.milliseconds))
        exchange.cancelled = UnsafePointer(cancelFlag)
        defer { voyageur_http_exchange_release(&exchange) }

        let outcome = method.withCString { method in
            url.withCString { url in
                exchange.method = method
                exchange.url = url
                guard let body, !body.isEmpty else {
                    return voyageur_http_perform(&exchange)
                }
                return body.withUnsafeBytes { bytes in
                    exchange.body = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                    exchange.body_length = bytes.count
                    return voyageur_http_perform(&exchange)
                }
            }
        }
        let reply = exchange.reply.map { Data(bytes: $0, count: exchange.reply_length) } ?? Data()
        let error = withUnsafeBytes(of: exchange.error) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        return Reply(outcome: outcome, status: exchange.status, body: reply, error: error)
    }
}
