import VoyageurCore

/// What an explanation says, derived once from a request's analysis.
///
/// Phrasebooks only word these facts; every judgement (which way the readings
/// lean, what counts as a risk) is made here, the same for every language.
struct TemplateFacts: Sendable {
    /// Which way the indicators lean, weighted by influence.
    enum Balance: Sendable {
        case bullish
        case bearish
        case mixed
        /// Fewer than two indicators: there is nothing to balance.
        case single
    }

    /// How one indicator relates to the recommendation.
    enum Stance: Sendable {
        /// Points the way the recommendation does.
        case supports
        /// Points against it.
        case opposes
        /// Pushes a HOLD score up.
        case lifts
        /// Pushes a HOLD score down.
        case weighs
        /// Neither way.
        case neutral
    }

    /// The most indicators a detailed explanation discusses one by one.
    static let detailedIndicatorLimit = 8

    let symbol: String
    let score: Double
    let recommendation: Recommendation
    let price: Double?
    /// Every indicator, strongest influence first.
    let ranked: [Indicator]
    let support: Double?
    let resistance: Double?
    let rsi: Double?
    let shortAverage: Double?
    let longAverage: Double?
    let histogram: Double?
    let balance: Balance

    init(_ request: ExplanationRequest) {
        let analysis = request.analysis
        symbol = request.symbol
        score = analysis.score
        recommendation = analysis.recommendation
        price = analysis.price
        ranked = analysis.rankedIndicators()
        support = analysis.raw("srcontext", "nearest_support")
        resistance = analysis.raw("srcontext", "nearest_resistance")
        rsi = analysis.raw("rsi14", "rsi")
        shortAverage = analysis.raw("sma50vs200", "sma50")
        longAverage = analysis.raw("sma50vs200", "sma200")
        histogram = analysis.raw("macd12269", "histogram")
        balance = Self.balance(of: ranked)
    }

    /// The indicators an explanation at `level` names, strongest first.
    func shown(at level: DetailLevel) -> [Indicator] {
        switch level {
        case .summary: Array(ranked.prefix(2))
        case .standard: Array(ranked.prefix(3))
        case .detailed: Array(ranked.prefix(Self.detailedIndicatorLimit))
        }
    }

    /// The indicators of one direction, strongest first.
    func indicators(_ direction: Indicator.Direction) -> [Indicator] {
        ranked.filter { $0.direction == direction }
    }

    /// The indicators that point the way the recommendation does.
    var supporting: [Indicator] {
        ranked.filter { stance(of: $0) == .supports }
    }

    /// The indicators that point against the recommendation.
    var opposing: [Indicator] {
        ranked.filter { stance(of: $0) == .opposes }
    }

    /// Whether `levels` should get a sentence of their own at `level`:
    /// when the data has them and no named indicator already quotes them.
    func needsLevelsLine(at level: DetailLevel) -> Bool {
        guard support != nil || resistance != nil else { return false }
        return !shown(at: level).contains { $0.name == "srcontext" }
    }

    /// The risks the data shows, most important first; may be empty.
    var risks: [RiskSignal] { RiskSignal.signals(in: self) }

    /// Whether the score is close enough to a boundary for the call to flip.
    var isBorderline: Bool {
        let margin = RiskSignal.thresholdMargin
        return abs(score - 7) < margin || abs(score - 4) < margin
    }

    func stance(of indicator: Indicator) -> Stance {
        switch (recommendation, indicator.direction) {
        case (_, .neutral): .neutral
        case (.buy, .bullish), (.sell, .bearish): .supports
        case (.buy, .bearish), (.sell, .bullish): .opposes
        case (.hold, .bullish): .lifts
        case (.hold, .bearish): .weighs
        }
    }

    private static func balance(of indicators: [Indicator]) -> Balance {
        guard indicators.count > 1 else { return .single }
        let up = indicators.filter { $0.direction == .bullish }.reduce(0) { $0 + $1.influence }
        let down = indicators.filter { $0.direction == .bearish }.reduce(0) { $0 + $1.influence }
        if up > 0 && up >= 2 * down { return .bullish }
        if down > 0 && down >= 2 * up { return .bearish }
        return .mixed
    }
}

extension Indicator.Direction {
    /// The directions in the order explanations list them.
    static let ordered: [Indicator.Direction] = [.bullish, .bearish, .neutral]
}
