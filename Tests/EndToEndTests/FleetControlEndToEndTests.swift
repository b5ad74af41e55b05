import Foundation
import Testing
import VoyageurControl
import VoyageurCore
import VoyageurSQLite

/// Flags and breakers set with `voyageurctl` while real worker processes run.
@Suite("Flags and breakers across a running fleet", .serialized)
struct FleetControlEndToEndTests {
    @Test(
        "disabling French generation turns the next French jobs to templates within 5 s", .timeLimit(.minutes(2)),
        arguments: CommandRunner.Backend.available)
    func disableFlag(backend: CommandRunner.Backend) async throws {
        let runner = try await CommandRunner.make(backend)
        defer { runner.remove() }
        #expect(try await runner.run("voyageurctl", ["migrate"]).status == 0)
        let worker = try runner.start("voyageur-worker", ["--id", "w1"])

        let disabled = try await runner.run("voyageurctl", ["flags", "disable", "french_generation_enabled"])
        #expect(disabled.status == 0, "\(disabled.stderr)")
        let commandedAt = Date()
        var published: [(id: String, at: Date)] = []
        while Date().timeIntervalSince(commandedAt) < 6.5 {
            let id = "fr-\(published.count)"
            let body = RequestFiles.request(id: id, language: "fr", subject: "user-\(published.count)")
            #expect(try await runner.run("voyageur-enqueue", ["-"], stdin: body).status == 0)
            published.append((id, Date()))
            try await Task.sleep(for: .milliseconds(200))
        }

        let results = try await Fleet.waitForResults(runner, count: published.count)
        worker.signal(SIGTERM)
        #expect(try await worker.finish().status == 0)
        let late = published.filter { $0.at.timeIntervalSince(commandedAt) >= 5 }
        try #require(late.count >= 3)
        for job in late {
            let result = try #require(results[job.id])
            #expect(result.route == .template && result.status == .fallback, "\(job.id)")
            #expect(result.reason == "french_generation_enabled", "\(job.id)")
        }
    }

    @Test(
        "a 30 % rollout sends about 30 % of 1,000 subjects to generation, always the same ones",
        .timeLimit(.minutes(3)), arguments: CommandRunner.Backend.available)
    func rollout(backend: CommandRunner.Backend) async throws {
        var chosen: [Set<String>] = []
        for _ in 0..<2 {
            let runner = try await CommandRunner.make(backend)
            defer { runner.remove() }
            #expect(try await runner.run("voyageurctl", ["migrate"]).status == 0)
            let rollout = try await runner.run("voyageurctl", ["flags", "rollout", "french_generation_enabled", "30"])
            #expect(rollout.status == 0, "\(rollout.stderr)")
            let lines = (0..<1_000).map {
                RequestFiles.requestLine(id: "r-\($0)", language: "fr", subject: "user-\($0)")
            }
            let input = Data((lines.joined(separator: "\n") + "\n").utf8)
            #expect(try await runner.run("voyageur-enqueue", ["-"], stdin: input).status == 0)
            #expect(try await runner.run("voyageur-worker", ["--drain"]).status == 0)

            let results = try await Fleet.results(runner)
            #expect(results.count == 1_000)
            let generated = Set(results.values.filter { $0.route == .direct }.compactMap(\.subject))
            let skipped = results.values.filter { $0.route == .template }
            #expect(skipped.allSatisfy { $0.reason == "french_generation_enabled rollout 30%" })
            chosen.append(generated)
        }
        #expect((250...350).contains(chosen[0].count), "\(chosen[0].count) of 1000 generated")
        #expect(chosen[0] == chosen[1])
        let expected = Set(
            (0..<1_000).map { "user-\($0)" }.filter {
                Rollout.isEnabled(flag: FeatureFlag.frenchGeneration, subject: $0, percentage: 30)
            }
        )
        #expect(chosen[0] == expected)
    }

    @Test(
        "emergency-disable turns every job to templates within 5 s and emergency-clear restores the flags exactly",
        .timeLimit(.minutes(2)), arguments: CommandRunner.Backend.available)
    func emergency(backend: CommandRunner.Backend) async throws {
        let runner = try await CommandRunner.make(backend)
        defer { runner.remove() }
        #expect(try await runner.run("voyageurctl", ["migrate"]).status == 0)
        #expect(
            try await runner.run("voyageurctl", ["flags", "rollout", "french_generation_enabled", "40"]).status == 0)
        #expect(try await runner.run("voyageurctl", ["flags", "disable", "spanish_generation_enabled"]).status == 0)
        let before = try await Fleet.flags(runner)
        let worker = try runner.start("voyageur-worker", ["--id", "w1"])

        let declined = try await runner.run("voyageurctl", ["flags", "emergency-disable"])
        #expect(declined.status == 1, "without --yes and no terminal, nothing changes")
        #expect(try await Fleet.flags(runner) == before)

