import VoyageurCore
import VoyageurRuntime

/// `voyageurctl queues`.
enum QueuesCommand: CtlSubcommand {
    static let usage = """
        Usage: voyageurctl queues [--json]

        Shows, per language queue, the jobs ready to be taken, in flight (taken
        by a worker, not yet settled), delayed (waiting to be retried) and dead.
        """

    static let options: [OptionSpec] = [.flag("json")]

    static func run(_ arguments: ParsedArguments, context: CtlContext) async throws -> ExitCode {
        try requireNoPositionals(arguments)
        let deployment = try await context.deployment()
        let depths = try await deployment.queue.depth(of: Language.allCases)
        if arguments.has("json") {
            for depth in depths {
                printJSON(
                    .object([
                        "queue": .string(depth.language.queueName),
                        "ready": .number(Double(depth.ready)),
                        "in_flight": .number(Double(depth.inFlight)),
                        "delayed": .number(Double(depth.delayed)),
                        "dead": .number(Double(depth.dead)),
                    ])
                )
            }
        } else {
            let rows = depths.map {
                [$0.language.queueName, String($0.ready), String($0.inFlight), String($0.delayed), String($0.dead)]
            }
            print(TextTable(header: ["QUEUE", "READY", "IN FLIGHT", "DELAYED", "DEAD"], rows: rows).render())
        }
        return .success
    }
}
