import VoyageurCore

/// What a prompt tells the model, taken from the request's analysis and
/// written in the prompt language's number format.
struct PromptFacts: Sendable {
    /// One indicator as the prompt lists it.
    struct IndicatorLine: Sendable {
        let name: String
        let direction: Indicator.Direction
        let strength: Strength
        /// Raw values as `(key, formatted value)`, sorted by key.
        let values: [(key: String, value: String)]
    }

    /// How strongly an indicator leans, from its influence.
    enum Strength: Sendable {
        case strong
        case moderate
        case weak

        init(influence: Double) {
            if influence >= 0.03 {
                self = .strong
            } else if influence >= 0.015 {
                self = .moderate
            } else {
                self = .weak
            }
        }
    }

    /// The most indicators a prompt lists at each level.
    static func indicatorLimit(_ level: DetailLevel) -> Int {
        switch level {
        case .summary: 2
        case .standard: 3
        case .detailed: 6
        }
    }

    let symbol: String
    let score: String
    let recommendation: Recommendation
    let price: String?
    let support: String?
    let resistance: String?
    let indicators: [IndicatorLine]

    init(_ request: ExplanationRequest, language: Language) {
        let analysis = request.analysis
        let format = PromptNumberFormat(language)
        symbol = request.symbol
        score = format.score(analysis.score)
        recommendation = analysis.recommendation
        price = analysis.price.map(format.price)
        support = analysis.raw("srcontext", "nearest_support").map(format.price)
        resistance = analysis.raw("srcontext", "nearest_resistance").map(format.price)

        let shown = analysis.rankedIndicators().prefix(Self.indicatorLimit(request.detail))
        indicators = shown.map { indicator in
            // Support and resistance have lines of their own.
            let raw = indicator.name == "srcontext" ? [:] : indicator.raw
            return IndicatorLine(
                name: indicator.name,
                direction: indicator.direction,
                strength: Strength(influence: indicator.influence),
                values: raw.sorted { $0.key < $1.key }.map { ($0.key, format.value($0.value)) }
            )
        }
    }
}
