import Synchronization
import VoyageurCore
import VoyageurRuntime

/// Commits results in small groups and settles each delivery only after its
/// group is committed.
///
/// Whatever finished while the previous group was being written goes into the
/// next one, so under load a commit carries many results and at rest it
/// carries one, with no added delay. While the store is unreachable the
/// group is retried with backoff and its deliveries stay unsettled, which in
/// turn keeps their consumers' slots full: consumption pauses, nothing is lost.
final class ResultCommitter: Sendable {
    private struct Entry {
        var delivery: Delivery
        var outcome: JobOutcome
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var pending: [Entry] = []
        var wakeUp: CheckedContinuation<Void, Never>?
        var isClosed = false
    }

    private let state = Mutex(State())
    private let recorder: any OutcomeRecorder
    private let logger: Logger

    init(recorder: any OutcomeRecorder, logger: Logger) {
        self.recorder = recorder
        self.logger = logger
    }

    /// Hands over one outcome; returns true once its result is committed and
    /// its delivery settled, false when the committer closed first (the
    /// caller then hands the delivery back to the queue).
    func commit(_ outcome: JobOutcome, for delivery: Delivery) async -> Bool {
        await withCheckedContinuation { continuation in
            let wakeUp = state.withLock { state -> CheckedContinuation<Void, Never>?? in
                guard !state.isClosed else { return .none }
                state.pending.append(Entry(delivery: delivery, outcome: outcome, continuation: continuation))
                defer { state.wakeUp = nil }
                return .some(state.wakeUp)
            }
            switch wakeUp {
            case .none: continuation.resume(returning: false)
            case .some(let waiter): waiter?.resume()
            }
        }
    }

    /// Commits groups until ``close()`` is called and nothing is pending.
    func run() async {
        var failures = 0
        while let group = await nextGroup() {
            do {
                try await recorder.record(
                    group.compactMap(\.outcome.result),
                    settling: group.map { ($0.delivery, $0.outcome.settlement) }
                )
                if failures > 0 {
                    logger.notice("Result store reachable again", ["store.failures": String(failures)])
                    failures = 0
                }
                for entry in group {
                    entry.continuation.resume(returning: true)
                }
            } catch {
                failures += 1
                if failures == 1 || failures % 20 == 0 {
                    logger.error(
                        "Result store unavailable; holding results",
                        ["error": String(describing: error), "results.held": String(group.count)]
                    )
                }
                let isClosed = state.withLock { $0.isClosed }
                if isClosed && failures > 3 {
                    for entry in group { entry.continuation.resume(returning: false) }
                    continue
                }
                requeue(group)
                try? await Task.sleep(
                    for: RetryBackoff(base: .milliseconds(100), maximum: .seconds(5))
                        .delay(afterAttempt: failures))
            }
        }
    }

    /// Stops accepting outcomes; ``run()`` returns once the pending ones are
    /// committed.
    func close() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.isClosed = true
            defer { state.wakeUp = nil }
            return state.wakeUp
        }
        waiter?.resume()
    }

    private func requeue(_ group: [Entry]) {
        state.withLock { $0.pending.insert(contentsOf: group, at: 0) }
    }

    /// Waits for pending entries and takes them all; nil once closed and empty.
    private func nextGroup() async -> [Entry]? {
        while true {
            let taken = state.withLock { state -> [Entry]? in
                if !state.pending.isEmpty {
                    defer { state.pending = [] }
                    return state.pending
                }
                return state.isClosed ? [] : nil
            }
            if let taken {
                return taken.isEmpty ? nil : taken
            }
            await withCheckedContinuation { continuation in
                let isReady = state.withLock { state -> Bool in
                    if !state.pending.isEmpty || state.isClosed { return true }
                    state.wakeUp = continuation
                    return false
                }
                if isReady {
                    continuation.resume()
                }
            }
        }
    }
}
