import Foundation
import Testing
import VoyageurAMQP
import VoyageurCore

/// The built executables against RabbitMQ and PostgreSQL while something
/// breaks: a worker dies, the broker or the database restarts, a message is
/// poison, a backend keeps failing. Every run ends with each job stored
/// exactly once.
///
/// These tests stop the shared test servers, so they must not run beside
/// other suites that use them.
@Suite("Production deployment under faults, end to end", .serialized, .enabled(if: Faults.areAvailable))
struct ProductionFaultTests {
    @Test(
        "a worker killed with SIGKILL mid-run loses no job: another stores each of its unacknowledged jobs once",
        .timeLimit(.minutes(2)))
    func killedWorker() async throws {
        let runner = try await CommandRunner.make(.production)
        defer { runner.remove() }
        let expected = try await Faults.enqueue(runner, count: 2_000, prefix: "kill")

        let doomed = try runner.start("voyageur-worker", ["--id", "doomed"], environment: Faults.debug)
        let steady = try runner.start("voyageur-worker", ["--id", "steady"], environment: Faults.debug)
        try #require(await Faults.waitForResults(runner, atLeast: 500) >= 500)
        doomed.signal(SIGKILL)
        let storedBeforeKill = await Faults.resultCount(runner) ?? 0
        #expect(storedBeforeKill < expected.count, "the worker was killed after the run")
        let killed = try await doomed.finish()
        #expect(killed.isSignalled)

        let restarted = try runner.start(
            "voyageur-worker", ["--drain", "--id", "restarted"], environment: Faults.debug)
        let drained = try await restarted.finish(timeout: .seconds(90))
        #expect(await Faults.waitForResults(runner, atLeast: expected.count) == expected.count)
        steady.signal(SIGTERM)
        let stopped = try await steady.finish()
        #expect(drained.status == 0, "\(drained.stderr.suffix(2_000))")
        #expect(stopped.status == 0 && !stopped.isSignalled, "\(stopped.stderr.suffix(2_000))")

        let rows = try await Faults.results(runner)
        try Faults.expectExactlyOneResult(rows, for: expected)
        let stored = Faults.storedCounts([killed, drained, stopped])
        #expect(stored.values.allSatisfy { $0 == 1 }, "\(stored.filter { $0.value > 1 })")
        let byWorker = Dictionary(grouping: rows.values, by: { $0.workerID ?? "" }).mapValues(\.count)
        #expect(byWorker["doomed", default: 0] > 0)
        #expect(byWorker["doomed", default: 0] < expected.count)
        #expect(try await Faults.deadLetters(runner).isEmpty)
    }

    @Test(
        "workers keep running while RabbitMQ stops and starts again, and store every job exactly once",
        .timeLimit(.minutes(3)))
    func brokerRestart() async throws {
        let runner = try await CommandRunner.make(.production)
        defer { runner.remove() }
        // Enough jobs that the run outlasts the time the broker takes to stop.
        let expected = try await Faults.enqueue(runner, count: 6_000, prefix: "broker")

        // One job in flight per language keeps the run long enough for the
        // broker to go down in the middle of it.
        let slow = Faults.debug.merging(
            ["VOYAGEUR_CONCURRENCY_EN": "1", "VOYAGEUR_CONCURRENCY_FR": "1", "VOYAGEUR_CONCURRENCY_ES": "1"]
        ) { _, new in new }
        let outputs = try await Faults.runWorkers(runner, environment: slow, until: expected.count) {
            let stop = await Faults.rabbitMQ("stop")
            try #require(stop.status == 0, "\(stop.output)")
            let stored = await Faults.resultCount(runner) ?? 0
            #expect(stored < expected.count, "the broker stopped after the run")
            try await Task.sleep(for: .seconds(2))
            let start = await Faults.rabbitMQ("start")
            try #require(start.status == 0, "\(start.output)")
        }

        #expect(outputs.contains { $0.stderr.contains("msg=\"Queue unavailable\"") }, "no worker saw the outage")
        let rows = try await Faults.results(runner)
        try Faults.expectExactlyOneResult(rows, for: expected)
        let stored = Faults.storedCounts(outputs)
        #expect(stored.values.allSatisfy { $0 == 1 }, "\(stored.filter { $0.value > 1 })")
        #expect(try await Faults.deadLetters(runner).isEmpty)
    }

