import VoyageurCore

/// One risk an explanation can honestly point to, found in the data.
enum RiskSignal: Sendable {
    /// Strong readings that point against the recommendation.
    case opposing([Indicator])
    /// A HOLD whose strongest readings pull in opposite directions.
    case split(up: Indicator, down: Indicator)
    /// The RSI above the overbought line.
    case overbought(rsi: Double)
    /// The RSI below the oversold line.
    case oversold(rsi: Double)
    /// The Bollinger band width reading is far from neutral.
    case volatility
    /// The score is close to a recommendation boundary.
    case nearThreshold
    /// The price sits just under resistance.
    case nearResistance(Double)
    /// The price sits just over support.
    case nearSupport(Double)
    /// So few indicators that one change moves the score a lot.
    case sparseData

    static let overboughtLine = 70.0
    static let oversoldLine = 30.0
    /// How close to a boundary (4 or 7) a score must be for the call to be fragile.
    static let thresholdMargin = 0.5
    /// The most indicators an analysis can have and still count as sparse.
    static let sparseCount = 2
    /// How close, as a share of the price, a level must be to count as near.
    static let levelMargin = 0.03

    /// The risks in `facts`, most important first.
    static func signals(in facts: TemplateFacts) -> [RiskSignal] {
        var signals: [RiskSignal] = []
        let recommendation = facts.recommendation

        if recommendation == .hold,
            let up = facts.indicators(.bullish).first,
            let down = facts.indicators(.bearish).first
        {
            signals.append(.split(up: up, down: down))
        } else if !facts.opposing.isEmpty {
            signals.append(.opposing(Array(facts.opposing.prefix(2))))
        }

        if let rsi = facts.rsi {
            if rsi > overboughtLine && recommendation != .sell {
                signals.append(.overbought(rsi: rsi))
            } else if rsi < oversoldLine && recommendation != .buy {
                signals.append(.oversold(rsi: rsi))
            }
        }

        // A band-width reading far from neutral means unusually wide or narrow
        // bands; either way a sharp move is more likely than usual.
        if let width = facts.ranked.first(where: { $0.name == "bbwidth20" }),
            abs(width.score - 0.5) >= 0.25
        {
            signals.append(.volatility)
        }

        if facts.isBorderline {
            signals.append(.nearThreshold)
        }
        if facts.ranked.count <= sparseCount {
            signals.append(.sparseData)
        }

        if let price = facts.price {
            if recommendation != .sell, let resistance = facts.resistance,
                resistance >= price, resistance - price <= price * levelMargin
            {
                signals.append(.nearResistance(resistance))
            }
            if recommendation != .buy, let support = facts.support,
                support <= price, price - support <= price * levelMargin
            {
                signals.append(.nearSupport(support))
            }
        }
        return signals
    }
}
