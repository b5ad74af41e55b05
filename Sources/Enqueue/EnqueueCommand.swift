import Foundation
import VoyageurCore
import VoyageurDeployment
import VoyageurRuntime

/// `voyageur-enqueue`: validates requests and publishes them.
@main
struct EnqueueCommand {
    static let usage = """
        Usage: voyageur-enqueue [FILE ...] [--wait [--timeout D]]
               voyageur-enqueue --symbol S --language L --analysis FILE [--detail D]
                                [--subject S] [--id ID] [--deadline T] [--force-regenerate]

        Validates every request, then publishes them all and prints one job id
        per line. FILE is a .json file (one request), a .jsonl file (one per
        line) or - (standard input, one per line). Nothing is published when
        any request is invalid: each error is printed as file:line: field:
        message and the exit status is 65.

        Options:
          --wait         print each result as a JSON line as it is stored
          --timeout D    give up waiting after D (e.g. 30s, 5m; default 10m), exit 1
          --analysis F   a file holding the analysis object
          -h, --help     show this help
        """

    static let options: [OptionSpec] = [
        .value("symbol"), .value("language"), .value("detail"), .value("subject"), .value("id"),
        .value("deadline"), .value("analysis"), .flag("force-regenerate"), .flag("wait"), .value("timeout"),
    ]

    static func main() async {
        do {
            let arguments = try ParsedArguments(CommandLine.arguments.dropFirst(), options: options)
            if arguments.wantsHelp {
                print(usage)
                return
            }
            let exitCode = try await run(arguments)
            exitCode.exit()
        } catch let error as UsageError {
            printError("voyageur-enqueue: \(error)\nTry 'voyageur-enqueue --help'.")
            ExitCode.usage.exit()
        } catch let error as UsageFailure {
            printError("voyageur-enqueue: \(error)")
            ExitCode.usage.exit()
        } catch let failure as DataFailure {
            failure.lines.forEach(printError)
            printError("voyageur-enqueue: nothing published: \(failure.lines.count) error(s)")
            ExitCode.dataError.exit()
        } catch let error as ConfigurationError {
            printError("voyageur-enqueue: \(error)")
            ExitCode.configuration.exit()
        } catch {
            printError("voyageur-enqueue: \(error)")
            ExitCode.failure.exit()
        }
    }

    static func run(_ arguments: ParsedArguments) async throws -> ExitCode {
        let timeout = try arguments.value("timeout").map { text in
            guard let duration = DurationText.parse(text) else {
                throw UsageFailure("--timeout must be a duration such as 30s or 5m (got \"\(text)\")")
            }
            return duration
        }
        if timeout != nil && !arguments.has("wait") {
            throw UsageFailure("--timeout goes with --wait")
        }

        let requests = try validate(try entries(arguments))
        let environment = EnvironmentReader()
        let deployment = try Deployment.open(
            environment: environment,
            queueSettings: Deployment.QueueSettings(owner: "enqueue:\(ProcessInfo.processInfo.processIdentifier)")
        )
        try await deployment.prepareSchema()

        for start in stride(from: 0, to: requests.count, by: 1_000) {
            let batch = requests[start..<min(start + 1_000, requests.count)]
            try await deployment.queue.publish(
                batch.map { OutgoingJob(jobID: $0.id, language: $0.language, body: $0.jsonData()) }
            )
        }
        for request in requests {
            print(request.id)
        }
        flushStandardOutput()

        guard arguments.has("wait") else { return .success }
        let waiter = ResultWaiter(store: deployment.store, jobIDs: requests.map(\.id))
        return try await waiter.wait(timeout: timeout ?? .seconds(600))
    }

    private static func entries(_ arguments: ParsedArguments) throws -> [RequestSource.Entry] {
        let fromFlags =
            ["symbol", "language", "analysis", "detail", "subject", "id", "deadline"]
            .contains { arguments.value($0) != nil } || arguments.has("force-regenerate")
        if fromFlags {
            guard arguments.positionals.isEmpty else {
                throw UsageFailure("give a request either as files or as --symbol/--language/--analysis, not both")
            }
            guard arguments.value("analysis") != nil else {
                throw UsageFailure("--analysis FILE is required with --symbol and --language")
            }
            return [
                try RequestSource.entry(
                    symbol: arguments.value("symbol"),
                    language: arguments.value("language"),
                    detail: arguments.value("detail"),
                    subject: arguments.value("subject"),
                    id: arguments.value("id"),
                    deadline: arguments.value("deadline"),
                    forceRegenerate: arguments.has("force-regenerate"),
                    analysisPath: arguments.value("analysis")
                )
            ]
        }
        guard !arguments.positionals.isEmpty else {
            throw UsageFailure("no requests: name files, - for standard input, or use --symbol")
        }
        return try arguments.positionals.flatMap(RequestSource.entries(from:))
    }

    /// Decodes every entry; throws all errors of all entries at once.
    private static func validate(_ entries: [RequestSource.Entry]) throws -> [ExplanationRequest] {
        let decoder = RequestDecoder()
        var requests: [ExplanationRequest] = []
        var errors: [String] = []
        for entry in entries {
            do {
                requests.append(try decoder.decode(entry.body))
            } catch {
                errors += error.errors.map { "\(entry.location): \($0)" }
            }
        }
        guard errors.isEmpty else { throw DataFailure(errors) }
        guard !requests.isEmpty else { throw UsageFailure("no requests in the input") }
        return requests
    }
}