    @Test(
        "a PostgreSQL restart pauses the workers, which lose nothing and store every job once when it returns",
        .timeLimit(.minutes(3)), .enabled(if: Faults.postgresDirectory != nil))
    func databaseRestart() async throws {
        let runner = try await CommandRunner.make(.production)
        defer { runner.remove() }
        let expected = try await Faults.enqueue(runner, count: 2_000, prefix: "database")

        let outputs = try await Faults.runWorkers(runner, until: expected.count) {
            let stop = await Faults.postgres("stop")
            try #require(stop.status == 0, "\(stop.output)")
            try await Task.sleep(for: .seconds(8))
            let start = await Faults.postgres("start")
            try #require(start.status == 0, "\(start.output)")
            let stored = await Faults.resultCount(runner) ?? 0
            #expect(stored < expected.count, "the database stopped after the run")
        }

        // The outage shows in the lookups of jobs taken, in the commits of
        // jobs done, or both, depending on what was under way when it began.
        #expect(outputs.contains { $0.stderr.contains("msg=\"Result store unavailable") })
        #expect(outputs.contains { $0.stderr.contains("msg=\"Result store reachable again\"") })
        let rows = try await Faults.results(runner)
        try Faults.expectExactlyOneResult(rows, for: expected)
        let stored = Faults.storedCounts(outputs)
        #expect(stored.values.allSatisfy { $0 == 1 }, "\(stored.filter { $0.value > 1 })")
        #expect(try await Faults.deadLetters(runner).isEmpty)
    }

