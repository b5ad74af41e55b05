/// Commits a group of finished jobs: their results first, then their
/// deliveries' settlements, so a delivery is never settled before its
/// result is durable.
public protocol OutcomeRecorder: Sendable {
    /// Stores `results` and then settles `settlements`.
    ///
    /// - Throws: when either step fails; settlements after a failed store
    ///   are not applied, so their jobs will be delivered again.
    func record(_ results: [JobResult], settling settlements: [(Delivery, Settlement)]) async throws
}

/// Stores in one backend, then settles in another: the general case, e.g.
/// PostgreSQL and RabbitMQ.
public struct SequentialOutcomeRecorder: OutcomeRecorder {
    private let store: any ResultStore
    private let queue: any JobQueue

    public init(store: any ResultStore, queue: any JobQueue) {
        self.store = store
        self.queue = queue
    }

    public func record(_ results: [JobResult], settling settlements: [(Delivery, Settlement)]) async throws {
        try await store.save(results)
        try await queue.settle(settlements)
    }
}
