import Synchronization

/// Resumes an awaiting caller once, from the run-loop thread; later
/// results are ignored, so a failure path may race a success path.
final class AMQPCompletion<Value: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<Value, any Error>?>

    init(_ continuation: CheckedContinuation<Value, any Error>) {
        self.continuation = Mutex(continuation)
    }

    func resume(_ result: Result<Value, AMQPError>) {
        let continuation = continuation.withLock { stored in
            defer { stored = nil }
            return stored
        }
        continuation?.resume(with: result.mapError { $0 as any Error })
    }

    func succeed(_ value: Value) {
        resume(.success(value))
    }
}