    @Test(
        "a message that is not JSON and one that breaks a rule are dead-lettered and rejected without stopping the queue",
        .timeLimit(.minutes(2)))
    func poisonMessages() async throws {
        let runner = try await CommandRunner.make(.production)
        defer { runner.remove() }
        var expected = try await Faults.enqueue(runner, count: 1_000, prefix: "before")
        let invalid = CommandRunner.repositoryRoot.appendingPathComponent("jobs/samples/invalid/missing-score.json")
        let ruleReason = try String(
            contentsOf: invalid.deletingPathExtension().appendingPathExtension("expected"), encoding: .utf8
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        let queue = try Faults.amqpQueue(runner)
        try await queue.publish([
            OutgoingJob(jobID: "poison-not-json", language: .english, body: Data("{not json at all".utf8)),
            OutgoingJob(jobID: "poison-rule", language: .french, body: try Data(contentsOf: invalid)),
        ])
        await queue.shutdown()
        expected.formUnion(try await Faults.enqueue(runner, count: 1_000, prefix: "after"))

        let outputs = try await Faults.runWorkers(runner, until: expected.count + 2)

        let rows = try await Faults.results(runner)
        try Faults.expectExactlyOneResult(rows, for: expected.union(["poison-not-json", "poison-rule"]))
        #expect(rows.values.filter { expected.contains($0.jobID) }.allSatisfy { $0.status == .succeeded })
        #expect(rows["poison-not-json"]?.status == .rejected)
        #expect(rows["poison-rule"]?.status == .rejected)
        #expect(rows["poison-rule"]?.reason == ruleReason)
        #expect(rows["poison-not-json"]?.reason == "request: is not valid JSON")

        let dead = Dictionary(uniqueKeysWithValues: try await Faults.deadLetters(runner).map { ($0.jobID, $0) })
        #expect(Set(dead.keys) == ["poison-not-json", "poison-rule"])
        #expect(dead["poison-rule"]?.reason == ruleReason)
        #expect(dead["poison-not-json"]?.reason == rows["poison-not-json"]?.reason)
        #expect(dead["poison-rule"]?.queue == "explain.fr")
        let stored = Faults.storedCounts(outputs)
        #expect(stored.values.allSatisfy { $0 == 1 }, "\(stored.filter { $0.value > 1 })")
    }

    @Test(
        "a job whose generation keeps failing is retried up to its attempt limit, then stored as a fallback naming the failure",
        .timeLimit(.minutes(3)))
    func failingGeneration() async throws {
        let runner = try await CommandRunner.make(.production)
        defer { runner.remove() }
        let expected = try await Faults.enqueue(runner, count: 2_000, prefix: "failing")

        let outputs = try await Faults.runWorkers(
            runner, environment: Faults.failingLLM(attempts: 3), until: expected.count, timeout: .seconds(150))

        let rows = try await Faults.results(runner)
        try Faults.expectExactlyOneResult(rows, for: expected)
        #expect(rows.values.allSatisfy { $0.status == .fallback })
        let failures = Faults.logCounts(outputs, message: "Model generation failed")
        let exhausted = rows.values.filter { $0.reason?.hasPrefix("generation failed: ") == true }
        let exhaustedIDs = Set(exhausted.map(\.jobID))
        #expect(exhausted.count > 100, "too few jobs reached their attempt limit to tell")
        for row in exhausted {
            #expect(row.attempts == 3, "\(row.jobID)")
            #expect(failures[row.jobID] == 3, "\(row.jobID)")
            #expect(row.reason?.contains("connection refused") == true, "\(row.jobID): \(row.reason ?? "")")
        }
        // Once a breaker opened, the jobs left on its route were written from
        // the template at once, naming the breaker.
        for row in rows.values where !exhaustedIDs.contains(row.jobID) {
            #expect(row.reason?.contains("open") == true, "\(row.jobID): \(row.reason ?? "")")
            #expect(failures[row.jobID, default: 0] < 3, "\(row.jobID)")
        }
        #expect(try await Faults.deadLetters(runner).isEmpty)
        let stored = Faults.storedCounts(outputs)
        #expect(stored.values.allSatisfy { $0 == 1 }, "\(stored.filter { $0.value > 1 })")
    }

    @Test(
        "a job that keeps coming back unsettled reaches the delivery limit, is recorded as failed and dead-lettered with its error history",
        .timeLimit(.minutes(3)))
    func deliveryLimit() async throws {
        let runner = try await CommandRunner.make(.production)
        defer { runner.remove() }
        let expected = try await Faults.enqueue(runner, count: 2_000, prefix: "limit")
        _ = try await Faults.runWorkers(runner, until: expected.count)

        // Each taker drops its connection while holding the job, as a
        // worker that dies would, as many times as the delivery limit; the
        // next delivery is the broker's last, on which a worker records
        // the job instead of running it.
        let fresh = "fresh-0"
        try await Faults.enqueueOne(runner, id: fresh)
        for taker in 1...5 {
            let wait: Duration = taker == 1 ? .seconds(5) : .seconds(3)
            try #require(await Faults.takeAndDrop(runner, jobID: fresh, wait: wait), "delivery \(taker)")
        }

        // Two failed generations put two errors in the job's history; the
        // worker is stopped while the job waits for its third attempt.
        // Then even the last delivery is lost, so the broker dead-letters
        // the job itself: the last resort, which records no result.
        let failing = try runner.start(
            "voyageur-worker", ["--id", "failing"], environment: Faults.failingLLM(attempts: 10, baseDelay: "1s"))
        let retried = "retried-0"
        try await Faults.enqueueOne(runner, id: retried)
        try #require(await Faults.waitForLog(failing, message: "Model generation failed", jobID: retried, count: 2))
        failing.signal(SIGTERM)
        let failingOutput = try await failing.finish()
        #expect(failingOutput.status == 0)
        #expect(try await Faults.takeUntilDead(runner, jobID: retried, firstWait: .seconds(15)) == 6)

        // The first worker up takes the fresh job's last delivery.
        let outputs = try await Faults.runWorkers(runner, until: expected.count + 1) + [failingOutput]
        #expect(Faults.logCounts(outputs, message: "Job dead-lettered at its delivery limit")[fresh] == 1)

        let reason = "delivery limit of 5 reached: the job kept coming back unsettled"
        let letters = Dictionary(uniqueKeysWithValues: try await Faults.deadLetters(runner).map { ($0.jobID, $0) })
        #expect(Set(letters.keys) == [fresh, retried])
        let freshLetter = try #require(letters[fresh])
        #expect(freshLetter.reason == reason)
        #expect(freshLetter.attempts == 6)
        #expect(freshLetter.errors == [reason])
        let retriedLetter = try #require(letters[retried])
        #expect(retriedLetter.errors.count == 2)
        #expect(retriedLetter.errors.allSatisfy { $0.contains("connection refused") }, "\(retriedLetter.errors)")
        #expect(retriedLetter.reason == reason)
        #expect(retriedLetter.attempts > 5)

        let rows = try await Faults.results(runner)
        try Faults.expectExactlyOneResult(rows, for: expected.union([fresh]))
        #expect(rows[fresh]?.status == .failed && rows[fresh]?.reason == reason)
        #expect(rows[retried] == nil)

        // Replayed once the cause is fixed, the job runs again and its
        // result replaces the failed one.
        let replay = try await runner.run("voyageurctl", ["dead", "replay", fresh])
        #expect(replay.status == 0, "\(replay.stderr)")
        let drain = try await runner.run("voyageur-worker", ["--drain", "--languages", "en"])
        #expect(drain.status == 0, "\(drain.stderr.suffix(2_000))")
        #expect(try await Faults.results(runner)[fresh]?.status == .succeeded)
    }
}

/// What the fault tests share: the servers to break, and reading the
/// outcome through `voyageurctl`, `psql` and the workers' logs.
enum Faults {
    static let environment = ProcessInfo.processInfo.environment

