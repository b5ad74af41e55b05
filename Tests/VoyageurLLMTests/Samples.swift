import VoyageurCore

/// Requests and hand-written texts the tests score.
enum Samples {
    /// A BUY with a price, averages, an RSI and support and resistance.
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
        ]
    )

    /// A HOLD without a price.
    static let hold = Analysis(
        score: 5.4,
        indicators: [
            Indicator(name: "rsi14", score: 0.5, weight: 0.08, raw: ["rsi": 49.8]),
            Indicator(name: "macd12269", score: 0.35, weight: 0.08, raw: ["histogram": -0.0042]),
        ]
    )

    static func request(
        _ analysis: Analysis = buy, _ language: Language, _ detail: DetailLevel = .summary
    ) -> ExplanationRequest {
        ExplanationRequest(id: "job-1", symbol: "AAPL", language: language, detail: detail, analysis: analysis)
    }

    static let englishSummary = """
        AAPL earns a BUY rating with an overall score of 7.6/10. The last price of 189.25 sits above \
        the 50-day average of 182.40, which is itself well above the 200-day average of 171.10, so the \
        medium-term trend is clearly up. The 14-day RSI at 72.35 shows strong momentum, although it is \
        close to overbought territory. Support lies at 180.00 and resistance at 195.50, which frames the \
        range that matters for the stock in the near term.
        """

    static let frenchSummary = """
        AAPL obtient une recommandation d'ACHAT, avec un score global de 7,6/10. Le dernier cours, à \
        189,25, se situe au-dessus de la moyenne à 50 jours (182,40), elle-même nettement supérieure à \
        la moyenne à 200 jours (171,10) : la tendance de moyen terme est donc haussière. Le RSI sur 14 \
        jours, à 72,35, traduit une forte dynamique, même s'il approche de la zone de surachat. Le \
        support se trouve à 180,00 et la résistance à 195,50.
        """

    static let spanishSummary = """
        AAPL recibe una recomendación de COMPRA, con una puntuación global de 7,6/10. El último precio, \
        189,25, se sitúa por encima de la media de 50 sesiones (182,40), que a su vez supera con \
        claridad a la media de 200 sesiones (171,10), por lo que la tendencia de medio plazo es alcista. \
        El RSI de 14 sesiones, en 72,35, refleja un fuerte impulso, aunque se acerca a la zona de \
        sobrecompra. El soporte está en 180,00 y la resistencia en 195,50.
        """

    /// A HOLD summary that says "threshold" but never HOLD.
    static let thresholdWithoutHold = """
        AAPL scores 5.4/10, which keeps the stock between the buying and the selling threshold. The \
        14-day RSI is at 49.8, a neutral reading that shows neither strong buying nor strong selling \
        pressure. The MACD histogram is slightly negative at -0.0042, which hints that momentum is \
        fading a little, so the picture is balanced and investors can wait for a clearer signal before \
        they act on the stock in either direction.
        """
}
