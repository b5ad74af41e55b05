import Foundation
import Synchronization
import VoyageurCore
import VoyageurGeneration

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An HTTP reply, whatever its status.
struct HTTPReply: Sendable {
    var status: Int
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Sends JSON requests to one server with a hard deadline per request.
///
/// URLSession runs the exchange on its own threads, so awaiting it never
/// blocks the cooperative pool. The deadline covers the whole exchange,
/// waiting for a busy server included; when it passes, the request is
/// cancelled and ``ChatFailure/timedOut(after:endpoint:)`` is thrown.
struct HTTPTransport: Sendable {
    /// The server root, without a trailing slash.
    let root: String
    private let session: URLSession

    init(baseURL: URL, droppingSuffix suffix: String? = nil) {
        var root = baseURL.absoluteString
        while root.hasSuffix("/") {
            root.removeLast()
        }
        if let suffix, root.hasSuffix(suffix) {
            root.removeLast(suffix.count)
        }
        self.root = root

        let configuration = URLSessionConfiguration.ephemeral
        // The deadline is ours (see `send`); URLSession's own idle timeout
        // must not cut a long generation short.
        configuration.timeoutIntervalForRequest = 24 * 3_600
        configuration.timeoutIntervalForResource = 24 * 3_600
        session = URLSession(configuration: configuration)
    }

    /// Sends `body` (JSON) to `path` with `method`, and returns the reply
    /// whatever its status.
    ///
    /// - Throws: `GenerationError` when no reply came within `timeout` or the
    ///   connection failed; `CancellationError` when the calling task is
    ///   cancelled.
    func send(_ method: String, _ path: String, body: Data? = nil, timeout: Duration) async throws -> HTTPReply {
        guard let url = URL(string: root + path) else {
            throw GenerationError(isTransient: false, isBackendFailure: false, message: "bad endpoint \(path)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if body != nil {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }

        let session = self.session
        let prepared = request
        return try await withThrowingTaskGroup(of: HTTPReply.self) { group in
            group.addTask {
                try await Self.perform(prepared, on: session, endpoint: path)
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw ChatFailure.timedOut(after: timeout, endpoint: path)
            }
            defer { group.cancelAll() }
            guard let reply = try await group.next() else { throw CancellationError() }
            return reply
        }
    }

    /// One exchange, cancelled with the calling task.
    private static func perform(
        _ request: URLRequest, on session: URLSession, endpoint: String
    ) async throws -> HTTPReply {
        let handle = DataTaskHandle()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: ChatFailure.error(transport: error, endpoint: endpoint))
                    } else if let response = response as? HTTPURLResponse {
                        continuation.resume(returning: HTTPReply(status: response.statusCode, body: data ?? Data()))
                    } else {
                        let failure = ChatFailure.unreadable(body: "", endpoint: endpoint, reason: "not HTTP")
                        continuation.resume(throwing: failure)
                    }
                }
                handle.start(task)
            }
        } onCancel: {
            handle.cancel()
        }
    }
}

/// The data task of one exchange, so that cancellation arriving from
/// another thread, before or after the task starts, stops it.
private final class DataTaskHandle: Sendable {
    private struct State {
        var task: URLSessionDataTask?
        var isCancelled = false
    }

    private let state = Mutex(State())

    func start(_ task: URLSessionDataTask) {
        let isCancelled = state.withLock { state in
            state.task = task
            return state.isCancelled
        }
        task.resume()
        if isCancelled {
            task.cancel()
        }
    }

    func cancel() {
        let task = state.withLock { state in
            state.isCancelled = true
            return state.task
        }
        task?.cancel()
    }
}