    /// True when the production test servers are configured.
    static var areAvailable: Bool { CommandRunner.Backend.available.contains(.production) }

    static var postgresDirectory: String? { environment["VOYAGEUR_TEST_POSTGRES_DIR"] }

    static let debug = ["VOYAGEUR_LOG_LEVEL": "debug"]

    /// A worker's settings for an LLM that refuses every connection; breakers
    /// open late, so that many jobs use up their attempts first.
    static func failingLLM(attempts: Int, baseDelay: String = "100ms") -> [String: String] {
        debug.merging(
            [
                "VOYAGEUR_LLM_URL": "http://127.0.0.1:1",
                "VOYAGEUR_MAX_ATTEMPTS": String(attempts),
                "VOYAGEUR_RETRY_BASE_DELAY": baseDelay,
                "VOYAGEUR_BREAKER_FAILURE_THRESHOLD": "1000",
            ]
        ) { _, new in new }
    }

    /// Enqueues `count` valid requests; returns their job ids.
    static func enqueue(_ runner: CommandRunner, count: Int, prefix: String) async throws -> Set<String> {
        let input = runner.directory.appendingPathComponent("\(prefix).jsonl")
        try RequestFiles.jsonLines(count: count, prefix: prefix).write(to: input)
        let enqueue = try await runner.run("voyageur-enqueue", [input.path])
        try #require(enqueue.status == 0, "\(enqueue.stderr)")
        return Set((0..<count).map { "\(prefix)-\($0)" })
    }

    /// Runs two workers until `count` results are stored, then stops them
    /// with SIGTERM; returns how they ended, each checked to have exited 0.
    /// `fault` runs once 300 results are stored; both workers must still be
    /// running after it.
    ///
    /// Not `--drain`: a draining worker may leave before jobs on their way
    /// to it are counted, and no other worker is left to take them.
    static func runWorkers(
        _ runner: CommandRunner,
        environment: [String: String] = debug,
        until count: Int,
        timeout: Duration = .seconds(90),
        fault: (() async throws -> Void)? = nil
    ) async throws -> [CommandResult] {
        let workers = try ["w1", "w2"].map {
            try runner.start("voyageur-worker", ["--id", $0], environment: environment)
        }
        if let fault {
            try #require(await waitForResults(runner, atLeast: 300) >= 300)
            try await fault()
            #expect(workers.allSatisfy { $0.process.isRunning }, "a worker exited during the fault")
        }
        #expect(await waitForResults(runner, atLeast: count, timeout: timeout) == count)
        workers.forEach { $0.signal(SIGTERM) }
        var outputs: [CommandResult] = []
        for worker in workers {
            outputs.append(try await worker.finish())
        }
        #expect(outputs.allSatisfy { $0.status == 0 && !$0.isSignalled }, "\(outputs.map { $0.stderr.suffix(2_000) })")
        return outputs
    }

