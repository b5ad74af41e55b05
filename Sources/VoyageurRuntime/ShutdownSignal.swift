import Dispatch
import Foundation
import Synchronization

/// Turns SIGTERM and SIGINT into an awaitable shutdown request.
///
/// Create it once, early in `main`: it replaces the default handlers so the
/// process is not killed before it can drain.
public final class ShutdownSignal: Sendable {
    private let request = ShutdownRequest()

    // Held only to keep the handlers alive; never touched after `init`.
    nonisolated(unsafe) private let sources: [any DispatchSourceSignal]

    /// Installs handlers for `signals`.
    public init(signals: [Int32] = [SIGTERM, SIGINT]) {
        let queue = DispatchQueue(label: "voyageur.signals")
        let request = request
        sources = signals.map { number in
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { request.fulfil(number) }
            source.resume()
            return source
        }
    }

    /// The signal received, nil while none has arrived.
    public var received: Int32? { request.value }

    /// Requests shutdown as if `signal` had arrived, for commands that stop
    /// on their own.
    public func trigger(_ signal: Int32) {
        request.fulfil(signal)
    }

    /// Returns the signal once one has arrived.
    public func wait() async -> Int32 {
        await request.wait()
    }
}

/// A value set once, which any number of tasks can wait for.
final class ShutdownRequest: Sendable {
    private struct State {
        var value: Int32?
        var waiters: [CheckedContinuation<Int32, Never>] = []
    }

    private let state = Mutex(State())

    var value: Int32? { state.withLock { $0.value } }

    func fulfil(_ value: Int32) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int32, Never>] in
            guard state.value == nil else { return [] }
            state.value = value
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters {
            waiter.resume(returning: value)
        }
    }

    func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let value = state.withLock { state -> Int32? in
                if let value = state.value { return value }
                state.waiters.append(continuation)
                return nil
            }
            if let value {
                continuation.resume(returning: value)
            }
        }
    }
}