        let enabled = try await runner.run("voyageurctl", ["flags", "emergency-disable", "--yes"])
        #expect(enabled.status == 0)
        #expect(enabled.stderr.contains("msg=\"Emergency fallback enabled\""))
        try await Task.sleep(for: .seconds(5))
        let lines = ["en", "fr", "es"].enumerated().map { index, language in
            RequestFiles.requestLine(id: "e-\(index)", language: language, subject: "user-\(index)")
        }
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        #expect(
            try await runner.run("voyageur-enqueue", ["-", "--wait", "--timeout", "30s"], stdin: input).status == 0)
        let results = try await Fleet.results(runner)
        #expect(results.count == 3)
        #expect(results.values.allSatisfy { $0.route == .template && $0.reason == "emergency_fallback_enabled" })

        #expect(try await runner.run("voyageurctl", ["flags", "emergency-clear"]).status == 0)
        #expect(try await Fleet.flags(runner) == before)
        worker.signal(SIGTERM)
        let stopped = try await worker.finish()
        #expect(stopped.stderr.contains("msg=\"Emergency fallback enabled\""))
    }

    @Test(
        "an operator's breaker command reaches two running workers and shows in breakers status for both",
        .timeLimit(.minutes(2)), arguments: CommandRunner.Backend.available)
    func breakerOverride(backend: CommandRunner.Backend) async throws {
        var runner = try await CommandRunner.make(backend)
        runner.environment["VOYAGEUR_HEARTBEAT_INTERVAL"] = "500ms"
        defer { runner.remove() }
        #expect(try await runner.run("voyageurctl", ["migrate"]).status == 0)
        let workers = try ["w1", "w2"].map { try runner.start("voyageur-worker", ["--id", $0]) }

        let opened = try await runner.run("voyageurctl", ["breakers", "open", "direct", "fr"])
        #expect(opened.status == 0, "\(opened.stderr)")
        let openedAt = Date()
        var states: [String: String] = [:]
        while Date().timeIntervalSince(openedAt) < 5 {
            states = try await Fleet.breakerStates(runner, breaker: "direct/fr")
            if states == ["w1": "OPEN", "w2": "OPEN"] { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(states == ["w1": "OPEN", "w2": "OPEN"])
        let status = try await runner.run("voyageurctl", ["breakers", "status"])
        #expect(status.stdout.contains("✗ direct/fr: OPEN, forced"))

        #expect(try await runner.run("voyageurctl", ["breakers", "close", "direct", "fr"]).status == 0)
        try await Task.sleep(for: .seconds(2))
        #expect(try await Fleet.breakerStates(runner, breaker: "direct/fr") == ["w1": "CLOSED", "w2": "CLOSED"])
        for worker in workers {
            worker.signal(SIGTERM)
            let stopped = try await worker.finish()
            #expect(stopped.status == 0)
            #expect(stopped.stderr.contains("msg=\"Circuit breaker OPENED\""))
            #expect(stopped.stderr.contains("breaker.route=direct"))
        }
    }

    @Test(
        "a worker started while the flag store is unreachable uses its last snapshot, says so, and recovers",
        .timeLimit(.minutes(2)))
    func unreachableStore() async throws {
        var runner = try CommandRunner()
        defer { runner.remove() }
        let storeDirectory = runner.directory.appendingPathComponent("store")
        let storePath = storeDirectory.appendingPathComponent("results.db").path
        let brokerPath = runner.directory.appendingPathComponent("queue.db").path
        runner.environment["VOYAGEUR_DATABASE_URL"] = "sqlite:\(storePath)"
        runner.environment["VOYAGEUR_BROKER_URL"] = "sqlite:\(brokerPath)"
        runner.environment["VOYAGEUR_FLAG_SNAPSHOT"] = runner.directory.appendingPathComponent("flags.json").path
        runner.environment["VOYAGEUR_HEARTBEAT_INTERVAL"] = "500ms"
        try FileManager.default.createDirectory(at: storeDirectory, withIntermediateDirectories: true)
        #expect(try await runner.run("voyageurctl", ["migrate"]).status == 0)
        #expect(try await runner.run("voyageurctl", ["flags", "disable", "french_generation_enabled"]).status == 0)
        #expect(try await runner.run("voyageur-worker", ["--drain"]).status == 0, "a first run saves the snapshot")

        // The store's directory goes away and a file takes its name, so the
        // database cannot be opened at all.
        let away = runner.directory.appendingPathComponent("store.away")
        try FileManager.default.moveItem(at: storeDirectory, to: away)
        _ = FileManager.default.createFile(atPath: storeDirectory.path, contents: Data("not a directory".utf8))
        let queue = SQLiteJobQueue(database: SQLiteDatabase(path: brokerPath), owner: "producer")
        try await queue.publish(
            (0..<5).map { index in
                let id = "fr-\(index)"
                return OutgoingJob(
                    jobID: id, language: .french, body: RequestFiles.request(id: id, language: "fr", subject: id))
            }
        )

        let worker = try runner.start("voyageur-worker", ["--id", "w2"])
        try await Task.sleep(for: .seconds(2))
        let early = (try? String(contentsOf: worker.stderrURL, encoding: .utf8)) ?? ""
        #expect(early.contains("msg=\"Flag store unreachable; using last snapshot\""))
        #expect(early.contains("flags.source=snapshot_file"))
        #expect(early.contains("flags.revision=1"))

        try FileManager.default.removeItem(at: storeDirectory)
        try FileManager.default.moveItem(at: away, to: storeDirectory)
        let store = SQLiteDatabase(path: storePath)
        var results: [JobResult] = []
        for _ in 0..<150 where results.count < 5 {
            try await Task.sleep(for: .milliseconds(100))
            results = (try? await SQLiteResultStore(database: store).results(ResultQuery())) ?? []
        }
        #expect(results.count == 5)
        #expect(results.allSatisfy { $0.route == .template && $0.reason == "french_generation_enabled" })

        try await Task.sleep(for: .seconds(1))
        let heartbeat = try #require(
            try await SQLiteControlStore(database: store).heartbeats().first { $0.workerID == "w2" })
        #expect(heartbeat.flagSource == .store)
        #expect(heartbeat.flagStoreUnreachableSince != nil)
        worker.signal(SIGTERM)
        let stopped = try await worker.finish()
        #expect(stopped.status == 0)
        #expect(stopped.stderr.contains("msg=\"Flag store reachable again\""))
    }

    @Test("operators' mistakes are refused with exit 64 and a message naming what is wrong")
    func refusals() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let cases: [([String], String)] = [
            (["flags", "enable", "klingon_generation_enabled"], "Invalid flag name"),
            (["flags", "rollout", "french_generation_enabled", "101"], "between 0 and 100"),
            (["flags", "rollout", "french_generation_enabled", "-5"], "between 0 and 100"),
            (["breakers", "open", "telepathy", "fr"], "Invalid route"),
            (["breakers", "open", "direct", "de"], "Invalid language"),
            (["breakers", "open", "translation", "en"], "no translation/en breaker"),
            (["flags", "explode"], "unknown action"),
        ]
        for (arguments, message) in cases {
            let refused = try await runner.run("voyageurctl", arguments)
            #expect(refused.status == 64, "\(arguments)")
            #expect(refused.stderr.contains(message), "\(arguments): \(refused.stderr)")
        }
    }
}

