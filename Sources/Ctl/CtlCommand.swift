import Foundation
import VoyageurCore
import VoyageurDeployment
import VoyageurRuntime

/// `voyageurctl`: the operators' command.
@main
struct CtlCommand {
    static let usage = """
        Usage: voyageurctl COMMAND [OPTIONS]

        Commands:
          migrate                 bring the database schema up to date
          results [FILTERS]       list stored results (see voyageurctl results --help)
          queues [--json]         jobs ready, in flight, delayed and dead per language
          dead list [--json]      list dead-lettered jobs with their reasons
          dead replay [ID ...]    put dead-lettered jobs back on their queues (all when no ID)
          flags ACTION            list, enable, disable, rollout, emergency-disable,
                                  emergency-clear, refresh (see voyageurctl flags --help)
          breakers ACTION         status, stats, open, close, reset, reset-all
                                  (see voyageurctl breakers --help)

        Every command takes --help. Exit status: 0 ok, 1 failed, 64 usage error,
        65 bad input data, 78 bad configuration.
        """

    static let commands: [String: any CtlSubcommand.Type] = [
        "migrate": MigrateCommand.self,
        "results": ResultsCommand.self,
        "queues": QueuesCommand.self,
        "dead": DeadCommand.self,
        "flags": FlagsCommand.self,
        "breakers": BreakersCommand.self,
    ]

    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, !name.hasPrefix("-") else {
            if arguments.first == "--help" || arguments.first == "-h" {
                print(usage)
                return
            }
            printError(usage)
            ExitCode.usage.exit()
        }
        arguments.removeFirst()
        guard let command = commands[name] else {
            printError("voyageurctl: unknown command \(name)\nTry 'voyageurctl --help'.")
            ExitCode.usage.exit()
        }

        do {
            let parsed = try ParsedArguments(arguments, options: command.options)
            if parsed.wantsHelp {
                print(command.usage)
                return
            }
            try await command.run(parsed, context: try CtlContext()).exit()
        } catch let error as UsageError {
            printError("voyageurctl \(name): \(error)\nTry 'voyageurctl \(name) --help'.")
            ExitCode.usage.exit()
        } catch let error as ConfigurationError {
            printError("voyageurctl: \(error)")
            ExitCode.configuration.exit()
        } catch {
            printError("voyageurctl \(name): \(error)")
            ExitCode.failure.exit()
        }
    }
}

/// One `voyageurctl` command.
protocol CtlSubcommand: Sendable {
    static var usage: String { get }
    static var options: [OptionSpec] { get }
    static func run(_ arguments: ParsedArguments, context: CtlContext) async throws -> ExitCode
}

/// What every command may need, opened on first use.
struct CtlContext {
    let environment = EnvironmentReader()

    /// Logs what operators must see in the journal, e.g. an emergency.
    let logger: Logger

    /// - Throws: ``ConfigurationError`` for invalid log settings.
    init() throws {
        logger = try LogConfiguration(environment: environment).makeLogger()
    }

    /// Who made a change, as the audit trail records it.
    var actor: String {
        let user = environment.string("USER") ?? environment.string("LOGNAME") ?? "unknown"
        return "voyageurctl:\(user)@\(ProcessInfo.processInfo.hostName)"
    }

    /// The configured backends, with the schema checked unless `migrating`.
    func deployment(checkingSchema: Bool = true) async throws -> Deployment {
        let deployment = try Deployment.open(
            environment: environment,
            queueSettings: Deployment.QueueSettings(owner: "voyageurctl:\(ProcessInfo.processInfo.processIdentifier)")
        )
        if checkingSchema {
            try await deployment.prepareSchema()
        }
        return deployment
    }
}

/// Prints a JSON value on one line.
func printJSON(_ value: JSONValue) {
    print(String(decoding: value.encodedData(), as: UTF8.self))
}
