import Foundation
import VoyageurCore
import VoyageurRuntime

/// `voyageurctl dead list|replay`.
enum DeadCommand: CtlSubcommand {
    static let usage = """
        Usage: voyageurctl dead list [--limit N] [--json]
               voyageurctl dead replay [ID ...]

        list    shows dead-lettered jobs, newest first, with the reason and the
                error history (100 unless --limit)
        replay  puts the named jobs (all dead jobs when none is named) back on
                their queues with a fresh attempt count, and prints their ids
        """

    static let options: [OptionSpec] = [.flag("json"), .value("limit")]

    static func run(_ arguments: ParsedArguments, context: CtlContext) async throws -> ExitCode {
        guard let action = arguments.positionals.first else {
            throw UsageError("name an action: list or replay")
        }
        let ids = Array(arguments.positionals.dropFirst())
        switch action {
        case "list":
            guard ids.isEmpty else { throw UsageError("dead list takes no job ids") }
            let limit = try arguments.value("limit").map { text in
                guard let limit = Int(text), limit > 0 else {
                    throw UsageError("--limit must be a positive whole number (got \"\(text)\")")
                }
                return limit
            }
            let letters = try await context.deployment().queue.deadLetters(limit: limit ?? 100)
            list(letters, asJSON: arguments.has("json"))
            return .success
        case "replay":
            guard !arguments.has("json"), arguments.value("limit") == nil else {
                throw UsageError("dead replay takes only job ids")
            }
            let replayed = try await context.deployment().queue.replayDeadLetters(jobIDs: ids)
            replayed.forEach { print($0) }
            let missing = Set(ids).subtracting(replayed)
            for id in missing.sorted() {
                printError("voyageurctl dead replay: no dead job \(id)")
            }
            return missing.isEmpty ? .success : .failure
        default:
            throw UsageError("unknown action \(action); expected list or replay")
        }
    }

    private static func list(_ letters: [DeadLetter], asJSON: Bool) {
        if asJSON {
            for letter in letters {
                printJSON(
                    .object([
                        "job_id": .string(letter.jobID),
                        "queue": .string(letter.language.queueName),
                        "reason": .string(letter.reason),
                        "attempts": .number(Double(letter.attempts)),
                        "errors": .array(letter.errorHistory.map(JSONValue.string)),
                        "dead_at": .string(Timestamp.format(letter.deadAt)),
                        "bytes": .number(Double(letter.body.count)),
                    ])
                )
            }
            return
        }
        guard !letters.isEmpty else {
            print("No dead letters.")
            return
        }
        let rows = letters.map { letter in
            [
                letter.jobID, letter.language.queueName, String(letter.attempts), Timestamp.format(letter.deadAt),
                letter.reason,
            ]
        }
        print(TextTable(header: ["JOB", "QUEUE", "ATTEMPTS", "DEAD AT", "REASON"], rows: rows).render())
    }
}
