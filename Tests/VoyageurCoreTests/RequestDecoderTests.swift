import Foundation
import Testing
import VoyageurCore

@Suite("Request decoder")
struct RequestDecoderTests {
    @Test("a minimal request gets the standard detail level and the symbol as subject")
    func appliesDefaults() throws {
        let request = try RequestFixture.decode(RequestFixture.json)

        #expect(request.detail == .standard)
        #expect(request.subject == "AAPL")
        #expect(request.deadline == nil)
        #expect(request.forceRegenerate == false)
        #expect(request.analysis.price == nil)
    }

    @Test("a request without an id gets a fresh lower-case UUID")
    func generatesID() throws {
        let first = try RequestFixture.decode(RequestFixture.json)
        let second = try RequestFixture.decode(RequestFixture.json)

        #expect(UUID(uuidString: first.id) != nil)
        #expect(first.id == first.id.lowercased())
        #expect(first.id != second.id)
    }

    @Test("a request without an id takes the one the decoder was given to make")
    func usesInjectedIDMaker() throws {
        let decoder = RequestDecoder(makeID: { "job-0001" })

        let request = try RequestFixture.decode(RequestFixture.json, decoder: decoder)

        #expect(request.id == "job-0001")
    }

    @Test("a request's own id is kept")
    func keepsID() throws {
        let data = RequestFixture.data(with: [.set("id", .string("portfolio:2026-12-03:aapl"))])

        let request = try RequestDecoder(makeID: { "unused" }).decode(data)

        #expect(request.id == "portfolio:2026-12-03:aapl")
    }

    @Test("the symbol is upper-cased, and a defaulted subject follows it")
    func upperCasesSymbol() throws {
        let data = RequestFixture.data(with: [.set("symbol", .string("brk.b"))])

        let request = try RequestDecoder().decode(data)

        #expect(request.symbol == "BRK.B")
        #expect(request.subject == "BRK.B")
    }

    @Test("every optional field given is carried into the request")
    func readsOptionalFields() throws {
        let data = RequestFixture.data(with: [
            .set("detail", .string("detailed")),
            .set("subject", .string("user-42")),
            .set("analysis.price", .number(227.48)),
            .set("deadline", .string("2030-01-15T09:30:00+01:00")),
            .set("force_regenerate", .bool(true)),
        ])

        let request = try RequestDecoder().decode(data)

        #expect(request.detail == .detailed)
        #expect(request.subject == "user-42")
        #expect(request.analysis.price == 227.48)
        #expect(request.deadline == Timestamp.parse("2030-01-15T08:30:00Z"))
        #expect(request.forceRegenerate)
    }

    @Test("indicators keep their readings, sorted by name, with missing raw values empty")
    func readsIndicators() throws {
        let request = try RequestFixture.decode(
            """
            {"symbol": "NVDA", "language": "fr", "analysis": {"score": 8.4, "indicators": {
              "srcontext": {"score": 0.7, "weight": 0.056,
                            "raw": {"nearest_support": 128.4, "nearest_resistance": 149.9}},
              "ema.cross": {"score": 0.6, "weight": 0.05}}}}
            """
        )

        let indicators = request.analysis.indicators
        #expect(indicators.map(\.name) == ["ema.cross", "srcontext"])
        #expect(indicators[0].raw == [:])
        #expect(indicators[1].raw == ["nearest_support": 128.4, "nearest_resistance": 149.9])
        #expect(indicators[1].weight == 0.056)
    }

    @Test("every broken rule is reported at once, in schema order")
    func reportsAllErrorsInOrder() {
        let data = Data(
            """
            {"zeta": 1, "force_regenerate": "yes", "deadline": "soon", "alpha": 2,
             "analysis": {"extra": 1, "price": 0, "score": 11, "indicators": {
               "rsi14": {"score": 2, "weight": -1, "raw": {"rsi": "high"}, "note": "x"},
               "a b": {"score": 0.5, "weight": 0.1}}},
             "subject": "", "detail": "long", "language": "de", "id": "bad id"}
            """.utf8
        )

        let errors = RequestFixture.errors(decoding: data).map { $0.prefix { $0 != ":" } }

        #expect(
            errors == [
                "id", "symbol", "language", "detail", "subject",
                "analysis.score", "analysis.price", "analysis.indicators.a b",
                "analysis.indicators.rsi14.score", "analysis.indicators.rsi14.weight",
                "analysis.indicators.rsi14.raw.rsi", "analysis.indicators.rsi14.note",
                "analysis.extra", "deadline", "force_regenerate", "alpha", "zeta",
            ]
        )
    }

    @Test("a failure's reason is its first error, and its description lists them all")
    func describesFailure() {
        let data = RequestFixture.data(with: [.remove("symbol"), .set("language", .string("it"))])

        #expect(throws: ValidationFailure.self) { try RequestDecoder().decode(data) }
        do {
            _ = try RequestDecoder().decode(data)
        } catch {
            #expect(error.reason == "symbol: is required")
            #expect(
                error.description
                    == "symbol: is required; language: must be one of en, fr, es (got \"it\")"
            )
        }
    }

    @Test("a request of exactly 64 KiB is accepted and one byte more is refused")
    func enforcesSizeLimit() {
        let json = RequestFixture.data()
        let padding = RequestDecoder.maximumSize - json.count
        let largest = json + Data(repeating: UInt8(ascii: " "), count: padding)
        let tooLarge = largest + Data(" ".utf8)

        #expect(RequestFixture.errors(decoding: largest) == [])
        #expect(
            RequestFixture.errors(decoding: tooLarge)
                == ["request: is 65537 bytes; the limit is 65536"]
        )
    }

    @Test(
        "a body that is not a JSON object is refused as a whole",
        arguments: [
            ("", "request: is not valid JSON"),
            ("{\"symbol\": \"AAPL\",", "request: is not valid JSON"),
            ("{'symbol': 'AAPL'}", "request: is not valid JSON"),
            ("[]", "request: must be a JSON object, not an array"),
            ("\"AAPL\"", "request: must be a JSON object, not a string"),
            ("7.8", "request: must be a JSON object, not a number"),
            ("true", "request: must be a JSON object, not a boolean"),
            ("null", "request: must be a JSON object, not null"),
        ]
    )
    func refusesNonObjects(body: String, expected: String) {
        #expect(RequestFixture.errors(decoding: Data(body.utf8)) == [expected])
    }

    @Test("deeply nested input is refused, not a crash")
    func refusesDeepNesting() {
        let depth = 20_000
        let body = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)

        #expect(RequestFixture.errors(decoding: Data(body.utf8)) == ["request: is not valid JSON"])
    }
}
