import VoyageurCore

/// Stores results and settles their deliveries in one transaction, for a
/// queue and result store that share one SQLite file: one disk sync per
/// group instead of two, and no window in which a result is stored but its
/// job is still queued.
public struct SQLiteOutcomeRecorder: OutcomeRecorder {
    private let queue: SQLiteJobQueue

    /// - Parameter queue: a queue whose file also holds the results table.
    public init(queue: SQLiteJobQueue) {
        self.queue = queue
    }

    public func record(_ results: [JobResult], settling settlements: [(Delivery, Settlement)]) async throws {
        try await queue.settle(settlements, storing: results)
    }
}
