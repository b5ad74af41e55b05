import Foundation
import Testing
import VoyageurCore

@testable import VoyageurSQLite

/// The built executables against one embedded database file, run as an
/// operator would run them.
@Suite("Embedded deployment, end to end", .serialized)
struct EmbeddedEndToEndTests {
    @Test(
        "300 requests and two workers on one file give exactly 300 results, none made twice", .timeLimit(.minutes(3)),
        arguments: CommandRunner.Backend.available)
    func twoWorkers(backend: CommandRunner.Backend) async throws {
        let runner = try await CommandRunner.make(backend)
        defer { runner.remove() }
        let input = runner.directory.appendingPathComponent("requests.jsonl")
        try RequestFiles.jsonLines(count: 300, prefix: "two").write(to: input)

        let enqueue = try await runner.run("voyageur-enqueue", [input.path])
        #expect(enqueue.status == 0, "\(enqueue.stderr)")
        #expect(enqueue.stdoutLines.count == 300)

        // A draining worker on RabbitMQ cannot see jobs its peer holds, so a
        // fleet there runs until the work is done and is then stopped.
        let drain = backend == .embedded ? ["--drain"] : []
        let debug = ["VOYAGEUR_LOG_LEVEL": "debug"]
        let first = try runner.start("voyageur-worker", drain + ["--id", "w1"], environment: debug)
        let second = try runner.start("voyageur-worker", drain + ["--id", "w2"], environment: debug)
        if backend == .production {
            _ = try await Fleet.waitForResults(runner, count: 300)
            first.signal(SIGTERM)
            second.signal(SIGTERM)
        }
        let results = [try await first.finish(), try await second.finish()]
        #expect(results.map(\.status) == [0, 0], "\(results.map(\.stderr))")

        let stored = results.flatMap(\.stderrLines).filter { $0.contains("msg=\"Job stored\"") }
        let storedIDs = stored.compactMap { line in
            line.split(separator: " ").first { $0.hasPrefix("job.id=") }.map { String($0.dropFirst(7)) }
        }
        #expect(storedIDs.count == 300)
        #expect(Set(storedIDs).count == 300)
        #expect(!results.flatMap(\.stderrLines).contains { $0.contains("Job already stored") })

        let listed = try await runner.run("voyageurctl", ["results", "--limit", "0", "--json"])
        #expect(listed.status == 0)
        let rows = listed.stdoutLines.compactMap { try? JSONValue(parsing: Data($0.utf8)) }
        #expect(rows.count == 300)
        let ids = Set(
            rows.compactMap { row -> String? in
                guard case .object(let fields) = row, case .string(let id)? = fields["job_id"] else { return nil }
                return id
            })
        #expect(ids == Set((0..<300).map { "two-\($0)" }))
    }

    @Test("jobs held by a worker killed with SIGKILL are processed by another after the lease", .timeLimit(.minutes(3)))
    func killedWorker() async throws {
        var runner = try CommandRunner()
        runner.environment["VOYAGEUR_LEASE_TIMEOUT"] = "2s"
        defer { runner.remove() }
        let input = runner.directory.appendingPathComponent("requests.jsonl")
        try RequestFiles.jsonLines(count: 3_000, prefix: "kill").write(to: input)
        #expect(try await runner.run("voyageur-enqueue", [input.path]).status == 0)

        let doomed = try runner.start("voyageur-worker", ["--id", "doomed"])
        let database = SQLiteDatabase(path: runner.databasePath)
        let held = try await catchHoldingLeases(doomed, owner: "doomed", database: database)
        try #require(!held.isEmpty, "the worker never held a lease when stopped")
        doomed.signal(SIGKILL)
        _ = try await doomed.finish()

        let clock = ContinuousClock()
        let started = clock.now
        let survivor = try await runner.run("voyageur-worker", ["--drain", "--id", "survivor"])
        #expect(survivor.status == 0, "\(survivor.stderr)")
        #expect(clock.now - started >= .milliseconds(1_500), "the survivor must wait for the leases to lapse")

        let results = try await SQLiteResultStore(database: database).results(ResultQuery())
        #expect(results.count == 3_000)
        #expect(Set(results.map(\.jobID)).count == 3_000)
        let workerOfHeld = Set(results.filter { held.contains($0.jobID) }.map(\.workerID))
        #expect(workerOfHeld == ["survivor"])
    }

    /// Freezes the worker until it is caught holding leases; returns their job ids.
    private func catchHoldingLeases(
        _ command: RunningCommand,
        owner: String,
        database: SQLiteDatabase
    ) async throws -> Set<String> {
        for _ in 0..<400 {
            try await Task.sleep(for: .milliseconds(5))
            command.signal(SIGSTOP)
            let held = try await database.read { connection -> [String] in
                let statement = try connection.prepare(
                    "SELECT job_id FROM queue_jobs WHERE lease_owner LIKE ?",
                    [.text(owner + "/%")]
                )
                var ids: [String] = []
                while try statement.step() {
                    ids.append(statement.text(0) ?? "")
                }
                return ids
            }
            let done = try await SQLiteResultStore(database: database).results(ResultQuery(limit: 1))
            if !held.isEmpty && !done.isEmpty {
                return Set(held)
            }
            command.signal(SIGCONT)
        }
        return []
    }

