import Foundation
import VoyageurCore
import VoyageurRuntime

/// `voyageurctl results`.
enum ResultsCommand: CtlSubcommand {
    static let usage = """
        Usage: voyageurctl results [--job ID] [--symbol S] [--language L] [--limit N] [--json]

        Lists stored results, newest first (50 unless --limit; --limit 0 for all).
        With --job, shows that job's result in full, explanation included.

        Options:
          --job ID       one job's result
          --symbol S     only this symbol
          --language L   only en, fr or es
          --limit N      at most N results
          --json         one JSON object per line
        """

    static let options: [OptionSpec] = [
        .value("job"), .value("symbol"), .value("language"), .value("limit"), .flag("json"),
    ]

    static func run(_ arguments: ParsedArguments, context: CtlContext) async throws -> ExitCode {
        try requireNoPositionals(arguments)
        var query = ResultQuery(limit: 50)
        if let job = arguments.value("job") {
            query.jobIDs = [job]
        }
        query.symbol = arguments.value("symbol")?.uppercased()
        if let code = arguments.value("language") {
            guard let language = Language(rawValue: code) else {
                throw UsageError("--language must be en, fr or es (got \"\(code)\")")
            }
            query.language = language
        }
        if let text = arguments.value("limit") {
            guard let limit = Int(text), limit >= 0 else {
                throw UsageError("--limit must be a whole number, 0 for all (got \"\(text)\")")
            }
            query.limit = limit == 0 ? nil : limit
        }

        let deployment = try await context.deployment()
        let results = try await deployment.store.results(query)
        if let job = arguments.value("job"), results.isEmpty {
            printError("voyageurctl results: no result for job \(job)")
            return .failure
        }
        if arguments.has("json") {
            results.forEach { printJSON($0.json) }
        } else if arguments.value("job") != nil {
            results.first.map { print(ResultTable.detail($0)) }
        } else {
            print(ResultTable.render(results))
        }
        return .success
    }
}
