import Foundation
import Testing
import VoyageurCore
import VoyageurSQLite

/// Runs `docs/operations.md`: every command of its `sh` blocks, in document
/// order, against one fresh embedded database, each expected to exit as the
/// document says.
///
/// Conventions the document follows (and states in its last section):
/// - a command exits 0 unless its trailing comment says `# exits N`;
/// - a command whose comment says `long-running` is started, given a second,
///   left running while the rest of its block runs, then stopped with SIGTERM
///   and must exit 0;
/// - a ```` ```json file=NAME ```` block is written to `NAME` when reached;
/// - only the Voyageur executables may appear in `sh` blocks; anything else
///   goes in `text` or `console` blocks, so no command goes unchecked.
@Suite("The operations runbook, command by command", .serialized)
struct OperationsRunbookTests {
    static let programs: Set<String> = ["voyageur-enqueue", "voyageur-worker", "voyageurctl"]
    static let fenceLanguages: Set<String> = ["sh", "text", "console", "json"]
    static let minimumCommands = 10

    /// The id of the invalid request the database starts with.
    static let seededJobID = "order-7731"

    @Test("every command in the runbook parses and names a Voyageur executable")
    func commandsParse() throws {
        let steps = try Runbook.load()
        let commands = steps.compactMap(\.command)
        #expect(
            commands.count >= Self.minimumCommands,
            "docs/operations.md has only \(commands.count) runnable commands"
        )
        for case .file(let name, let contents, let line) in steps {
            #expect(
                (try? JSONValue(parsing: Data(contents.utf8))) != nil,
                "docs/operations.md:\(line): \(name) is not valid JSON"
            )
        }
    }

    @Test("every command in the runbook exits as the runbook says", .timeLimit(.minutes(5)))
    func commandsRun() async throws {
        let steps = try Runbook.load()
        try #require(steps.compactMap(\.command).count >= Self.minimumCommands)
        let runner = try CommandRunner()
        defer { runner.remove() }
        try FileManager.default.createSymbolicLink(
            at: runner.directory.appendingPathComponent("jobs"),
            withDestinationURL: CommandRunner.repositoryRoot.appendingPathComponent("jobs")
        )
        try await seedInvalidRequest(runner)

        var background: [(RunbookCommand, RunningCommand)] = []
        var ran = 0
        for step in steps {
            switch step {
            case .file(let name, let contents, _):
                try Data(contents.utf8).write(to: runner.directory.appendingPathComponent(name))
            case .command(let command):
                ran += 1
                if command.isLongRunning {
                    if let started = try await startLongRunning(command, runner: runner) {
                        background.append((command, started))
                    }
                } else {
                    try await run(command, runner: runner)
                }
            case .endOfBlock:
                for (command, started) in background {
                    try await stop(command, started)
                }
                background = []
            }
        }
        #expect(ran >= Self.minimumCommands)
    }

    /// Publishes a request that breaks the schema straight onto the queue,
    /// as a producer that does not use `voyageur-enqueue` could.
    private func seedInvalidRequest(_ runner: CommandRunner) async throws {
        let database = SQLiteDatabase(path: runner.databasePath)
        _ = try await database.migrate()
        let body = try Data(
            contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("jobs/samples/invalid/missing-score.json")
        )
        let queue = SQLiteJobQueue(database: database, owner: "runbook-producer")
        try await queue.publish([OutgoingJob(jobID: Self.seededJobID, language: .english, body: body)])
    }

    private func run(_ command: RunbookCommand, runner: CommandRunner) async throws {
        let started = try runner.start(
            command.program,
            try command.expandedArguments(in: runner.directory),
            environment: command.environment,
            stdin: try command.standardInput(in: runner.directory)
        )
        let result: CommandResult
        do {
            result = try await started.finish(timeout: .seconds(60))
        } catch is RunningCommand.TimedOut {
            Issue.record("\(command.location) `\(command.text)` did not end within 60 s and was killed")
            return
        }
        let report = "\(command.location) `\(command.text)` exited \(result.status), expected \(command.expectedStatus)"
        #expect(
            result.status == command.expectedStatus && !result.isSignalled,
            "\(report)\nstderr:\n\(result.stderr)"
        )
    }

    /// Starts a long-running command; nil (with an issue recorded) when it
    /// ended within its first second.
    private func startLongRunning(_ command: RunbookCommand, runner: CommandRunner) async throws -> RunningCommand? {
        let started = try runner.start(
            command.program,
            try command.expandedArguments(in: runner.directory),
            environment: command.environment,
            stdin: try command.standardInput(in: runner.directory)
        )
        try await Task.sleep(for: .seconds(1))
        guard started.process.isRunning else {
            let result = try await started.finish()
            Issue.record(
                "\(command.location) `\(command.text)` ended by itself with \(result.status)\nstderr:\n\(result.stderr)"
            )
            return nil
        }
        return started
    }

    private func stop(_ command: RunbookCommand, _ started: RunningCommand) async throws {
        started.signal(SIGTERM)
        let result = try await started.finish(timeout: .seconds(60))
        let report = "\(command.location) `\(command.text)` exited \(result.status) after SIGTERM, expected 0"
        #expect(result.status == 0 && !result.isSignalled, "\(report)\nstderr:\n\(result.stderr)")
    }
}