    @Test("every invalid sample is refused before publishing, and rejected with its reason when injected raw")
    func invalidSamples() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let folder = CommandRunner.repositoryRoot.appendingPathComponent("jobs/samples/invalid")
        let samples = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        try #require(samples.count >= 20)

        var expected: [String: String] = [:]
        for name in samples {
            let file = folder.appendingPathComponent(name)
            let reason = try String(
                contentsOf: file.deletingPathExtension().appendingPathExtension("expected"), encoding: .utf8
            )
            .trimmingCharacters(in: .whitespacesAndNewlines)
            let refused = try await runner.run("voyageur-enqueue", [file.path])
            #expect(refused.status == 65, "\(name)")
            #expect(refused.stderrLines.first == "\(file.path):1: \(reason)", "\(name)")
            #expect(refused.stdout.isEmpty, "\(name) printed a job id")
            expected["raw-\(name)"] = reason
        }
        let depths = try await runner.run("voyageurctl", ["queues", "--json"])
        #expect(depths.stdoutLines.allSatisfy { $0.contains("\"ready\":0") }, "nothing may be published")

        let database = SQLiteDatabase(path: runner.databasePath)
        let queue = SQLiteJobQueue(database: database, owner: "injector")
        var jobs: [OutgoingJob] = []
        for (index, name) in samples.enumerated() {
            let body = try Data(contentsOf: folder.appendingPathComponent(name))
            jobs.append(OutgoingJob(jobID: "raw-\(name)", language: Language.allCases[index % 3], body: body))
            let valid = RequestFiles.jsonLines(count: 1, prefix: "valid-\(index)")
            jobs.append(OutgoingJob(jobID: "valid-\(index)-0", language: .english, body: valid))
        }
        try await queue.publish(jobs)

        let worker = try await runner.run("voyageur-worker", ["--drain"])
        #expect(worker.status == 0, "\(worker.stderr)")
        let results = try await SQLiteResultStore(database: database).results(ResultQuery())
        #expect(results.count == samples.count * 2)
        for result in results where result.jobID.hasPrefix("raw-") {
            #expect(result.status == .rejected)
            #expect(result.reason == expected[result.jobID], "\(result.jobID)")
        }
        #expect(results.filter { $0.jobID.hasPrefix("valid-") }.allSatisfy { $0.status == .succeeded })
        #expect(try await queue.deadLetters(limit: 1_000).count == samples.count)
    }

    @Test(
        "enqueue --wait prints each result as it is stored, and SIGTERM stops the worker cleanly",
        .timeLimit(.minutes(2)), arguments: CommandRunner.Backend.available)
    func waitForResults(backend: CommandRunner.Backend) async throws {
        let runner = try await CommandRunner.make(backend)
        defer { runner.remove() }
        #expect(try await runner.run("voyageurctl", ["migrate"]).status == 0)
        let worker = try runner.start("voyageur-worker", ["--id", "steady"])

        let input = RequestFiles.jsonLines(count: 30, prefix: "wait")
        let enqueue = try await runner.run("voyageur-enqueue", ["-", "--wait", "--timeout", "60s"], stdin: input)
        #expect(enqueue.status == 0, "\(enqueue.stderr)")
        let lines = enqueue.stdoutLines
        #expect(lines.prefix(30) == ArraySlice((0..<30).map { "wait-\($0)" }))
        let results = lines.dropFirst(30).compactMap { try? JSONValue(parsing: Data($0.utf8)) }
        #expect(results.count == 30)
        #expect(
            results.allSatisfy { result in
                guard case .object(let fields) = result else { return false }
                return fields["status"] == .string("succeeded") && fields["worker_id"] == .string("steady")
            })

        worker.signal(SIGTERM)
        let stopped = try await worker.finish(timeout: .seconds(40))
        #expect(stopped.status == 0 && !stopped.isSignalled)
        #expect(stopped.stderr.contains("msg=\"Worker stopped\""))
    }

    @Test("bad command lines and settings are refused with the right exit status and the culprit named")
    func refusals() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let unknownOption = try await runner.run("voyageur-worker", ["--bogus"])
        #expect(unknownOption.status == 64 && unknownOption.stderr.contains("--bogus"))

        let badLanguage = try await runner.run("voyageur-worker", ["--languages", "en,de"])
        #expect(badLanguage.status == 64 && badLanguage.stderr.contains("\"de\""))

        let badSetting = try await runner.run(
            "voyageur-worker", ["--drain"], environment: ["VOYAGEUR_CONCURRENCY_FR": "0"])
        #expect(badSetting.status == 78 && badSetting.stderr.contains("VOYAGEUR_CONCURRENCY_FR"))

        let badURL = try await runner.run(
            "voyageurctl",
            ["migrate"],
            environment: ["VOYAGEUR_DATABASE_URL": "mysql://admin:hunter2@db/voyageur"]
        )
        #expect(badURL.status == 78 && badURL.stderr.contains("VOYAGEUR_DATABASE_URL"))
        #expect(!badURL.stderr.contains("hunter2"))

        let unknownCommand = try await runner.run("voyageurctl", ["frobnicate"])
        #expect(unknownCommand.status == 64)

        let noInput = try await runner.run("voyageur-enqueue", [])
        #expect(noInput.status == 64)
    }
}
