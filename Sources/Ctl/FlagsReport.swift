import Foundation
import VoyageurControl
import VoyageurCore

/// `voyageurctl flags list` output.
struct FlagsReport {
    var snapshot: FlagSnapshot
    var subject: String?
    var heartbeats: [WorkerHeartbeat]

    /// Workers heard from in the last minute.
    private var liveWorkers: [WorkerHeartbeat] {
        heartbeats.filter { !$0.isStopping && Date().timeIntervalSince($0.updatedAt) < 60 }
    }

    func print(asJSON: Bool) {
        if asJSON {
            printJSON(json)
            return
        }
        if snapshot.isEmergencyActive {
            Swift.print("⚠ EMERGENCY FALLBACK ENABLED: every job takes the template route (flags emergency-clear).")
        }
        Swift.print("Feature flags, revision \(snapshot.version):")
        for flag in FeatureFlag.allCases {
            let state = snapshot[flag]
            var line = "  \(state.enabled ? "✓" : "✗") \(flag.name.padding(toLength: 30, withPad: " ", startingAt: 0))"
            line += state.enabled ? " enabled " : " disabled"
            if flag.hasRollout {
                line += "  rollout \(state.rolloutPercentage)%"
            }
            if let subject, flag.hasRollout {
                let bucket = Rollout.bucket(flag: flag, subject: subject)
                line += "  \(snapshot.isEnabled(flag, for: subject) ? "on" : "off") for \(subject) (bucket \(bucket))"
            }
            Swift.print(line)
        }
        let live = liveWorkers
        let current = live.filter { $0.flagRevision == snapshot.version }.count
        Swift.print("Workers: \(live.count) reporting, \(current) on revision \(snapshot.version).")
        for worker in live where worker.flagSource != .store {
            Swift.print("  ⚠ \(worker.workerID) cannot read the flag store; it uses its \(worker.flagSource.rawValue)")
        }
    }

    private var json: JSONValue {
        var flags: [String: JSONValue] = [:]
        for flag in FeatureFlag.allCases {
            let state = snapshot[flag]
            var fields: [String: JSONValue] = [
                "enabled": .bool(state.enabled),
                "rollout_percentage": .number(Double(state.rolloutPercentage)),
            ]
            if let subject, flag.hasRollout {
                fields["enabled_for_subject"] = .bool(snapshot.isEnabled(flag, for: subject))
                fields["bucket"] = .number(Double(Rollout.bucket(flag: flag, subject: subject)))
            }
            flags[flag.name] = .object(fields)
        }
        var document: [String: JSONValue] = [
            "revision": .number(Double(snapshot.version)),
            "emergency": .bool(snapshot.isEmergencyActive),
            "flags": .object(flags),
            "workers": .array(
                liveWorkers.map { worker in
                    .object([
                        "worker_id": .string(worker.workerID),
                        "flag_revision": .number(Double(worker.flagRevision)),
                        "flag_source": .string(worker.flagSource.rawValue),
                    ])
                }
            ),
        ]
        if let subject {
            document["subject"] = .string(subject)
        }
        return .object(document)
    }
}
