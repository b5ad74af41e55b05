import Foundation
import VoyageurControl
import VoyageurCore
import VoyageurRuntime

/// `voyageurctl breakers`.
enum BreakersCommand: CtlSubcommand {
    static let usage = """
        Usage: voyageurctl breakers status [--json]
               voyageurctl breakers stats [--json]
               voyageurctl breakers open ROUTE LANG
               voyageurctl breakers close ROUTE LANG
               voyageurctl breakers reset ROUTE
               voyageurctl breakers reset-all [--yes]

        Every worker keeps a breaker per route and language (direct/en,
        direct/fr, direct/es, translation/fr, translation/es) and reports it in
        its heartbeat. Commands go to every worker, which obeys within seconds.

          status     each worker's breakers: ✓ CLOSED, ⚠ HALF_OPEN, ✗ OPEN
          stats      fleet totals per breaker: calls, failures, refusals
          open       hold a breaker open on every worker until closed or reset
          close      close a breaker and clear its failure count
          reset      close every breaker of ROUTE and clear its counts
          reset-all  reset every breaker; asks first unless --yes
        """

    static let options: [OptionSpec] = [.flag("json"), .flag("yes")]

    static func run(_ arguments: ParsedArguments, context: CtlContext) async throws -> ExitCode {
        guard let action = arguments.positionals.first else {
            throw UsageError("name an action: status, stats, open, close, reset, reset-all")
        }
        let operands = Array(arguments.positionals.dropFirst())
        switch action {
        case "status", "stats":
            try expect(operands, count: 0, action)
            let control = try await context.deployment().control
            let report = BreakersReport(
                heartbeats: try await control.heartbeats(),
                overrides: try await control.breakerOverrides()
            )
            if action == "status" {
                report.printStatus(asJSON: arguments.has("json"))
            } else {
                report.printStats(asJSON: arguments.has("json"))
            }
            return .success
        case "open", "close":
            try expect(operands, count: 2, action)
            let key = try parseKey(route: operands[0], language: operands[1])
            let command: BreakerCommand = action == "open" ? .open : .close
            try await context.deployment().control.setBreakerOverride(command, for: [key], by: context.actor)
            let effect = command == .open ? "held OPEN on every worker until closed or reset" : "closed on every worker"
            confirmCommand(command, [key], asJSON: arguments.has("json")) {
                "Breaker \(key) \(effect); workers obey within seconds."
            }
            return .success
        case "reset":
            try expect(operands, count: 1, action)
            let route: Route
            do {
                route = try Route.parseBreakerRoute(operands[0])
            } catch {
                throw UsageError(error.description)
            }
            let keys = BreakerKey.all.filter { $0.route == route }
            try await context.deployment().control.setBreakerOverride(.reset, for: keys, by: context.actor)
            confirmCommand(.reset, keys, asJSON: arguments.has("json")) {
                "Breakers \(keys.map(\.description).joined(separator: ", ")) reset on every worker."
            }
            return .success
        case "reset-all":
            try expect(operands, count: 0, action)
            guard
                arguments.has("yes") || confirm("Every breaker on every worker will be closed and its counts cleared.")
            else {
                printError("Aborted; nothing changed.")
                return .failure
            }
            try await context.deployment().control.setBreakerOverride(.reset, for: BreakerKey.all, by: context.actor)
            confirmCommand(.reset, BreakerKey.all, asJSON: arguments.has("json")) {
                "All \(BreakerKey.all.count) breakers reset on every worker."
            }
            return .success
        default:
            throw UsageError("unknown action \(action)")
        }
    }

    private static func confirmCommand(
        _ command: BreakerCommand,
        _ keys: [BreakerKey],
        asJSON: Bool,
        text: () -> String
    ) {
        guard asJSON else {
            print(text())
            return
        }
        printJSON(
            .object([
                "command": .string(command.rawValue),
                "breakers": .array(keys.map { .string($0.description) }),
            ])
        )
    }

    private static func parseKey(route: String, language: String) throws -> BreakerKey {
        let key: BreakerKey
        do {
            key = try BreakerKey.parse(route: route, language: language)
        } catch {
            throw UsageError(error.description)
        }
        guard BreakerKey.all.contains(key) else {
            throw UsageError("there is no \(key) breaker: English is always generated directly")
        }
        return key
    }
}