/// One step of the runbook, in document order.
private enum RunbookStep {
    case file(name: String, contents: String, line: Int)
    case command(RunbookCommand)
    case endOfBlock

    var command: RunbookCommand? {
        if case .command(let command) = self { return command }
        return nil
    }
}

/// A problem with the runbook's text, at a line of it.
private struct RunbookError: Error, CustomStringConvertible {
    var line: Int
    var message: String

    var description: String { "docs/operations.md:\(line): \(message)" }
}

/// Reads `docs/operations.md` into steps.
private enum Runbook {
    static func load() throws -> [RunbookStep] {
        let url = CommandRunner.repositoryRoot.appendingPathComponent("docs/operations.md")
        return try steps(of: String(contentsOf: url, encoding: .utf8))
    }

    static func steps(of markdown: String) throws -> [RunbookStep] {
        var steps: [RunbookStep] = []
        var fence: (info: [Substring], line: Int)?
        var body: [(text: String, line: Int)] = []

        for (index, line) in markdown.components(separatedBy: "\n").enumerated() {
            let number = index + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("```") else {
                if fence != nil { body.append((line, number)) }
                continue
            }
            guard let open = fence else {
                let info = trimmed.dropFirst(3).split(separator: " ")
                guard let language = info.first, OperationsRunbookTests.fenceLanguages.contains(String(language))
                else {
                    throw RunbookError(
                        line: number,
                        message: "a code block needs one of the languages "
                            + OperationsRunbookTests.fenceLanguages.sorted().joined(separator: ", ")
                    )
                }
                fence = (info, number)
                body = []
                continue
            }
            steps += try block(info: open.info, line: open.line, body: body)
            fence = nil
        }
        if let open = fence {
            throw RunbookError(line: open.line, message: "code block never closed")
        }
        return steps
    }

    private static func block(info: [Substring], line: Int, body: [(text: String, line: Int)]) throws
        -> [RunbookStep]
    {
        switch info.first {
        case "sh":
            return try commands(in: body).map(RunbookStep.command) + [.endOfBlock]
        case "json":
            guard let file = info.dropFirst().first(where: { $0.hasPrefix("file=") }) else { return [] }
            let contents = body.map(\.text).joined(separator: "\n") + "\n"
            return [.file(name: String(file.dropFirst("file=".count)), contents: contents, line: line)]
        default:
            return []
        }
    }

    /// The command lines of one `sh` block, continuations joined.
    private static func commands(in body: [(text: String, line: Int)]) throws -> [RunbookCommand] {
        var commands: [RunbookCommand] = []
        var pending: (text: String, line: Int)?
        for (text, number) in body {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if pending == nil && (trimmed.isEmpty || trimmed.hasPrefix("#")) {
                continue
            }
            var joined = (pending?.text ?? "") + (pending == nil ? "" : " ") + trimmed
            let start = pending?.line ?? number
            if joined.hasSuffix("\\") {
                joined.removeLast()
                pending = (joined.trimmingCharacters(in: .whitespaces), start)
                continue
            }
            pending = nil
            commands.append(try RunbookCommand(parsing: joined, line: start))
        }
        if let pending {
            throw RunbookError(line: pending.line, message: "the last line ends with a continuation")
        }
        return commands
    }
}

/// One command of the runbook, split as a shell would split it: variable
/// assignments, a program, arguments, an optional `< FILE`, and the comment
/// that states its expected exit status.
private struct RunbookCommand {
    /// A word and whether it holds an unquoted glob character.
    struct Word {
        var text: String
        var isGlob: Bool
    }

    var line: Int
    var text: String
    var environment: [String: String] = [:]
    var program: String
    var arguments: [Word] = []
    var stdinPath: String?
    var expectedStatus: Int32 = 0
    var isLongRunning = false

    var location: String { "docs/operations.md:\(line):" }

