import Synchronization

/// Counts a consumer's free processing slots and lets it wait for one.
final class CapacityGate: Sendable {
    private struct State {
        var free: Int
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state: Mutex<State>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        self.state = Mutex(State(free: capacity))
    }

    /// Slots free now.
    var free: Int { state.withLock { $0.free } }

    /// Slots taken now.
    var inUse: Int { capacity - free }

    /// Returns once at least one slot is free, with the number free.
    /// One waiter at a time: the consumer that owns the gate.
    func waitForCapacity() async -> Int {
        await withCheckedContinuation { continuation in
            let isFree = state.withLock { state -> Bool in
                if state.free > 0 { return true }
                state.waiter = continuation
                return false
            }
            if isFree {
                continuation.resume()
            }
        }
        return free
    }

    /// Takes `count` slots; the caller has seen them free.
    func take(_ count: Int) {
        state.withLock { $0.free -= count }
    }

    /// Gives one slot back, waking the consumer if it waits.
    func release() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.free += 1
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}
