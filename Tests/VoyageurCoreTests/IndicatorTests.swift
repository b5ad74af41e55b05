import Testing
import VoyageurCore

@Suite("Indicator")
struct IndicatorTests {
    @Test(
        "an indicator is bullish above 0.5, bearish below and neutral at 0.5",
        arguments: [
            (1.0, Indicator.Direction.bullish), (0.51, .bullish), (0.5, .neutral),
            (0.49, .bearish), (0.0, .bearish),
        ]
    )
    func direction(score: Double, expected: Indicator.Direction) {
        #expect(Indicator(name: "rsi14", score: score, weight: 0.08).direction == expected)
    }

    @Test(
        "an indicator contributes its score times its weight",
        arguments: [(0.75, 0.08, 0.06), (0.2, 0.1, 0.02), (0.9, 0.0, 0.0), (1.0, 1.0, 1.0)]
    )
    func contribution(score: Double, weight: Double, expected: Double) {
        let indicator = Indicator(name: "sma50vs200", score: score, weight: weight)

        #expect(abs(indicator.contribution - expected) < 1e-12)
    }

    @Test(
        "an indicator's influence is its distance from neutral times its weight",
        arguments: [(0.9, 0.1, 0.04), (0.1, 0.1, 0.04), (0.5, 1.0, 0.0), (0.0, 0.12, 0.06)]
    )
    func influence(score: Double, weight: Double, expected: Double) {
        let indicator = Indicator(name: "sentiment", score: score, weight: weight)

        #expect(abs(indicator.influence - expected) < 1e-12)
    }

    @Test("an indicator without raw values has an empty raw map")
    func defaultsRawToEmpty() {
        #expect(Indicator(name: "candlerev", score: 0.6, weight: 0.064).raw.isEmpty)
    }
}
