import Foundation
import Testing
import VoyageurCore

@Suite("Analysis rules")
struct AnalysisRuleTests {
    typealias Rule = DecoderRule

    static let rsi = "analysis.indicators.rsi14"
    static let nameRule = "name must be 1–64 characters of A–Z, a–z, 0–9, '_', '.', '-'"
    static let longName = Rule.text("n", count: 65)

    static let rules: [Rule] = [
        Rule("analysis is required", .remove("analysis"), expected: "analysis: is required"),
        Rule(
            "analysis is an object",
            .set("analysis", .number(7.8)),
            expected: "analysis: must be an object, not a number"
        ),
        Rule(
            "the score is required",
            .remove("analysis.score"),
            expected: "analysis.score: is required"
        ),
        Rule(
            "the score is at most 10",
            .set("analysis.score", .number(11)),
            expected: "analysis.score: must be a number from 0 to 10 (got 11)"
        ),
        Rule(
            "the score is not negative",
            .set("analysis.score", .number(-1.5)),
            expected: "analysis.score: must be a number from 0 to 10 (got -1.5)"
        ),
        Rule(
            "the score is a number, not a string",
            .set("analysis.score", .string("7.8")),
            expected: "analysis.score: must be a number from 0 to 10 (got \"7.8\")"
        ),
        Rule(
            "the score is a number, not a boolean",
            .set("analysis.score", .bool(true)),
            expected: "analysis.score: must be a number from 0 to 10 (got true)"
        ),
        Rule(
            "the price is above 0",
            .set("analysis.price", .number(0)),
            expected: "analysis.price: must be a number greater than 0 (got 0)"
        ),
        Rule(
            "the price is not negative",
            .set("analysis.price", .number(-227.48)),
            expected: "analysis.price: must be a number greater than 0 (got -227.48)"
        ),
        Rule(
            "the price is a number",
            .set("analysis.price", .string("227.48")),
            expected: "analysis.price: must be a number greater than 0 (got \"227.48\")"
        ),
        Rule(
            "the indicators are required",
            .remove("analysis.indicators"),
            expected: "analysis.indicators: is required"
        ),
        Rule(
            "there is at least one indicator",
            .set("analysis.indicators", .object([:])),
            expected: "analysis.indicators: must hold at least one indicator"
        ),
        Rule(
            "the indicators are an object",
            .set("analysis.indicators", .array([])),
            expected: "analysis.indicators: must be an object of indicator name → "
                + "{score, weight, raw}, not an array"
        ),
        Rule(
            "an indicator is an object",
            .set("analysis.indicators.rsi14", .number(0.62)),
            expected: "\(rsi): must be an object with score, weight and raw, not a number"
        ),
        Rule(
            "an indicator name uses only the name characters",
            .set("analysis.indicators.RSI (14)", .object(["score": .number(0.6)])),
            expected: "analysis.indicators.RSI (14): \(nameRule)"
        ),
        Rule(
            "an indicator name has at most 64 characters",
            .set("analysis.indicators.\(longName)", .object([:])),
            expected: "analysis.indicators.\(longName): \(nameRule)"
        ),
        Rule(
            "an indicator score is required",
            .remove("analysis.indicators.rsi14.score"),
            expected: "\(rsi).score: is required"
        ),
        Rule(
            "an indicator score is at most 1",
            .set("analysis.indicators.rsi14.score", .number(1.2)),
            expected: "\(rsi).score: must be a number from 0 to 1 (got 1.2)"
        ),
        Rule(
            "an indicator weight is required",
            .remove("analysis.indicators.rsi14.weight"),
            expected: "\(rsi).weight: is required"
        ),
        Rule(
            "an indicator weight is not negative",
            .set("analysis.indicators.rsi14.weight", .number(-0.08)),
            expected: "\(rsi).weight: must be a number from 0 to 1 (got -0.08)"
        ),
        Rule(
            "raw values are an object",
            .set("analysis.indicators.rsi14.raw", .array([.number(56.1)])),
            expected: "\(rsi).raw: must be an object of name → number, not an array"
        ),
        Rule(
            "raw values are numbers",
            .set("analysis.indicators.rsi14.raw.rsi", .string("56.1")),
            expected: "\(rsi).raw.rsi: must be a number, not a string"
        ),
        Rule(
            "an indicator has no other fields",
            .set("analysis.indicators.rsi14.direction", .string("bullish")),
            expected: "\(rsi).direction: is not a field of schema v1"
        ),
        Rule(
            "the analysis has no other fields",
            .set("analysis.recommendation", .string("BUY")),
            expected: "analysis.recommendation: is not a field of schema v1"
        ),
    ]

    @Test(
        "an analysis breaking one rule is refused with exactly that rule's message",
        arguments: rules
    )
    func refusesBrokenRule(_ rule: Rule) {
        #expect(rule.errors() == [rule.expected])
    }

    @Test(
        "analysis values at the edges of their rules are accepted",
        arguments: [
            [RequestFixture.Edit.set("analysis.score", .number(0))],
            [.set("analysis.score", .number(10))],
            [.set("analysis.price", .number(0.0001))],
            [.set("\(rsi).score", .number(0)), .set("\(rsi).weight", .number(1))],
            [.set("\(rsi).score", .number(1)), .set("\(rsi).weight", .number(0))],
            [.set("analysis.indicators.\(Rule.text("n", count: 64))", .object(indicator))],
            [.set("analysis.indicators.esg-momentum_v2", .object(indicator))],
            [.remove("\(rsi).raw")],
            [.set("\(rsi).raw", .object([:]))],
            [.set("\(rsi).raw.histogram", .number(-0.42))],
        ]
    )
    func acceptsEdges(_ edits: [RequestFixture.Edit]) {
        #expect(RequestFixture.errors(decoding: RequestFixture.data(with: edits)) == [])
    }

    static let indicator: [String: JSONValue] = ["score": .number(0.5), "weight": .number(0.05)]
}