    init(parsing text: String, line: Int) throws {
        self.line = line
        let (words, comment) = try Self.split(text, line: line)
        self.text = text

        var rest = words[...]
        while let word = rest.first, let equals = word.text.firstIndex(of: "="),
            Self.isVariableName(word.text[..<equals])
        {
            environment[String(word.text[..<equals])] = String(word.text[word.text.index(after: equals)...])
            rest = rest.dropFirst()
        }
        guard let program = rest.popFirst()?.text else {
            throw RunbookError(line: line, message: "no program in `\(text)`")
        }
        guard OperationsRunbookTests.programs.contains(program) else {
            throw RunbookError(
                line: line,
                message: "`\(program)` cannot run here; put it in a text block, or use one of "
                    + OperationsRunbookTests.programs.sorted().joined(separator: ", ")
            )
        }
        self.program = program

        while let word = rest.popFirst() {
            if word.text == "<" {
                guard let path = rest.popFirst() else {
                    throw RunbookError(line: line, message: "`<` names no file")
                }
                stdinPath = path.text
            } else if word.text.hasPrefix("<") {
                stdinPath = String(word.text.dropFirst())
            } else {
                arguments.append(word)
            }
        }

        if let comment {
            isLongRunning = comment.contains("long-running")
            if let range = comment.range(of: "exits ") {
                let digits = comment[range.upperBound...].prefix { $0.isNumber }
                guard let status = Int32(digits) else {
                    throw RunbookError(line: line, message: "`exits` is not followed by a status")
                }
                expectedStatus = status
            }
        }
        if isLongRunning && expectedStatus != 0 {
            throw RunbookError(line: line, message: "a long-running command must end with status 0")
        }
        let given = Set(arguments.map(\.text))
        let endsByItself = given.contains("--drain") || given.contains("--help") || given.contains("-h")
        if program == "voyageur-worker" && expectedStatus == 0 && !isLongRunning && !endsByItself {
            throw RunbookError(
                line: line,
                message: "a worker without --drain runs until stopped: add --drain or mark it # long-running"
            )
        }
    }

    /// The arguments with globs expanded against `directory`, sorted, as a
    /// shell would; a glob that matches nothing is an error.
    func expandedArguments(in directory: URL) throws -> [String] {
        try arguments.flatMap { word -> [String] in
            guard word.isGlob else { return [word.text] }
            let folder = (word.text as NSString).deletingLastPathComponent
            let pattern = (word.text as NSString).lastPathComponent
            guard !folder.contains(where: { "*?[".contains($0) }) else {
                throw RunbookError(line: line, message: "\(word.text): globs only in the last path component")
            }
            let names = try FileManager.default.contentsOfDirectory(
                atPath: directory.appendingPathComponent(folder).path
            )
            let matches = names.filter { !$0.hasPrefix(".") && fnmatch(pattern, $0, 0) == 0 }.sorted()
            guard !matches.isEmpty else {
                throw RunbookError(line: line, message: "\(word.text) matches no file")
            }
            return matches.map { folder.isEmpty ? $0 : folder + "/" + $0 }
        }
    }

    /// The contents of the `< FILE` redirection, if any.
    func standardInput(in directory: URL) throws -> Data? {
        try stdinPath.map { try Data(contentsOf: directory.appendingPathComponent($0)) }
    }

    private static func isVariableName(_ name: Substring) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// Splits `text` into words, honouring single and double quotes, and
    /// returns the comment after an unquoted `#`. Refuses shell syntax the
    /// test cannot honour (pipes, lists, output redirection, expansions).
    private static func split(_ text: String, line: Int) throws -> (words: [Word], comment: String?) {
        var words: [Word] = []
        var current: Word?
        var quote: Character?
        var index = text.startIndex

        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if let open = quote {
                if character == open {
                    quote = nil
                } else {
                    current = Word(text: (current?.text ?? "") + String(character), isGlob: current?.isGlob ?? false)
                }
                continue
            }
            switch character {
            case " ", "\t":
                if let word = current { words.append(word) }
                current = nil
            case "#" where current == nil:
                let comment = String(text[index...]).trimmingCharacters(in: .whitespaces)
                return (words, comment)
            case "'", "\"":
                quote = character
                current = current ?? Word(text: "", isGlob: false)
            case "|", "&", ";", ">", "$", "`", "(", ")", "\\":
                throw RunbookError(line: line, message: "`\(character)` is shell syntax the runbook test cannot run")
            default:
                let isGlob = "*?[".contains(character)
                current = Word(
                    text: (current?.text ?? "") + String(character),
                    isGlob: (current?.isGlob ?? false) || isGlob
                )
            }
        }
        guard quote == nil else {
            throw RunbookError(line: line, message: "unclosed quote")
        }
        if let word = current { words.append(word) }
        return (words, nil)
    }
}
