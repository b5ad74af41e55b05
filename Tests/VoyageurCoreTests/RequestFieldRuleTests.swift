import Foundation
import Testing
import VoyageurCore

@Suite("Request field rules")
struct RequestFieldRuleTests {
    typealias Rule = DecoderRule

    static let idRule = "must be 1–128 characters of A–Z, a–z, 0–9, '.', '_', ':', '-'"
    static let symbolRule = "must be 1–16 characters of A–Z, 0–9, '.', '^', '-'"
    static let deadlineRule = "must be an RFC 3339 timestamp such as 2026-12-03T14:00:00Z"
    static let subjectRule = "must be a string of 1–256 characters"

    static let rules: [Rule] = [
        Rule(
            "id is a string",
            .set("id", .number(42)),
            expected: "id: must be a string, not a number"
        ),
        Rule("id is not null", .set("id", .null), expected: "id: must be a string, not null"),
        Rule("id is not empty", .set("id", .string("")), expected: "id: \(idRule) (got \"\")"),
        Rule(
            "id uses only the id characters",
            .set("id", .string("job 42/aapl")),
            expected: "id: \(idRule) (got \"job 42/aapl\")"
        ),
        Rule(
            "id has at most 128 characters",
            .set("id", .string(Rule.text("a", count: 129))),
            expected: "id: \(idRule) (got \(Rule.clipped("a")))"
        ),
        Rule("symbol is required", .remove("symbol"), expected: "symbol: is required"),
        Rule(
            "symbol is a string",
            .set("symbol", .number(1234)),
            expected: "symbol: must be a string, not a number"
        ),
        Rule(
            "symbol is not empty",
            .set("symbol", .string("")),
            expected: "symbol: \(symbolRule) (got \"\")"
        ),
        Rule(
            "symbol has at most 16 characters",
            .set("symbol", .string("apple.inc.nasdaq1")),
            expected: "symbol: \(symbolRule) (got \"apple.inc.nasdaq1\")"
        ),
        Rule(
            "symbol uses only the symbol characters",
            .set("symbol", .string("AAPL US")),
            expected: "symbol: \(symbolRule) (got \"AAPL US\")"
        ),
        Rule(
            "symbol is ASCII",
            .set("symbol", .string("NESTLÉ")),
            expected: "symbol: \(symbolRule) (got \"NESTLÉ\")"
        ),
        Rule("language is required", .remove("language"), expected: "language: is required"),
        Rule(
            "language is a string",
            .set("language", .array([.string("en")])),
            expected: "language: must be a string, not an array"
        ),
        Rule(
            "language is en, fr or es",
            .set("language", .string("de")),
            expected: "language: must be one of en, fr, es (got \"de\")"
        ),
        Rule(
            "language codes are lower case",
            .set("language", .string("EN")),
            expected: "language: must be one of en, fr, es (got \"EN\")"
        ),
        Rule(
            "detail is a known level",
            .set("detail", .string("verbose")),
            expected: "detail: must be one of summary, standard, detailed (got \"verbose\")"
        ),
        Rule(
            "detail is a string",
            .set("detail", .number(3)),
            expected: "detail: must be one of summary, standard, detailed (got 3)"
        ),
        Rule(
            "subject is not empty",
            .set("subject", .string("")),
            expected: "subject: \(subjectRule) (got \"\")"
        ),
        Rule(
            "subject has at most 256 characters",
            .set("subject", .string(Rule.text("u", count: 257))),
            expected: "subject: \(subjectRule) (got \(Rule.clipped("u")))"
        ),
        Rule(
            "subject is a string",
            .set("subject", .bool(true)),
            expected: "subject: \(subjectRule) (got true)"
        ),
        Rule(
            "the deadline is RFC 3339",
            .set("deadline", .string("2026-12-03 14:00")),
            expected: "deadline: \(deadlineRule) (got \"2026-12-03 14:00\")"
        ),
        Rule(
            "the deadline is a date that exists",
            .set("deadline", .string("2030-02-30T09:00:00Z")),
            expected: "deadline: \(deadlineRule) (got \"2030-02-30T09:00:00Z\")"
        ),
        Rule(
            "the deadline carries a UTC offset",
            .set("deadline", .string("2030-01-15T09:00:00")),
            expected: "deadline: \(deadlineRule) (got \"2030-01-15T09:00:00\")"
        ),
        Rule(
            "the deadline is a string",
            .set("deadline", .number(1_764_770_400)),
            expected: "deadline: \(deadlineRule) (got 1764770400)"
        ),
        Rule(
            "force_regenerate is a boolean",
            .set("force_regenerate", .string("yes")),
            expected: "force_regenerate: must be true or false, not a string"
        ),
        Rule(
            "the request has no other fields",
            .set("priority", .string("high")),
            expected: "priority: is not a field of schema v1"
        ),
    ]

    @Test("the fixture itself is a valid request")
    func fixtureIsValid() {
        #expect(RequestFixture.errors(decoding: RequestFixture.data()) == [])
    }

    @Test("a field breaking one rule is refused with exactly that rule's message", arguments: rules)
    func refusesBrokenRule(_ rule: Rule) {
        #expect(rule.errors() == [rule.expected])
    }

    @Test(
        "field values at the edges of their rules are accepted",
        arguments: [
            RequestFixture.Edit.set("id", .string(Rule.text("a", count: 128))),
            .set("id", .string("portfolio:2026-12-03:AAPL_v1.2")),
            .set("symbol", .string("ABCDEFGHIJKLMNOP")),
            .set("symbol", .string("^gspc")),
            .set("symbol", .string("brk.b")),
            .set("subject", .string(Rule.text("u", count: 256))),
            .set("subject", .string("utilisatrice-é")),
            .set("detail", .string("summary")),
            .set("detail", .string("detailed")),
            .set("deadline", .string("2028-02-29T23:59:59.999+14:00")),
            .set("deadline", .string("2030-01-15T09:00:00-05:30")),
            .set("force_regenerate", .bool(false)),
        ]
    )
    func acceptsEdges(_ edit: RequestFixture.Edit) {
        #expect(RequestFixture.errors(decoding: RequestFixture.data(with: [edit])) == [])
    }
}
