import Foundation
import VoyageurCore

/// Runs the built executables as an operator would, with output captured
/// in files so that large outputs never block a pipe.
struct CommandRunner {
    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where the executables are: `VOYAGEUR_BIN_DIR`, or the debug build.
    static let binDirectory: URL = {
        if let path = ProcessInfo.processInfo.environment["VOYAGEUR_BIN_DIR"] {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot.appendingPathComponent(".build/debug")
    }()

    /// Which queue and store the executables use.
    enum Backend: String, Sendable, CustomStringConvertible {
        /// One SQLite file in the runner's directory.
        case embedded
        /// RabbitMQ and PostgreSQL, as started by `make test`: a database and
        /// a virtual host of the runner's own.
        case production

        /// Embedded always; production when `make test` started the servers.
        static var available: [Backend] {
            let environment = ProcessInfo.processInfo.environment
            let hasServers = ["VOYAGEUR_TEST_POSTGRES_URL", "VOYAGEUR_TEST_AMQP_URL", "VOYAGEUR_TEST_RABBITMQ_DIR"]
                .allSatisfy { environment[$0] != nil }
            return hasServers ? [.embedded, .production] : [.embedded]
        }

        var description: String { rawValue }
    }

    /// A scratch directory holding the database and outputs.
    let directory: URL
    /// Variables added to every command's environment.
    var environment: [String: String]
    private(set) var backend: Backend
    private var teardown: [[String]] = []

    /// A runner on `backend`, with a fresh database and queues of its own.
    static func make(_ backend: Backend) async throws -> CommandRunner {
        var runner = try CommandRunner()
        guard backend == .production else { return runner }
        let environment = ProcessInfo.processInfo.environment
        let name = "e2e_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        let postgres = environment["VOYAGEUR_TEST_POSTGRES_URL"] ?? ""
        let rabbitDirectory = environment["VOYAGEUR_TEST_RABBITMQ_DIR"] ?? ""
        let script = repositoryRoot.appendingPathComponent("scripts/rabbitmq-test-server.sh").path

        try await runTool("/usr/bin/psql", [postgres, "-qc", "CREATE DATABASE \(name)"])
        let vhostURL = try await runTool(script, ["add-vhost", rabbitDirectory, name])
        runner.teardown = [
            ["/usr/bin/psql", postgres, "-qc", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"],
            [script, "delete-vhost", rabbitDirectory, name],
        ]
        runner.backend = .production
        runner.environment["VOYAGEUR_DATABASE_URL"] = replacingDatabase(of: postgres, with: name)
        runner.environment["VOYAGEUR_BROKER_URL"] = vhostURL.trimmingCharacters(in: .whitespacesAndNewlines)
        runner.environment["VOYAGEUR_AUTO_MIGRATE"] = "1"
        runner.environment["VOYAGEUR_FLAG_SNAPSHOT"] = runner.directory.appendingPathComponent("flags.json").path
        return runner
    }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("voyageur-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = "sqlite:" + directory.appendingPathComponent("voyageur.db").path
        environment = [
            "VOYAGEUR_DATABASE_URL": database,
            "VOYAGEUR_BROKER_URL": database,
            "VOYAGEUR_POLL_INTERVAL": "20ms",
        ]
        backend = .embedded
    }

    /// `postgres://user@host:port/db` with another database name.
    private static func replacingDatabase(of url: String, with name: String) -> String {
        guard let slash = url.range(of: "/", options: .backwards), slash.lowerBound > url.startIndex,
            url[url.index(before: slash.lowerBound)] != "/"
        else { return url + "/" + name }
        let query = url[slash.upperBound...].firstIndex(of: "?").map { String(url[$0...]) } ?? ""
        return String(url[..<slash.upperBound]) + name + query
    }

    /// Runs a helper program to its end; throws when it fails. Returns its output.
    @discardableResult
    static func runTool(_ path: String, _ arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: data)
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ToolFailed(command: ([path] + arguments).joined(separator: " "), output: text)
        }
        return text
    }

    /// Runs a shell command line on a thread of its own and returns its exit
    /// status and output. For scripts that leave servers running in the
    /// background, which `Process` sometimes fails to reap.
    static func shell(_ command: String) async -> (status: Int32, output: String) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "voyageur-shell-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let line = "\(command) > '\(output.path)' 2>&1 < /dev/null"
        let status = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let raw = system(line)
                continuation.resume(returning: (raw >> 8) & 0xff)
            }
        }
        return (status, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }

    struct ToolFailed: Error {
        var command: String
        var output: String
    }

    var databasePath: String { directory.appendingPathComponent("voyageur.db").path }

    /// Removes the directory, and the database and virtual host of a
    /// production runner.
    func remove() {
        for command in teardown {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try? process.run()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Starts `executable`; read its outputs once it has ended.
    func start(
        _ executable: String,
        _ arguments: [String],
        environment extra: [String: String] = [:],
        stdin: Data? = nil
    ) throws -> RunningCommand {
        let process = Process()
        process.executableURL = Self.binDirectory.appendingPathComponent(executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("VOYAGEUR_") }
        environment.merge(self.environment) { _, new in new }
        environment.merge(extra) { _, new in new }
        process.environment = environment

        let name = "\(executable)-\(UUID().uuidString.prefix(8))"
        let stdoutURL = directory.appendingPathComponent("\(name).out")
        let stderrURL = directory.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        if let stdin {
            let input = directory.appendingPathComponent("\(name).in")
            try stdin.write(to: input)
            process.standardInput = try FileHandle(forReadingFrom: input)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let command = RunningCommand(process: process, stdoutURL: stdoutURL, stderrURL: stderrURL)
        try process.run()
        return command
    }

    /// Runs `executable` to its end.
    func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = [:],
        stdin: Data? = nil
    ) async throws -> CommandResult {
        try await start(executable, arguments, environment: environment, stdin: stdin).finish()
    }
}

/// A started executable.
final class RunningCommand: @unchecked Sendable {
    // `Process` is not Sendable; this wrapper only reads it after `run()` and
    // signals it by pid, which is safe from any thread.
    let process: Process
    let stdoutURL: URL
    let stderrURL: URL

    init(process: Process, stdoutURL: URL, stderrURL: URL) {
        self.process = process
        self.stdoutURL = stdoutURL
        self.stderrURL = stderrURL
    }

    var pid: Int32 { process.processIdentifier }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the end on a thread of its own, off the cooperative pool.
    func finish(timeout: Duration = .seconds(120)) async throws -> CommandResult {
        let process = process
        let ended = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let deadline = Date().addingTimeInterval(timeout.seconds)
                while process.isRunning && Date() < deadline {
                    usleep(5_000)
                }
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    process.waitUntilExit()
                    continuation.resume(returning: false)
                } else {
                    process.waitUntilExit()
                    continuation.resume(returning: true)
                }
            }
        }
        guard ended else { throw TimedOut(command: process.executableURL?.lastPathComponent ?? "?") }
        return CommandResult(
            status: process.terminationStatus,
            isSignalled: process.terminationReason == .uncaughtSignal,
            stdout: (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        )
    }

    struct TimedOut: Error {
        var command: String
    }
}

/// How a command ended.
struct CommandResult: Sendable {
    var status: Int32
    var isSignalled: Bool
    var stdout: String
    var stderr: String

    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}
