import VoyageurCore

/// The English sentences of an explanation.
struct EnglishPhrasebook: Phrasebook {
    let facts: TemplateFacts
    let picker: PhrasePicker
    let numbers = NumberStyle(language: .english)

    let headers = SectionHeaders(
        summary: "Investment Summary",
        technical: "Technical Analysis",
        risk: "Risk Assessment",
        entry: "Entry Strategy",
        outlook: "Market Outlook"
    )

    var recommendationWord: String { facts.recommendation.word(in: .english) }

    func opening() -> String {
        let symbol = facts.symbol
        let score = numbers.score(facts.score)
        let word = recommendationWord
        return picker.pick(
            "opening",
            [
                "\(symbol) earns a \(word) rating, with an overall score of \(score).",
                "Our analysis scores \(symbol) at \(score), which translates into a \(word) rating.",
                "With an overall score of \(score), \(symbol) is rated \(word).",
            ])
    }

    func priceLine(_ price: Double) -> String {
        let price = numbers.price(price)
        return picker.pick(
            "price",
            [
                "The analysis uses a last price of \(price).",
                "\(facts.symbol) last changed hands at \(price).",
                "The most recent price in the data is \(price).",
            ])
    }

    func balanceLine() -> String {
        switch (facts.recommendation, facts.balance) {
        case (_, .single):
            "The score rests on a single reading, so it is only as reliable as that one input."
        case (.buy, .bullish):
            picker.pick(
                "balance",
                [
                    "Most of the readings point upward, so the case rests on more than a single signal.",
                    "The readings lean clearly positive, which makes the signal broad-based.",
                ])
        case (.buy, .bearish):
            "The individual readings lean negative, however, so the score owes much to a few strong inputs."
        case (.buy, .mixed):
            "The readings are mixed, so the score relies on a handful of strong positive signals."
        case (.hold, .bullish):
            "The readings lean positive, but not strongly enough to lift the score further."
        case (.hold, .bearish):
            "The readings lean negative, though not enough to push the score lower."
        case (.hold, .mixed):
            picker.pick(
                "balance",
                [
                    "Positive and negative signals roughly offset each other, hence the neutral stance.",
                    "The readings are split between positive and negative signals, "
                        + "which is what a neutral stance reflects.",
                ])
        case (.sell, .bullish):
            "Several readings still lean positive, which tempers the weak score."
        case (.sell, .bearish):
            picker.pick(
                "balance",
                [
                    "Most of the readings point downward, so the weakness is broad rather than isolated.",
                    "The readings lean clearly negative, which makes the weakness broad-based.",
                ])
        case (.sell, .mixed):
            "The readings are mixed, so the weak score rests on a few strong negative signals."
        }
    }

    func convictionLine() -> String {
        facts.isBorderline
            ? "The score sits close to the edge of its band, so the rating is borderline."
            : "The score sits comfortably inside its band, so the rating is not a borderline call."
    }

    func indicatorLine(_ indicator: Indicator, rank: Int, explained: Bool) -> String {
        let name = self.name(indicator)
        let reading = direction(indicator.direction) + valueClause(indicator)
        let sentence: String
        switch rank {
        case 0:
            sentence = picker.pick(
                "line0",
                [
                    "The strongest signal is \(name), which reads \(reading).",
                    "\(name.sentenceCased) carries the most weight and reads \(reading).",
                ])
        case 1:
            sentence = picker.pick(
                "line1",
                [
                    "\(name.sentenceCased) comes next and is \(reading).",
                    "Next in line, \(name) is \(reading).",
                ])
        default:
            sentence = picker.pick(
                "line\(rank)",
                [
                    "\(name.sentenceCased) is \(reading).",
                    "\(name.sentenceCased), for its part, reads \(reading).",
                ])
        }
        guard explained else { return sentence }
        return sentence + " " + stanceSentence(indicator, slot: "stance\(rank)")
    }

    func levelsLine() -> String {
        switch (facts.support.map(numbers.price), facts.resistance.map(numbers.price)) {
        case (let support?, let resistance?):
            picker.pick(
                "levels",
                [
                    "Support sits at \(support) and resistance at \(resistance).",
                    "The nearest support is at \(support), with resistance at \(resistance).",
                ])
        case (let support?, nil): "The nearest support is at \(support)."
        case (nil, let resistance?): "The nearest resistance is at \(resistance)."
        case (nil, nil): ""
        }
    }

    func riskLine(_ risk: RiskSignal) -> String {
        switch risk {
        case .opposing(let indicators) where indicators.count > 1:
            let names = indicators.map(name).joinedAsList(conjunction: "and")
            return "The main risk comes from \(names), which point against the overall call."
        case .opposing(let indicators):
            let name = indicators.first.map(self.name) ?? "one reading"
            let reading = indicators.first.map { direction($0.direction) } ?? ""
            return picker.pick(
                "opposing",
                [
                    "The main risk is that \(name) reads \(reading), which runs against the overall call.",
                    "\(name.sentenceCased) is \(reading) and cuts against the overall call, "
                        + "the main risk to this view.",
                ])
        case .split(let up, let down):
            return "The readings pull in opposite directions: \(name(up)) is bullish while "
                + "\(name(down)) is bearish, and a decisive move in either could tip the balance."
        case .overbought(let rsi):
            return "At \(numbers.oscillator(rsi)), the RSI is in overbought territory, "
                + "which often comes before a pause or a pullback."
        case .oversold(let rsi):
            return "At \(numbers.oscillator(rsi)), the RSI is in oversold territory, "
                + "so a sharp rebound is possible."
        case .volatility:
            return "The Bollinger band width reading is extreme, a sign that prices could swing "
                + "sharply in either direction."
        case .nearThreshold:
            return "The score sits close to the boundary between two ratings, so a small change "
                + "in the readings could alter the call."
        case .nearResistance(let level):
            return "The price is close to resistance at \(numbers.price(level)), "
                + "a level where advances often stall."
        case .nearSupport(let level):
            return "The price is close to support at \(numbers.price(level)), "
                + "a level where declines often pause."
        case .sparseData:
            return "With so few readings behind it, the score could move noticeably on a "
                + "single change."
        }
    }

    func calmRiskLine() -> String {
        "No single reading stands out as a warning, but conditions can change quickly "
            + "and the score reflects current data only."
    }

    func caution() -> String {
        picker.pick(
            "caution",
            [
                "This assessment is generated automatically from the analysis data "
                    + "and is not personal investment advice.",
                "This text is produced automatically from the analysis data; "
                    + "it is not personal investment advice.",
            ])
    }

    func outlookLead() -> String {
        switch facts.recommendation {
        case .buy:
            picker.pick("outlook", ["The outlook is constructive.", "The near-term outlook is positive."])
        case .hold:
            picker.pick(
                "outlook",
                [
                    "The outlook is balanced rather than directional.", "The outlook is neutral for now.",
                ])
        case .sell:
            picker.pick("outlook", ["The outlook remains weak.", "The near-term outlook is negative."])
        }
    }

    func watchLine() -> String {
        let watched = facts.ranked.prefix(2).map(name)
        guard watched.count > 1 else {
            return "The reading to watch most closely is \(watched.first ?? "the score itself"): "
                + "a change in its direction would be the first sign that the picture is shifting."
        }
        return "The readings to watch most closely are \(watched.joinedAsList(conjunction: "and")): "
            + "a change of direction in either would be the first sign that the picture is shifting."
    }
}
