import Foundation
import VoyageurControl
import VoyageurCore
import VoyageurRuntime

/// `voyageurctl breakers status|stats` output, from workers' heartbeats.
struct BreakersReport {
    var heartbeats: [WorkerHeartbeat]
    var overrides: [BreakerOverride]

    /// Workers heard from in the last five minutes; older heartbeats are
    /// workers that stopped.
    private var recent: [WorkerHeartbeat] {
        heartbeats.filter { Date().timeIntervalSince($0.updatedAt) < 300 }
    }

    func printStatus(asJSON: Bool) {
        if asJSON {
            printJSON(
                .object([
                    "workers": .array(recent.map(workerJSON)),
                    "overrides": .array(overrides.map(overrideJSON)),
                ])
            )
            return
        }
        guard !recent.isEmpty else {
            print("No worker has reported in the last five minutes.")
            printOverrides()
            return
        }
        for worker in recent {
            let age = Int(Date().timeIntervalSince(worker.updatedAt).rounded())
            let silence = age > 15 ? ", ⚠ silent for \(age)s" : ""
            let stopping = worker.isStopping ? ", stopping" : ""
            print("\(worker.workerID) (heartbeat \(age)s ago\(stopping)\(silence))")
            for breaker in worker.breakers {
                let forced = breaker.isForcedOpen ? ", forced" : ""
                print(
                    "  \(symbol(breaker.state)) \(breaker.key): \(breaker.state.displayName)\(forced) "
                        + "(failures: \(breaker.consecutiveFailures), successes: \(breaker.halfOpenSuccesses))"
                )
            }
        }
        printOverrides()
    }

    /// One breaker's states and totals across the fleet.
    private struct FleetTotals {
        var key: BreakerKey
        var closed = 0
        var open = 0
        var halfOpen = 0
        var reporting = 0
        var successes = 0
        var failures = 0
        var rejections = 0

        init(key: BreakerKey, snapshots: [BreakerSnapshot]) {
            self.key = key
            for snapshot in snapshots where snapshot.key == key {
                reporting += 1
                switch snapshot.state {
                case .closed: closed += 1
                case .open: open += 1
                case .halfOpen: halfOpen += 1
                }
                successes += snapshot.totalSuccesses
                failures += snapshot.totalFailures
                rejections += snapshot.totalRejections
            }
        }

        var json: JSONValue {
            let counts: [String: Int] = [
                "closed": closed, "open": open, "half_open": halfOpen, "successes": successes,
                "failures": failures, "rejections": rejections,
            ]
            var fields = counts.mapValues { JSONValue.number(Double($0)) }
            fields["breaker"] = .string(key.description)
            return .object(fields)
        }

        var row: [String] {
            [
                key.description, "\(closed)/\(reporting)", String(open), String(halfOpen), String(successes),
                String(failures), String(rejections),
            ]
        }
    }

    func printStats(asJSON: Bool) {
        let snapshots = recent.flatMap(\.breakers)
        let totals = BreakerKey.all.map { FleetTotals(key: $0, snapshots: snapshots) }
        if asJSON {
            printJSON(.object(["workers": .number(Double(recent.count)), "breakers": .array(totals.map(\.json))]))
            return
        }
        print("Fleet totals from \(recent.count) worker(s) heard from in the last five minutes:")
        let header = ["BREAKER", "CLOSED", "OPEN", "HALF_OPEN", "SUCCESSES", "FAILURES", "REFUSED"]
        print(TextTable(header: header, rows: totals.map(\.row)).render())
    }

    private func printOverrides() {
        let holding = overrides.filter { $0.command == .open }
        guard !holding.isEmpty else { return }
        print("Held open by operators:")
        for override in holding {
            print("  ✗ \(override.key) since \(Timestamp.format(override.issuedAt)) by \(override.issuedBy)")
        }
    }

    private func symbol(_ state: BreakerState) -> String {
        switch state {
        case .closed: "✓"
        case .halfOpen: "⚠"
        case .open: "✗"
        }
    }

    private func workerJSON(_ worker: WorkerHeartbeat) -> JSONValue {
        .object([
            "worker_id": .string(worker.workerID),
            "updated_at": .string(Timestamp.format(worker.updatedAt)),
            "is_stopping": .bool(worker.isStopping),
            "breakers": .array(
                worker.breakers.map { breaker in
                    .object([
                        "breaker": .string(breaker.key.description),
                        "state": .string(breaker.state.displayName),
                        "forced": .bool(breaker.isForcedOpen),
                        "failures": .number(Double(breaker.consecutiveFailures)),
                        "successes": .number(Double(breaker.halfOpenSuccesses)),
                        "total_successes": .number(Double(breaker.totalSuccesses)),
                        "total_failures": .number(Double(breaker.totalFailures)),
                        "total_rejections": .number(Double(breaker.totalRejections)),
                    ])
                }
            ),
        ])
    }

    private func overrideJSON(_ override: BreakerOverride) -> JSONValue {
        .object([
            "breaker": .string(override.key.description),
            "command": .string(override.command.rawValue),
            "revision": .number(Double(override.revision)),
            "issued_at": .string(Timestamp.format(override.issuedAt)),
            "issued_by": .string(override.issuedBy),
        ])
    }
}
