import Foundation
import VoyageurCore
import VoyageurRuntime

/// Prints results of published jobs as they are stored.
struct ResultWaiter {
    let store: any ResultStore
    let jobIDs: [String]

    /// Polls until every job has a result or `timeout` passes; prints each
    /// result as one JSON line, and a progress line on a terminal.
    func wait(timeout: Duration) async throws -> ExitCode {
        var remaining = Set(jobIDs)
        let total = remaining.count
        let deadline = ContinuousClock.now + timeout
        let showsProgress = isatty(STDERR_FILENO) == 1
        var interval = Duration.milliseconds(20)

        while !remaining.isEmpty {
            let found = try await store.results(ResultQuery(jobIDs: Array(remaining)))
            for result in found.sorted(by: { $0.completedAt < $1.completedAt }) {
                remaining.remove(result.jobID)
                print(String(decoding: result.json.encodedData(), as: UTF8.self))
            }
            flushStandardOutput()
            if showsProgress {
                FileHandle.standardError.write(Data("\r\(total - remaining.count)/\(total) done".utf8))
            }
            if remaining.isEmpty { break }
            if ContinuousClock.now >= deadline {
                if showsProgress { printError("") }
                printError("voyageur-enqueue: timed out: \(remaining.count) of \(total) jobs have no result yet")
                return .failure
            }
            try await Task.sleep(for: found.isEmpty ? interval : .milliseconds(20))
            interval = min(interval * 2, .milliseconds(500))
        }
        if showsProgress { printError("") }
        return .success
    }
}
