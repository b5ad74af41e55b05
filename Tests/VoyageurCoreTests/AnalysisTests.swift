import Testing
import VoyageurCore

@Suite("Analysis")
struct AnalysisTests {
    static let analysis = Analysis(
        score: 6.2,
        price: 5870.62,
        indicators: [
            Indicator(name: "sentiment", score: 0.75, weight: 0.1),
            Indicator(name: "rsi14", score: 0.25, weight: 0.1, raw: ["rsi": 28.4]),
            Indicator(name: "macd12269", score: 0.625, weight: 0.08, raw: ["histogram": 3.1]),
            Indicator(name: "bbpos20", score: 0.375, weight: 0.08),
            Indicator(name: "obv20", score: 0.5, weight: 0.04),
        ]
    )

    @Test("indicators are kept sorted by name")
    func sortsByName() {
        let names = Self.analysis.indicators.map(\.name)

        #expect(names == ["bbpos20", "macd12269", "obv20", "rsi14", "sentiment"])
    }

    @Test("ranking puts a strongly bearish reading level with a strongly bullish one, ties by name")
    func ranksByInfluence() {
        let names = Self.analysis.rankedIndicators().map(\.name)

        #expect(names == ["rsi14", "sentiment", "bbpos20", "macd12269", "obv20"])
    }

    @Test("a raw value is found by indicator and key")
    func findsRawValue() {
        #expect(Self.analysis.raw("rsi14", "rsi") == 28.4)
        #expect(Self.analysis.raw("rsi14", "histogram") == nil)
        #expect(Self.analysis.raw("prediction", "rsi") == nil)
    }

    @Test("the analysis recommendation follows its score")
    func recommends() {
        #expect(Self.analysis.recommendation == .hold)
    }
}
