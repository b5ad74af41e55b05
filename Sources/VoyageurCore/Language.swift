/// A language Voyageur writes explanations in; each has its own queue.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable {
    case english = "en"
    case french = "fr"
    case spanish = "es"

    /// The ISO 639-1 code used in messages, queue names and the CLI.
    public var code: String { rawValue }

    /// The queue that carries this language's requests.
    public var queueName: String { "explain.\(rawValue)" }

    /// Parses a comma-separated list such as `en,fr`.
    ///
    /// - Throws: `ValidationError` naming the first unknown code.
    public static func parseList(_ text: String, field: String) throws -> [Language] {
        var languages: [Language] = []
        for part in text.split(separator: ",") {
            let code = part.trimmingCharacters(in: .whitespaces)
            if code.isEmpty {
                continue  // "en, ,fr" as "en,,fr"
            }
            guard let language = Language(rawValue: code) else {
                throw ValidationError(field: field, message: "unknown language \"\(code)\"; expected en, fr or es")
            }
            if !languages.contains(language) {
                languages.append(language)
            }
        }
        guard !languages.isEmpty else {
            throw ValidationError(field: field, message: "must name at least one language")
        }
        return languages
    }
}