    /// Runs the RabbitMQ test script on the test broker.
    static func rabbitMQ(_ command: String) async -> (status: Int32, output: String) {
        let directory = environment["VOYAGEUR_TEST_RABBITMQ_DIR"] ?? ""
        let port =
            environment["VOYAGEUR_RABBITMQ_PORT"]
            ?? environment["VOYAGEUR_TEST_AMQP_URL"].flatMap { URLComponents(string: $0)?.port }.map(String.init)
            ?? "56720"
        let node = environment["VOYAGEUR_RABBITMQ_NODENAME"] ?? "voyageur-test@localhost"
        let script = CommandRunner.repositoryRoot.appendingPathComponent("scripts/rabbitmq-test-server.sh").path
        return await CommandRunner.shell(
            "VOYAGEUR_RABBITMQ_PORT='\(port)' VOYAGEUR_RABBITMQ_NODENAME='\(node)' /bin/sh '\(script)' \(command) '\(directory)'"
        )
    }

    /// Runs the PostgreSQL test script on the test cluster.
    static func postgres(_ command: String) async -> (status: Int32, output: String) {
        let script = CommandRunner.repositoryRoot.appendingPathComponent("scripts/postgres-test-server.sh").path
        return await CommandRunner.shell("/bin/bash '\(script)' \(command) '\(postgresDirectory ?? "")'")
    }

