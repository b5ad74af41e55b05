import Testing
import VoyageurCore

@Suite("Language")
struct LanguageTests {
    @Test(
        "a language list is read in order, trimmed and without repeats",
        arguments: [
            ("en", [Language.english]),
            ("en,fr,es", [.english, .french, .spanish]),
            (" es , en ", [.spanish, .english]),
            ("fr,fr,en,fr", [.french, .english]),
            ("en,,fr,", [.english, .french]),
            ("en, ,fr, ", [.english, .french]),
        ]
    )
    func parsesList(text: String, expected: [Language]) throws {
        #expect(try Language.parseList(text, field: "--languages") == expected)
    }

    @Test(
        "an unknown code is refused by name",
        arguments: [("en,de", "de"), ("EN", "EN"), ("english", "english"), ("en;fr", "en;fr")]
    )
    func refusesUnknownCode(text: String, code: String) {
        let expected = ValidationError(
            field: "--languages",
            message: "unknown language \"\(code)\"; expected en, fr or es"
        )

        #expect(throws: expected) { try Language.parseList(text, field: "--languages") }
    }

    @Test("a list naming no language is refused", arguments: ["", ",", " , "])
    func refusesEmptyList(text: String) {
        let expected = ValidationError(
            field: "VOYAGEUR_LANGUAGES",
            message: "must name at least one language"
        )

        #expect(throws: expected) { try Language.parseList(text, field: "VOYAGEUR_LANGUAGES") }
    }

    @Test("each language has its code and its queue", arguments: Language.allCases)
    func namesQueue(_ language: Language) {
        #expect(language.queueName == "explain.\(language.code)")
        #expect(Language(rawValue: language.code) == language)
    }
}
