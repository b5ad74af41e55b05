import VoyageurCore

/// What became of one delivery: the result to store, if any, and what to do
/// with the delivery once that result is committed.
public struct JobOutcome: Sendable, Hashable {
    /// Nil when the job needs no new row (its result was already stored).
    public var result: JobResult?
    public var settlement: Settlement

    public init(result: JobResult?, settlement: Settlement) {
        self.result = result
        self.settlement = settlement
    }
}