    /// The stored results' count, straight from the runner's database; nil
    /// while it cannot be read.
    static func resultCount(_ runner: CommandRunner) async -> Int? {
        guard let url = runner.environment["VOYAGEUR_DATABASE_URL"],
            let output = try? await CommandRunner.runTool(
                "/usr/bin/psql", [url, "-qtAX", "-c", "SELECT count(*) FROM results"])
        else { return nil }
        return Int(output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits until at least `count` results are stored; returns the last count.
    static func waitForResults(
        _ runner: CommandRunner,
        atLeast count: Int,
        timeout: Duration = .seconds(60)
    ) async -> Int {
        let deadline = ContinuousClock.now + timeout
        var stored = 0
        while ContinuousClock.now < deadline {
            stored = await resultCount(runner) ?? stored
            if stored >= count { break }
            try? await Task.sleep(for: .milliseconds(200))
        }
        return stored
    }

    /// One row of `voyageurctl results --json`.
    struct Row: Sendable {
        var jobID: String
        var status: JobStatus?
        var reason: String?
        var attempts: Int?
        var workerID: String?
    }

    /// Every stored result by job id, read with `voyageurctl results`; a
    /// job id listed twice fails the test.
    static func results(_ runner: CommandRunner) async throws -> [String: Row] {
        let listed = try await runner.run("voyageurctl", ["results", "--limit", "0", "--json"])
        try #require(listed.status == 0, "\(listed.stderr)")
        let rows = listed.stdoutLines.compactMap { line -> Row? in
            guard case .object(let fields)? = try? JSONValue(parsing: Data(line.utf8)),
                case .string(let id)? = fields["job_id"]
            else { return nil }
            return Row(
                jobID: id,
                status: text(fields["status"]).flatMap(JobStatus.init(rawValue:)),
                reason: text(fields["reason"]),
                attempts: number(fields["attempts"]),
                workerID: text(fields["worker_id"])
            )
        }
        let byID = Dictionary(rows.map { ($0.jobID, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byID.count == rows.count, "a job id has more than one result row")
        return byID
    }

    /// Checks that the stored results are exactly one per expected job.
    static func expectExactlyOneResult(_ rows: [String: Row], for expected: Set<String>) throws {
        let ids = Set(rows.keys)
        let missing = expected.subtracting(ids)
        let unexpected = ids.subtracting(expected)
        #expect(missing.isEmpty, "\(missing.count) jobs have no result, e.g. \(missing.sorted().prefix(10))")
        #expect(unexpected.isEmpty, "unexpected results: \(unexpected.sorted().prefix(10))")
    }

    /// One entry of `voyageurctl dead list --json`.
    struct DeadRow: Sendable {
        var jobID: String
        var queue: String?
        var reason: String
        var attempts: Int
        var errors: [String]
    }

    static func deadLetters(_ runner: CommandRunner) async throws -> [DeadRow] {
        let listed = try await runner.run("voyageurctl", ["dead", "list", "--limit", "10000", "--json"])
        try #require(listed.status == 0, "\(listed.stderr)")
        return listed.stdoutLines.compactMap { line in
            guard case .object(let fields)? = try? JSONValue(parsing: Data(line.utf8)),
                case .string(let id)? = fields["job_id"]
            else { return nil }
            var errors: [String] = []
            if case .array(let values)? = fields["errors"] {
                errors = values.compactMap(text)
            }
            return DeadRow(
                jobID: id,
                queue: text(fields["queue"]),
                reason: text(fields["reason"]) ?? "",
                attempts: number(fields["attempts"]) ?? 0,
                errors: errors
            )
        }
    }

    /// How many `Job stored` lines each job id has in the workers' logs.
    static func storedCounts(_ outputs: [CommandResult]) -> [String: Int] {
        logCounts(outputs, message: "Job stored")
    }

    /// How many lines with `message` each job id has in the workers' logs.
    static func logCounts(_ outputs: [CommandResult], message: String) -> [String: Int] {
        logCounts(outputs.flatMap(\.stderrLines), message: message)
    }

    private static func logCounts(_ lines: [String], message: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in lines where line.contains("msg=\"\(message)\"") {
            if let id = line.split(separator: " ").first(where: { $0.hasPrefix("job.id=") }) {
                counts[String(id.dropFirst(7)), default: 0] += 1
            }
        }
        return counts
    }

    /// Waits until a running worker has logged `message` `count` times for
    /// `jobID`; false after 30 s.
    static func waitForLog(_ command: RunningCommand, message: String, jobID: String, count: Int) async -> Bool {
        for _ in 0..<600 {
            let text = (try? String(contentsOf: command.stderrURL, encoding: .utf8)) ?? ""
            let lines = text.split(separator: "\n").map(String.init)
            if logCounts(lines, message: message)[jobID, default: 0] >= count { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Enqueues one valid English request.
    static func enqueueOne(_ runner: CommandRunner, id: String) async throws {
        let request = RequestFiles.request(id: id, language: "en", subject: "user-\(id)")
        let enqueue = try await runner.run("voyageur-enqueue", ["-"], stdin: request)
        try #require(enqueue.status == 0, "\(enqueue.stderr)")
    }

    /// Takes `jobID` and drops it until it stops coming back; returns how
    /// many times it was taken (at most 10).
    static func takeUntilDead(_ runner: CommandRunner, jobID: String, firstWait: Duration) async throws -> Int {
        var taken = 0
        while taken < 10, try await takeAndDrop(runner, jobID: jobID, wait: taken == 0 ? firstWait : .seconds(3)) {
            taken += 1
        }
        return taken
    }

    /// A queue client of the runner's virtual host.
    static func amqpQueue(_ runner: CommandRunner) throws -> AMQPJobQueue {
        let url = try #require(runner.environment["VOYAGEUR_BROKER_URL"])
        return AMQPJobQueue(settings: AMQPQueueSettings(url: try AMQPURL(parsing: url)))
    }

    /// Takes `jobID` from the English queue and closes the connection without
    /// settling it; false when it was not delivered within `wait`.
    static func takeAndDrop(_ runner: CommandRunner, jobID: String, wait: Duration) async throws -> Bool {
        let queue = try amqpQueue(runner)
        try await queue.waitUntilConnected(timeout: .seconds(10))
        let deadline = ContinuousClock.now + wait
        var taken = false
        while !taken && ContinuousClock.now < deadline {
            let deliveries = try await queue.receive(from: .english, limit: 1)
            taken = deliveries.contains { $0.jobID == jobID }
            if !taken {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        await queue.shutdown()
        return taken
    }

    private static func text(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    private static func number(_ value: JSONValue?) -> Int? {
        if case .number(let number)? = value { return Int(number) }
        return nil
    }
}
