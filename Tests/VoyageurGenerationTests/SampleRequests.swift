import VoyageurCore

/// Analyses that cover the shapes the template writer must handle: each
/// recommendation, with and without a price, with and without support and
/// resistance, an unknown indicator, a single indicator, and more indicators
/// than a detailed text lists. Symbols have no digits, so every digit in a
/// text comes from the analysis or an indicator's name.
enum SampleRequests {
    /// A BUY with a price, levels, an overbought RSI and an opposing reading.
    static let buy = Analysis(
        score: 7.6,
        price: 189.25,
        indicators: [
            Indicator(name: "sma50vs200", score: 0.82, weight: 0.12, raw: ["sma50": 182.4, "sma200": 171.1]),
            Indicator(name: "rsi14", score: 0.7, weight: 0.08, raw: ["rsi": 72.35]),
            Indicator(name: "macd12269", score: 0.66, weight: 0.08, raw: ["histogram": 0.4213]),
            Indicator(
                name: "srcontext", score: 0.6, weight: 0.056,
                raw: ["nearest_support": 180, "nearest_resistance": 195.5]),
            Indicator(name: "volsurge", score: 0.3, weight: 0.08),
            Indicator(name: "bbwidth20", score: 0.2, weight: 0.04),
            Indicator(name: "obv20", score: 0.62, weight: 0.04),
            Indicator(name: "rel1y", score: 0.75, weight: 0.04),
        ]
    )

    /// A HOLD with no price and no levels, a negative MACD histogram and an
    /// indicator the writer does not know.
    static let hold = Analysis(
        score: 5.4,
        indicators: [
            Indicator(name: "rsi14", score: 0.5, weight: 0.08, raw: ["rsi": 49.8]),
            Indicator(name: "macd12269", score: 0.35, weight: 0.08, raw: ["histogram": -0.0042]),
            Indicator(name: "pricevs50", score: 0.62, weight: 0.08, raw: ["price": 412.5]),
            Indicator(name: "breadth_ratio", score: 0.7, weight: 0.1),
            Indicator(name: "rel2y", score: 0.45, weight: 0.04),
        ]
    )

    /// A SELL with a four-digit price, levels and an oversold RSI.
    static let sell = Analysis(
        score: 2.9,
        price: 1234.5,
        indicators: [
            Indicator(
                name: "srcontext", score: 0.3, weight: 0.056,
                raw: ["nearest_support": 1210, "nearest_resistance": 1310.75]),
            Indicator(name: "rsi14", score: 0.25, weight: 0.08, raw: ["rsi": 24.6]),
            Indicator(name: "sentiment", score: 0.2, weight: 0.1),
            Indicator(name: "prediction", score: 0.3, weight: 0.1),
            Indicator(name: "candlerev", score: 0.7, weight: 0.064),
            Indicator(name: "sma50vs200", score: 0.2, weight: 0.12, raw: ["sma50": 1250.2, "sma200": 1302.9]),
        ]
    )

    /// A BUY exactly on the boundary, from one unknown indicator, with no price.
    static let single = Analysis(
        score: 7.0,
        indicators: [Indicator(name: "insider_flow", score: 0.9, weight: 0.5)]
    )

    /// A HOLD near the boundary with every known indicator and a large price.
    static let crowded = Analysis(
        score: 6.8,
        price: 98765.4321,
        indicators: [
            Indicator(name: "sma50vs200", score: 0.6, weight: 0.12, raw: ["sma50": 97100.55, "sma200": 91022]),
            Indicator(name: "pricevs50", score: 0.58, weight: 0.08, raw: ["price": 98765.4321]),
            Indicator(name: "rsi14", score: 0.55, weight: 0.08, raw: ["rsi": 66.66]),
            Indicator(name: "macd12269", score: 0.52, weight: 0.08, raw: ["histogram": 12.3456]),
            Indicator(name: "bbpos20", score: 0.45, weight: 0.08),
            Indicator(name: "bbwidth20", score: 0.5, weight: 0.04),
            Indicator(name: "volsurge", score: 0.4, weight: 0.08),
            Indicator(name: "obv20", score: 0.61, weight: 0.04),
            Indicator(name: "rel1y", score: 0.66, weight: 0.04),
            Indicator(name: "rel2y", score: 0.71, weight: 0.04),
            Indicator(name: "candlerev", score: 0.5, weight: 0.064),
            Indicator(
                name: "srcontext", score: 0.57, weight: 0.056,
                raw: ["nearest_support": 95000, "nearest_resistance": 101250.5]),
            Indicator(name: "sentiment", score: 0.3, weight: 0.1),
            Indicator(name: "prediction", score: 0.64, weight: 0.1),
        ]
    )

    static let all: [(symbol: String, analysis: Analysis)] = [
        ("AAPL", buy), ("MSFT", hold), ("TSLA", sell), ("NVDA", single), ("BTC-USD", crowded),
    ]

    static func request(
        _ symbol: String, _ analysis: Analysis, _ language: Language, _ detail: DetailLevel
    ) -> ExplanationRequest {
        ExplanationRequest(
            id: "job-\(symbol)", symbol: symbol, language: language, detail: detail,
            analysis: analysis)
    }
}
