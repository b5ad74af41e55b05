import Foundation
import VoyageurControl
import VoyageurCore
import VoyageurRuntime

/// `voyageurctl flags`.
enum FlagsCommand: CtlSubcommand {
    static let usage = """
        Usage: voyageurctl flags list [--subject S] [--json]
               voyageurctl flags enable FLAG
               voyageurctl flags disable FLAG
               voyageurctl flags rollout FLAG PERCENT
               voyageurctl flags emergency-disable [--yes]
               voyageurctl flags emergency-clear
               voyageurctl flags refresh

        Flags are stored in the database and obeyed by every worker within
        seconds; a change lasts until an operator changes it again.

          list               every flag, its rollout, and, with --subject, whether
                             it is on for that subject (a user id or a symbol)
          enable, disable    turn a flag on or off
          rollout            enable a flag for PERCENT (0-100) of subjects; raising it
                             never turns a subject off
          emergency-disable  every job takes the template route; asks first unless --yes
          emergency-clear    restore the flags as they were before emergency-disable
          refresh            make every worker reload its flags now

        Flags: \(FeatureFlag.allCases.map(\.name).joined(separator: ", "))
        """

    static let options: [OptionSpec] = [.flag("json"), .value("subject"), .flag("yes")]

    static func run(_ arguments: ParsedArguments, context: CtlContext) async throws -> ExitCode {
        guard let action = arguments.positionals.first else {
            throw UsageError(
                "name an action: list, enable, disable, rollout, emergency-disable, emergency-clear, refresh")
        }
        let operands = Array(arguments.positionals.dropFirst())
        switch action {
        case "list":
            try expect(operands, count: 0, action)
            let control = try await context.deployment().control
            let snapshot = try await control.flags()
            let heartbeats = try await control.heartbeats()
            FlagsReport(snapshot: snapshot, subject: arguments.value("subject"), heartbeats: heartbeats)
                .print(asJSON: arguments.has("json"))
            return .success
        case "enable", "disable":
            try expect(operands, count: 1, action)
            let flag = try parseFlag(operands[0])
            let control = try await context.deployment().control
            let current = try await control.flags()[flag]
            let snapshot = try await control.setFlag(flag, to: current.enabled(action == "enable"), by: context.actor)
            report(flag, snapshot, asJSON: arguments.has("json")) {
                "\(flag.name) \(action)d (revision \(snapshot.version)); workers apply it within seconds."
            }
            return .success
        case "rollout":
            try expect(operands, count: 2, action)
            let flag = try parseFlag(operands[0])
            guard flag.hasRollout else { throw UsageError("\(flag.name) has no rollout percentage") }
            let percentage: Int
            do {
                percentage = try Rollout.percentage(parsing: operands[1])
            } catch {
                throw UsageError(error.description)
            }
            let control = try await context.deployment().control
            let current = try await control.flags()[flag]
            let snapshot = try await control.setFlag(flag, to: current.rollout(percentage), by: context.actor)
            let note = current.enabled ? "" : " The flag itself is disabled: enable it for the rollout to apply."
            report(flag, snapshot, asJSON: arguments.has("json")) {
                "\(flag.name) rolled out to \(percentage)% of subjects (revision \(snapshot.version)).\(note)"
            }
            return .success
        case "emergency-disable":
            try expect(operands, count: 0, action)
            guard arguments.has("yes") || confirm("Every job will take the template route.") else {
                printError("Aborted; nothing changed.")
                return .failure
            }
            let control = try await context.deployment().control
            let changed = try await control.enableEmergency(by: context.actor)
            if changed {
                context.logger.critical("Emergency fallback enabled", ["actor": context.actor])
            }
            reportEmergency(active: true, changed: changed, asJSON: arguments.has("json")) {
                changed
                    ? "Emergency fallback enabled: every job takes the template route until emergency-clear."
                    : "Emergency fallback was already enabled; nothing changed."
            }
            return .success
        case "emergency-clear":
            try expect(operands, count: 0, action)
            let control = try await context.deployment().control
            let changed = try await control.clearEmergency(by: context.actor)
            if changed {
                context.logger.notice("Emergency fallback cleared", ["actor": context.actor])
            }
            reportEmergency(active: false, changed: changed, asJSON: arguments.has("json")) {
                changed
                    ? "Emergency fallback cleared; the flags are as they were before it."
                    : "Emergency fallback was not enabled; nothing changed."
            }
            return .success
        case "refresh":
            try expect(operands, count: 0, action)
            let revision = try await context.deployment().control.touch(by: context.actor)
            if arguments.has("json") {
                printJSON(.object(["revision": .number(Double(revision))]))
            } else {
                print("Revision \(revision): every worker reloads its flags within a second.")
            }
            return .success
        default:
            throw UsageError("unknown action \(action)")
        }
    }

    /// Prints the flag's new state, as JSON or as `text`.
    private static func report(
        _ flag: FeatureFlag,
        _ snapshot: FlagSnapshot,
        asJSON: Bool,
        text: () -> String
    ) {
        guard asJSON else {
            print(text())
            return
        }
        printJSON(
            .object([
                "flag": .string(flag.name),
                "enabled": .bool(snapshot[flag].enabled),
                "rollout_percentage": .number(Double(snapshot[flag].rolloutPercentage)),
                "revision": .number(Double(snapshot.version)),
            ])
        )
    }

    private static func reportEmergency(active: Bool, changed: Bool, asJSON: Bool, text: () -> String) {
        if asJSON {
            printJSON(.object(["emergency": .bool(active), "changed": .bool(changed)]))
        } else {
            print(text())
        }
    }

    private static func parseFlag(_ name: String) throws -> FeatureFlag {
        do {
            return try FeatureFlag.parse(name)
        } catch {
            throw UsageError(error.description)
        }
    }
}

/// Refuses a wrong number of operands.
func expect(_ operands: [String], count: Int, _ action: String) throws {
    guard operands.count == count else {
        throw UsageError("\(action) takes \(count == 0 ? "no" : String(count)) argument\(count == 1 ? "" : "s")")
    }
}

/// Asks on the terminal; anything but `yes` (or no terminal) declines.
func confirm(_ consequence: String) -> Bool {
    FileHandle.standardError.write(Data("\(consequence) Type yes to continue: ".utf8))
    return readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes"
}
