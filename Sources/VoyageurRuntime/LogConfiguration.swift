/// Log settings from `VOYAGEUR_LOG_LEVEL` (default `info`) and
/// `VOYAGEUR_LOG_FORMAT` (`logfmt`, the default, or `json`).
public struct LogConfiguration: Sendable {
    public var level: Logger.Level
    public var format: LogFormat

    public init(level: Logger.Level = .info, format: LogFormat = .logfmt) {
        self.level = level
        self.format = format
    }

    /// Reads both variables.
    ///
    /// - Throws: ``ConfigurationError`` naming the variable.
    public init(environment: EnvironmentReader) throws {
        let levelName = environment.string("VOYAGEUR_LOG_LEVEL", default: "info")
        guard let level = Logger.Level(name: levelName) else {
            let names = Logger.Level.allCases.map(\.description).joined(separator: ", ")
            throw ConfigurationError(
                variable: "VOYAGEUR_LOG_LEVEL",
                message: "must be one of \(names) (got \"\(levelName)\")"
            )
        }
        self.level = level
        self.format = try environment.choice("VOYAGEUR_LOG_FORMAT", default: LogFormat.logfmt)
    }

    /// A logger writing to standard error with these settings.
    public func makeLogger() -> Logger {
        Logger(level: level, format: format)
    }
}
