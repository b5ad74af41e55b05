import Foundation
import Testing
import VoyageurCore

@Suite("Explanation request JSON")
struct ExplanationRequestJSONTests {
    static let full = ExplanationRequest(
        id: "sample-nvda-buy-fr-detailed",
        symbol: "NVDA",
        language: .french,
        detail: .detailed,
        subject: "user-42",
        analysis: Analysis(
            score: 8.4,
            price: 135.2,
            indicators: [
                Indicator(name: "rsi14", score: 0.31, weight: 0.08, raw: ["rsi": 40.5]),
                Indicator(name: "macd12269", score: 0.82, weight: 0.08, raw: ["histogram": -0.004]),
                Indicator(name: "esg_momentum", score: 0.71, weight: 0.05),
            ]
        ),
        deadline: Timestamp.parse("2030-06-28T18:00:00.002Z"),
        forceRegenerate: true
    )

    static let minimal = ExplanationRequest(
        id: "0b7e2d1c-8a8f-4c43-9d55-3f1f7a1c2e90",
        symbol: "^GSPC",
        language: .spanish,
        analysis: Analysis(
            score: 3.99,
            indicators: [Indicator(name: "sentiment", score: 0.2, weight: 0.1)]
        )
    )

    @Test("a request written as JSON decodes to an equal request", arguments: [full, minimal])
    func roundTrips(_ request: ExplanationRequest) throws {
        let decoded = try RequestDecoder(makeID: { "not-used" }).decode(request.jsonData())

        #expect(decoded == request)
    }

    @Test("the JSON is compact, with sorted keys and every default written out")
    func writesCompactSortedJSON() throws {
        let text = String(decoding: Self.minimal.jsonData(), as: UTF8.self)

        #expect(
            text == """
                {"analysis":{"indicators":{"sentiment":{"raw":{},"score":0.2,"weight":0.1}},\
                "score":3.99},"detail":"standard","id":"0b7e2d1c-8a8f-4c43-9d55-3f1f7a1c2e90",\
                "language":"es","subject":"^GSPC","symbol":"^GSPC"}
                """
        )
    }

    @Test("the deadline is written in UTC to the millisecond, force_regenerate only when set")
    func writesOptionalFields() throws {
        let object = try JSONValue(parsing: Self.full.jsonData())
        guard case .object(let fields) = object, case .object(let analysis)? = fields["analysis"]
        else {
            Issue.record("not a request object: \(object)")
            return
        }

        #expect(fields["deadline"] == .string("2030-06-28T18:00:00.002Z"))
        #expect(fields["force_regenerate"] == .bool(true))
        #expect(analysis["price"] == .number(135.2))
    }

    @Test("a generated id is written out, so the worker sees the producer's id")
    func writesGeneratedID() throws {
        let decoder = RequestDecoder(makeID: { "generated-at-enqueue" })
        let request = try decoder.decode(RequestFixture.data())

        let republished = try RequestDecoder(makeID: { "regenerated" }).decode(request.jsonData())

        #expect(republished.id == "generated-at-enqueue")
        #expect(republished == request)
    }

    @Test("every sample request survives the trip through JSON unchanged")
    func roundTripsSamples() throws {
        let names = SampleFiles.names(in: SampleFiles.samples, extension: "json")
        try #require(!names.isEmpty, "no samples in \(SampleFiles.samples.path)")

        for name in names {
            let data = try SampleFiles.contents(of: name, in: SampleFiles.samples)
            let request = try RequestDecoder().decode(data)

            let decoded = try RequestDecoder().decode(request.jsonData())

            #expect(decoded == request, "\(name)")
        }
    }
}