/// Reads the fleet's state through `voyageurctl`, as an operator would, so
/// the same checks hold whichever backends the runner uses.
enum Fleet {
    /// One stored result, as `voyageurctl results --json` prints it.
    struct ResultRow: Sendable {
        var jobID: String
        var status: JobStatus?
        var route: Route?
        var reason: String?
        var subject: String?
        var workerID: String?

        init?(_ value: JSONValue) {
            guard case .object(let fields) = value, case .string(let id)? = fields["job_id"] else { return nil }
            func text(_ key: String) -> String? {
                if case .string(let text)? = fields[key] { return text }
                return nil
            }
            jobID = id
            status = text("status").flatMap(JobStatus.init(rawValue:))
            route = text("route").flatMap(Route.init(rawValue:))
            reason = text("reason")
            subject = text("subject")
            workerID = text("worker_id")
        }
    }

    static func results(_ runner: CommandRunner) async throws -> [String: ResultRow] {
        let listed = try await runner.run("voyageurctl", ["results", "--limit", "0", "--json"])
        let rows = listed.stdoutLines.compactMap { try? JSONValue(parsing: Data($0.utf8)) }.compactMap(ResultRow.init)
        return Dictionary(rows.map { ($0.jobID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func waitForResults(_ runner: CommandRunner, count: Int) async throws -> [String: ResultRow] {
        for _ in 0..<300 {
            let results = try await results(runner)
            if results.count >= count { return results }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await results(runner)
    }

    /// The `flags` object of `voyageurctl flags list --json`.
    static func flags(_ runner: CommandRunner) async throws -> JSONValue? {
        let listed = try await runner.run("voyageurctl", ["flags", "list", "--json"])
        guard case .object(let document)? = try? JSONValue(parsing: Data(listed.stdout.utf8)) else { return nil }
        return document["flags"]
    }

    /// Each worker's state of `breaker`, from `voyageurctl breakers status --json`.
    static func breakerStates(_ runner: CommandRunner, breaker: String) async throws -> [String: String] {
        let status = try await runner.run("voyageurctl", ["breakers", "status", "--json"])
        guard case .object(let document)? = try? JSONValue(parsing: Data(status.stdout.utf8)),
            case .array(let workers)? = document["workers"]
        else { return [:] }
        var states: [String: String] = [:]
        for case .object(let worker) in workers {
            guard case .string(let id)? = worker["worker_id"], case .array(let breakers)? = worker["breakers"]
            else { continue }
            for case .object(let entry) in breakers where entry["breaker"] == .string(breaker) {
                if case .string(let state)? = entry["state"] { states[id] = state }
            }
        }
        return states
    }
}
