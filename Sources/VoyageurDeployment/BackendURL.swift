import VoyageurRuntime

/// A queue or database location as configured: `sqlite:voyageur.db`,
/// `sqlite:/var/lib/voyageur/voyageur.db`, `amqp://…`, `postgres://…`.
public enum BackendURL: Sendable, Hashable {
    /// An embedded SQLite file; relative paths resolve against the working
    /// directory.
    case sqlite(path: String)
    case amqp(String)
    case postgres(String)

    /// The default of both URLs.
    public static let embeddedDefault = "sqlite:voyageur.db"

    /// Parses the value of `variable`.
    ///
    /// - Throws: ``ConfigurationError`` naming `variable`; the message never
    ///   repeats the URL, which may hold a password.
    public init(_ text: String, variable: String) throws {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") {
                path.removeFirst(2)
            }
            guard !path.isEmpty else {
                throw ConfigurationError(variable: variable, message: "sqlite: URL names no file")
            }
            self = .sqlite(path: path)
        } else if text.hasPrefix("amqp://") || text.hasPrefix("amqps://") {
            self = .amqp(text)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(text)
        } else {
            throw ConfigurationError(
                variable: variable,
                message: "must start with sqlite:, amqp:// or postgres://"
            )
        }
    }

    /// The URL with any password replaced by `***`, for logs.
    public var redacted: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .amqp(let url), .postgres(let url):
            guard let schemeEnd = url.range(of: "://"), let at = url.range(of: "@") else { return url }
            let credentials = url[schemeEnd.upperBound..<at.lowerBound]
            guard let colon = credentials.firstIndex(of: ":") else { return url }
            return String(url[..<colon]) + ":***" + String(url[at.lowerBound...])
        }
    }
}
