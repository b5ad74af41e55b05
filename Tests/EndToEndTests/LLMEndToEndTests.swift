import Foundation
import Testing
import VoyageurCore

/// The built worker generating with a real llama.cpp server, which the test
/// stops and restarts to drive the breaker through its states.
@Suite(
    "LLM generation through the worker",
    .serialized,
    .enabled(if: ProcessInfo.processInfo.environment["VOYAGEUR_TEST_LLM_URL"] != nil)
)
struct LLMEndToEndTests {
    private static let port = "58383"
    private static let script = CommandRunner.repositoryRoot.appendingPathComponent("scripts/llm-test-server.sh").path

    private func server(_ action: String, _ directory: URL) async throws -> String {
        let result = await CommandRunner.shell(
            "LLM_TEST_PORT=\(Self.port) '\(Self.script)' \(action) '\(directory.path)'")
        #expect(result.status == 0, "llm-test-server.sh \(action): \(result.output)")
        return result.output.split(separator: "\n").last.map(String.init) ?? ""
    }

    private func enqueue(_ runner: CommandRunner, _ ids: Range<Int>, prefix: String) async throws {
        // Distinct scores, so that no job is served from the result cache.
        let offset = Double(prefix.unicodeScalars.map(\.value).reduce(0, +) % 10)
        let lines = ids.map { index in
            let score = (offset * 0.9 + Double(index) * 0.1).truncatingRemainder(dividingBy: 10)
            return RequestFiles.requestLine(
                id: "\(prefix)-\(index)", language: "en", subject: "user-\(index)", score: score)
        }
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        let published = try await runner.run("voyageur-enqueue", ["-", "--wait", "--timeout", "300s"], stdin: input)
        #expect(published.status == 0, "\(published.stderr)")
    }

    @Test(
        "a stopped server opens the breaker, jobs fall back with the breaker as reason, and the breaker closes after recovery",
        .timeLimit(.minutes(6))
    )
    func breakerFollowsTheServer() async throws {
        var runner = try CommandRunner()
        defer { runner.remove() }
        let serverDirectory = runner.directory.appendingPathComponent("llm")
        try FileManager.default.createDirectory(at: serverDirectory, withIntermediateDirectories: true)
        let url = try await server("start", serverDirectory)
        #expect(url.hasPrefix("http://127.0.0.1:\(Self.port)"))
        runner.environment.merge([
            "VOYAGEUR_LLM_URL": url,
            "VOYAGEUR_LLM_API": "openai",
            "VOYAGEUR_LLM_MAX_ATTEMPTS": "1",
            "VOYAGEUR_MAX_ATTEMPTS": "1",
            "VOYAGEUR_BREAKER_FAILURE_THRESHOLD": "3",
            "VOYAGEUR_BREAKER_RECOVERY_TIMEOUT": "2s",
            "VOYAGEUR_CONCURRENCY_EN": "1",
            // A shared two-core machine can be slow; only the stopped server
            // may fail here.
            "VOYAGEUR_LLM_TIMEOUT_SUMMARY": "120s",
        ]) { _, new in new }
        #expect(try await runner.run("voyageurctl", ["migrate"]).status == 0)
        let worker = try runner.start("voyageur-worker", ["--id", "llm-worker", "--languages", "en"])

        // Healthy: the model answers (its text may not pass the quality gate,
        // which is still an answer).
        try await enqueue(runner, 0..<2, prefix: "up")
        var results = try await Fleet.results(runner)
        for id in ["up-0", "up-1"] {
            let result = try #require(results[id])
            #expect(result.route == .direct || result.reason?.hasPrefix("quality gate:") == true, "\(id)")
        }

        // Down: three refused connections open the breaker; later jobs never
        // reach the backend.
        _ = try await server("stop", serverDirectory)
        try await enqueue(runner, 0..<5, prefix: "down")
        results = try await Fleet.results(runner)
        let reasons = (0..<5).compactMap { results["down-\($0)"]?.reason }
        #expect(reasons.count == 5)
        #expect(reasons.prefix(3).allSatisfy { $0.hasPrefix("generation failed:") }, "\(reasons)")
        #expect(reasons.suffix(2).allSatisfy { $0 == "breaker direct/en open" }, "\(reasons)")
        #expect((0..<5).allSatisfy { results["down-\($0)"]?.status == .fallback })

        // Back: after the recovery timeout, two probes close it again.
        _ = try await server("start", serverDirectory)
        try await Task.sleep(for: .seconds(3))
        try await enqueue(runner, 0..<3, prefix: "back")
        results = try await Fleet.results(runner)
        #expect((0..<3).allSatisfy { results["back-\($0)"]?.reason?.hasPrefix("breaker") != true })

        worker.signal(SIGTERM)
        let stopped = try await worker.finish()
        _ = try await server("stop", serverDirectory)
        #expect(stopped.status == 0)
        let log = stopped.stderr
        let opened = try #require(log.range(of: "msg=\"Circuit breaker OPENED\""))
        let halfOpen = try #require(log.range(of: "msg=\"Circuit breaker HALF_OPEN\""))
        let closed = try #require(log.range(of: "msg=\"Circuit breaker CLOSED\""))
        #expect(opened.lowerBound < halfOpen.lowerBound && halfOpen.lowerBound < closed.lowerBound)
        #expect(log.contains("msg=\"Model generation failed\""))
    }

