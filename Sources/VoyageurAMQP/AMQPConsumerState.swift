import Dispatch
import Synchronization
import VoyageurCore

/// What the run-loop thread and the callers share: the connection's state,
/// the deliveries waiting for `receive`, and those not yet settled.
final class AMQPConsumerState: Sendable {
    private struct State {
        var generation: UInt16 = 0
        var isConnected = false
        var lastError: AMQPError?
        var languages: Set<Language> = []
        /// Set once receiving stopped: no consumer is started again.
        var isStopped = false
        var buffered: [Language: [Delivery]] = [:]
        var unsettled: [Language: Set<UInt64>] = [:]
        var waiters: [Language: [UInt64: CheckedContinuation<Void, Never>]] = [:]
        var lastWaiter: UInt64 = 0

        /// Takes every waiter of `languages`, for resuming outside the lock.
        mutating func takeWaiters(_ languages: some Sequence<Language>) -> [CheckedContinuation<Void, Never>] {
            var taken: [CheckedContinuation<Void, Never>] = []
            for language in languages {
                if let waiting = waiters.removeValue(forKey: language) {
                    taken += waiting.values
                }
            }
            return taken
        }
    }

    private let state = Mutex(State())

    /// The languages consumed, in the order of `Language.allCases`; none
    /// once receiving stopped.
    var languages: [Language] {
        let languages = state.withLock { $0.isStopped ? [] : $0.languages }
        return Language.allCases.filter(languages.contains)
    }

    var isConnected: Bool { state.withLock { $0.isConnected } }

    /// Why the connection was last lost or refused; nil while connected.
    var lastError: AMQPError? { state.withLock { $0.lastError } }

    /// Adds `language` to the consumed ones; true if it was new and
    /// receiving has not stopped.
    func request(_ language: Language) -> Bool {
        state.withLock { !$0.isStopped && $0.languages.insert(language).inserted }
    }

    /// Marks receiving stopped and takes every buffered delivery, for
    /// handing back; waiters return at once.
    func stop() -> [Delivery] {
        let (buffered, waiters) = state.withLock { state in
            state.isStopped = true
            defer { state.buffered = [:] }
            return (Language.allCases.flatMap { state.buffered[$0] ?? [] }, state.takeWaiters(Language.allCases))
        }
        waiters.forEach { $0.resume() }
        return buffered
    }

    /// Takes up to `limit` buffered deliveries.
    ///
    /// - Throws: the last connection error when disconnected with nothing
    ///   buffered.
    func take(from language: Language, limit: Int) throws(AMQPError) -> [Delivery] {
        let (deliveries, error) = state.withLock { state -> ([Delivery], AMQPError?) in
            let buffered = state.buffered[language] ?? []
            let count = min(limit, buffered.count)
            state.buffered[language] = Array(buffered.dropFirst(count))
            let error = state.isConnected ? nil : state.lastError
            return (Array(buffered.prefix(count)), error)
        }
        if deliveries.isEmpty, let error {
            throw AMQPError(.disconnected, error.message)
        }
        return deliveries
    }

    /// Returns once a delivery of `language` is buffered, the connection is
    /// lost, or `timeout` passes; at once if one of these holds already.
    func waitForDelivery(_ language: Language, timeout: Duration) async {
        await withCheckedContinuation { continuation in
            let waiter = state.withLock { state -> UInt64? in
                guard state.isConnected, state.buffered[language]?.isEmpty ?? true else { return nil }
                state.lastWaiter &+= 1
                state.waiters[language, default: [:]][state.lastWaiter] = continuation
                return state.lastWaiter
            }
            guard let waiter else {
                continuation.resume()
                return
            }
            let nanoseconds = max(0, Int(timeout.milliseconds)) * 1_000_000
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [self] in
                let expired = state.withLock { $0.waiters[language]?.removeValue(forKey: waiter) }
                expired?.resume()
            }
        }
    }

    /// The lowest broker delivery tag of `language` not yet settled.
    func lowestUnsettled(_ language: Language) -> UInt64? {
        state.withLock { $0.unsettled[language]?.min() }.map { AMQPDeliveryTag(packed: $0).deliveryTag }
    }

    /// Jobs received on this connection and not yet settled.
    func inFlight(_ language: Language) -> Int {
        state.withLock { $0.unsettled[language]?.count ?? 0 }
    }

    // MARK: - Run-loop thread

    func connected(generation: UInt16) {
        state.withLock { state in
            state.generation = generation
            state.isConnected = true
            state.lastError = nil
        }
    }

    /// Forgets every delivery: the broker hands them out again.
    func disconnected(_ error: AMQPError) {
        let waiters = state.withLock { state in
            state.isConnected = false
            state.lastError = error
            state.buffered = [:]
            state.unsettled = [:]
            return state.takeWaiters(Language.allCases)
        }
        waiters.forEach { $0.resume() }
    }

    func deliver(_ delivery: Delivery) {
        let waiters = state.withLock { state in
            state.buffered[delivery.language, default: []].append(delivery)
            state.unsettled[delivery.language, default: []].insert(delivery.tag)
            return state.takeWaiters([delivery.language])
        }
        waiters.forEach { $0.resume() }
    }

    /// Removes a delivery from the unsettled ones; false when it is not
    /// one (already settled, or of a lost connection), so it must not be
    /// acknowledged.
    func claim(_ delivery: Delivery) -> Bool {
        state.withLock { state in
            guard state.isConnected else { return false }
            return state.unsettled[delivery.language]?.remove(delivery.tag) != nil
        }
    }
}
