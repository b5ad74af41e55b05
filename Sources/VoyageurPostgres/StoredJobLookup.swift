import Synchronization

/// Answers "is a final result stored for this job?" for many jobs with one
/// query: the questions that arrive while a query runs wait for it, then go
/// together in the next one.
///
/// A worker asks once for every job it takes; under load this turns one
/// round trip per job into one per handful of jobs, and at rest it adds no
/// delay.
final class StoredJobLookup: Sendable {
    private typealias Question = (jobID: String, continuation: CheckedContinuation<Bool, any Error>)

    private struct State {
        var waiting: [Question] = []
        var isAsking = false
    }

    private let state = Mutex(State())
    private let stored: @Sendable ([String]) async throws -> Set<String>

    /// - Parameter stored: of the job ids given, those with a final result.
    init(stored: @escaping @Sendable ([String]) async throws -> Set<String>) {
        self.stored = stored
    }

    /// Whether `jobID` has a final result.
    ///
    /// - Throws: what the query threw, for every question it carried.
    func isStored(_ jobID: String) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            let startsAsking = state.withLock { state -> Bool in
                state.waiting.append((jobID, continuation))
                guard !state.isAsking else { return false }
                state.isAsking = true
                return true
            }
            if startsAsking {
                Task { await self.askWhileWaiting() }
            }
        }
    }

    /// Asks for every waiting question at once, until none is left.
    private func askWhileWaiting() async {
        while true {
            let questions = state.withLock { state -> [Question] in
                defer { state.waiting = [] }
                if state.waiting.isEmpty {
                    state.isAsking = false
                }
                return state.waiting
            }
            guard !questions.isEmpty else { return }
            do {
                let found = try await stored(Array(Set(questions.map(\.jobID))))
                for question in questions {
                    question.continuation.resume(returning: found.contains(question.jobID))
                }
            } catch {
                for question in questions {
                    question.continuation.resume(throwing: error)
                }
            }
        }
    }
}