    @Test("a request that exceeds its timeout counts as a failure and the job still ends with a stored result")
    func timeout() async throws {
        var runner = try CommandRunner()
        defer { runner.remove() }
        runner.environment.merge([
            "VOYAGEUR_LLM_URL": ProcessInfo.processInfo.environment["VOYAGEUR_TEST_LLM_URL"] ?? "",
            "VOYAGEUR_LLM_TIMEOUT_SUMMARY": "1ms",
            "VOYAGEUR_MAX_ATTEMPTS": "1",
        ]) { _, new in new }
        let request = RequestFiles.request(id: "slow-0", language: "en", subject: "user-0")
        #expect(try await runner.run("voyageur-enqueue", ["-"], stdin: request).status == 0)
        let worker = try await runner.run("voyageur-worker", ["--drain", "--languages", "en"])
        #expect(worker.status == 0)
        let result = try #require(try await Fleet.results(runner)["slow-0"])
        #expect(result.status == .fallback)
        #expect(result.reason?.hasPrefix("generation failed:") == true, "\(result.reason ?? "-")")
        let stats = try await runner.run("voyageurctl", ["breakers", "stats", "--json"])
        #expect(stats.stdout.contains("\"failures\":1"), "\(stats.stdout)")
    }

    @Test(
        "jobs in every language and level end with results that record how they were generated",
        .timeLimit(.minutes(10))
    )
    func everyLanguageAndLevel() async throws {
        var runner = try CommandRunner()
        defer { runner.remove() }
        runner.environment.merge([
            "VOYAGEUR_LLM_URL": ProcessInfo.processInfo.environment["VOYAGEUR_TEST_LLM_URL"] ?? "",
            "VOYAGEUR_LLM_MAX_ATTEMPTS": "1",
            "VOYAGEUR_LLM_TIMEOUT_SUMMARY": "300s",
            "VOYAGEUR_LLM_TIMEOUT_STANDARD": "300s",
            "VOYAGEUR_LLM_TIMEOUT_DETAILED": "300s",
        ]) { _, new in new }
        var lines: [String] = []
        for language in ["en", "fr", "es"] {
            for detail in ["summary", "standard", "detailed"] {
                lines.append(
                    """
                    {"id":"\(language)-\(detail)","symbol":"MSFT","language":"\(language)","detail":"\(detail)",\
                    "analysis":{"score":5.5,"price":412.3,"indicators":{"rsi14":{"score":0.6,"weight":0.08,\
                    "raw":{"rsi":58.2}},"sma50vs200":{"score":0.7,"weight":0.12,"raw":{"sma50":405.1,"sma200":398.7}}}}}
                    """
                )
            }
        }
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        #expect(try await runner.run("voyageur-enqueue", ["-"], stdin: input).status == 0)
        let worker = try await runner.run("voyageur-worker", ["--drain"])
        #expect(worker.status == 0)

        let listed = try await runner.run("voyageurctl", ["results", "--limit", "0", "--json"])
        let rows = listed.stdoutLines.compactMap { try? JSONValue(parsing: Data($0.utf8)) }
        #expect(rows.count == 9)
        for case .object(let fields) in rows {
            let id = fields["job_id"].map { "\($0)" } ?? "?"
            #expect(fields["attempts"] == .number(1), "\(id)")
            #expect(fields["model"] != nil, "\(id)")
            switch fields["status"] {
            case .string("succeeded"):
                // Generated by the model: its method and quality are recorded.
                #expect(fields["method"] == .string("direct"), "\(id)")
                guard case .number(let quality)? = fields["quality"] else {
                    Issue.record("\(id) has no quality")
                    continue
                }
                #expect(quality >= 0.6, "\(id)")
            case .string("fallback"):
                // The gate turned the model's text down and says by how much.
                guard case .string(let reason)? = fields["reason"] else {
                    Issue.record("\(id) has no reason")
                    continue
                }
                #expect(reason.hasPrefix("quality gate: best of 1 attempts scored "), "\(id): \(reason)")
                #expect(fields["method"] == .string("template"), "\(id)")
            default:
                Issue.record("\(id) ended \(String(describing: fields["status"]))")
            }
        }
    }
}
