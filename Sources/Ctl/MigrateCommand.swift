import VoyageurRuntime

/// `voyageurctl migrate`.
enum MigrateCommand: CtlSubcommand {
    static let usage = """
        Usage: voyageurctl migrate

        Applies every schema migration the database lacks, each in its own
        transaction, and prints the versions applied. Safe to run again.
        """

    static let options: [OptionSpec] = []

    static func run(_ arguments: ParsedArguments, context: CtlContext) async throws -> ExitCode {
        try requireNoPositionals(arguments)
        let deployment = try await context.deployment(checkingSchema: false)
        let applied = try await deployment.schema.migrate()
        let version = try await deployment.schema.schemaVersion()
        if applied.isEmpty {
            print("Schema is up to date at version \(version) (\(deployment.databaseDescription)).")
        } else {
            let list = applied.map(String.init).joined(separator: ", ")
            print("Applied migration(s) \(list); schema is at version \(version) (\(deployment.databaseDescription)).")
        }
        return .success
    }
}

/// Refuses positional arguments a command does not take.
func requireNoPositionals(_ arguments: ParsedArguments) throws {
    if let extra = arguments.positionals.first {
        throw UsageError("unexpected argument \(extra)")
    }
}
