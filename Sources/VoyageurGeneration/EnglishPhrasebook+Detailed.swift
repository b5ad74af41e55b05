import VoyageurCore

extension EnglishPhrasebook {
    func indicatorCount() -> String {
        let total = facts.ranked.count
        guard total > 1 else {
            let reading = facts.ranked.first.map { direction($0.direction) } ?? "neutral"
            return "The analysis rests on a single indicator, which is \(reading)."
        }
        guard let totalWord = countWord(total) else {
            return "The analysis draws on a broad set of indicators."
        }
        let parts: [String] = Indicator.Direction.ordered.compactMap { direction in
            let count = facts.indicators(direction).count
            guard count > 0, let word = countWord(count) else { return nil }
            return "\(word) \(self.direction(direction))"
        }
        if parts.count == 1, let only = facts.ranked.first {
            return "\(totalWord.sentenceCased) indicators feed into the score, all of them "
                + "\(direction(only.direction))."
        }
        return "\(totalWord.sentenceCased) indicators feed into the score: "
            + parts.joinedAsList(conjunction: "and") + "."
    }

    func stanceSummary() -> String {
        switch facts.recommendation {
        case .buy:
            "On balance, the evidence favours adding exposure rather than waiting on the "
                + "sidelines. The rating would need to be revisited if the leading signals weakened."
        case .hold:
            "On balance, the evidence does not justify a decisive move in either direction. "
                + "Existing positions can stay in place while the signals settle."
        case .sell:
            "On balance, the evidence favours reducing exposure rather than adding to it. "
                + "It would take a clear improvement in the leading signals to change that view."
        }
    }

    func technicalIntro(shown: Int) -> String {
        let total = facts.ranked.count
        guard total > 1 else {
            return "The overall score rests on a single reading. A reading above the midpoint "
                + "counts as bullish and one below it as bearish."
        }
        let combines = countWord(total).map { "combines \($0) readings" } ?? "combines many readings"
        var text =
            "The overall score \(combines), each weighted by its importance. "
            + "A reading above the midpoint counts as bullish and one below it as bearish."
        if shown < total, let shownWord = countWord(shown) {
            text += " The \(shownWord) most influential are discussed below, strongest first."
        } else {
            text += " They are discussed below from the most to the least influential."
        }
        return text
    }

    func scaleParagraph() -> String {
        "On the ten-point scale, scores in the upper band translate into a positive rating, "
            + "those in the middle band into a neutral one and those in the lower band into a "
            + "negative one. At \(numbers.score(facts.score)), \(facts.symbol) "
            + (facts.isBorderline
                ? "sits close to the edge of its band, so the rating is borderline."
                : "sits comfortably inside its band, so the rating is not a borderline call.")
    }

    func indicatorParagraph(_ indicator: Indicator, rank: Int) -> String {
        let term = IndicatorGlossary.term(for: indicator.name, in: .english)
        let reading = direction(indicator.direction) + valueClause(indicator)
        var sentences: [String] = []

        if rank == 0 {
            sentences.append(
                picker.pick(
                    "paragraph0",
                    [
                        "The most influential input is \(term.noun), which \(term.measure).",
                        "Leading the list is \(term.noun), which \(term.measure).",
                    ]))
        } else {
            sentences.append("\(term.noun.sentenceCased) \(term.measure).")
        }
        sentences.append(
            picker.pick(
                "reading\(rank)",
                [
                    "It reads \(reading).",
                    "Its current reading is \(reading).",
                ]))
        if let remark = remark(on: indicator) {
            sentences.append(remark)
        }
        sentences.append(stanceSentence(indicator, slot: "paragraphStance\(rank)"))
        return sentences.joined(separator: " ")
    }

    func blindSpotLine() -> String {
        "The score does not capture news, results or wider market shocks, which can move prices "
            + "whatever the technical picture says."
    }

    func riskClosing() -> String {
        "Technical readings describe what prices have done, not what they must do next, and an "
            + "unexpected event can override every signal at once. Position size should reflect "
            + "that uncertainty."
    }

    func entryStrategy() -> [String] {
        let support = facts.support.map(numbers.price)
        let resistance = facts.resistance.map(numbers.price)
        let average = facts.shortAverage.map(numbers.price)
        var sentences: [String] = []

        switch facts.recommendation {
        case .buy:
            sentences.append(
                picker.pick(
                    "entry",
                    [
                        "The rating argues for building a position, but timing still matters.",
                        "A positive rating is no reason to rush in; where and how to enter still matters.",
                    ]))
            if let support {
                sentences.append(
                    "A pullback toward support at \(support) would offer a "
                        + "better-defined entry, and a sustained move below that level would call the "
                        + "positive view into question.")
            }
            if let resistance {
                sentences.append(
                    "A decisive break above resistance at \(resistance) would confirm "
                        + "the strength of the move; until then, that level may slow the advance.")
            }
            if let average {
                sentences.append(
                    "The 50-day average, at \(average), is a useful secondary "
                        + "reference: the medium-term trend stays intact as long as the price remains "
                        + "above it.")
            }
        case .hold:
            sentences.append(
                "At this score there is no strong case for opening a new position, "
                    + "nor for closing an existing one.")
            if let resistance {
                sentences.append(
                    "A move above resistance at \(resistance) would strengthen the "
                        + "technical picture.")
            }
            if let support {
                let object = resistance == nil ? "the technical picture" : "it"
                sentences.append("A break below support at \(support) would weaken \(object).")
            }
            if let average {
                sentences.append(
                    "The 50-day average, at \(average), marks the line between a "
                        + "constructive and a fragile medium-term trend.")
            }
        case .sell:
            sentences.append("The rating argues for reducing exposure rather than adding to it.")
            if let resistance {
                sentences.append(
                    "A rebound toward resistance at \(resistance) would offer a "
                        + "better exit than a weak session, and a sustained move above that level "
                        + "would challenge the negative view.")
            }
            if let support {
                sentences.append("A break below support at \(support) would confirm the weakness.")
            }
            if let average {
                sentences.append(
                    "The 50-day average, at \(average), is the first level a "
                        + "recovery would need to reclaim.")
            }
        }

        if support == nil && resistance == nil {
            sentences.append(
                "The data contain no support or resistance levels, so acting in "
                    + "stages rather than all at once is the simplest way to manage timing risk. "
                    + "Without levels to lean on, the indicators themselves are the best guide: a "
                    + "clear shift in the leading readings would be the signal to act.")
        }
        if let price = facts.price {
            sentences.append(
                "These levels are best read against the analysis price of "
                    + "\(numbers.price(price)).")
        }
        sentences.append(
            picker.pick(
                "entryClosing",
                [
                    "Whatever the timing, position size should allow for the risks set out above.",
                    "In every case, the size of the position should leave room for the risks set out above.",
                ]))
        sentences.append(
            "Any decision is worth reviewing as the readings change, since the score "
                + "reflects conditions at the time of the analysis.")
        return sentences
    }

    func outlook() -> [String] {
        var sentences = [outlookLead()]

        let supporters = facts.supporting.prefix(2).map(name)
        if supporters.count == 1, let only = supporters.first {
            sentences.append(
                "\(only.sentenceCased) underpins this view, and it should remain "
                    + "valid while that reading lasts.")
        } else if supporters.count > 1 {
            sentences.append(
                "\(supporters.joinedAsList(conjunction: "and").sentenceCased) underpin "
                    + "this view, and it should remain valid while they do.")
        }
        if let counterweight = facts.opposing.first.map(name) {
            sentences.append(
                "\(counterweight.sentenceCased) is the main counterweight; if it "
                    + "strengthens, the case would need to be reassessed.")
        }

        sentences.append(turningPointLine())
        sentences.append(watchLine())
        sentences.append(
            "Because the score is built from technical readings, it speaks to the "
                + "coming weeks more than to the long term.")
        return sentences
    }

    private func turningPointLine() -> String {
        switch facts.recommendation {
        case .buy:
            return "More indicators turning bullish would strengthen the case; a weakening of the "
                + "leading readings would be the first reason to step back."
        case .sell:
            return "Further indicators turning bearish would deepen the weakness; a recovery in "
                + "the leading readings would be the first reason to reconsider."
        case .hold:
            // The split risk already names the strongest reading of each side.
            return "A clear move in the leading readings, in either direction, would be "
                + "needed to change the neutral stance."
        }
    }

    private func remark(on indicator: Indicator) -> String? {
        let raw = indicator.raw
        switch indicator.name {
        case "sma50vs200":
            guard let short = raw["sma50"], let long = raw["sma200"], short != long else { return nil }
            return short > long
                ? "The shorter average sits above the longer one, the classic sign of an uptrend."
                : "The shorter average sits below the longer one, which usually marks a downtrend."
        case "rsi14":
            guard let rsi = raw["rsi"] else { return nil }
            if rsi > RiskSignal.overboughtLine { return "That level lies in overbought territory." }
            if rsi < RiskSignal.oversoldLine { return "That level lies in oversold territory." }
            return "That level lies within the normal range, away from the overbought and "
                + "oversold extremes."
        case "macd12269":
            guard let histogram = raw["histogram"], histogram != 0 else { return nil }
            return histogram > 0
                ? "A positive histogram means momentum is still improving."
                : "A negative histogram means momentum is fading."
        case "srcontext":
            guard let price = facts.price else { return nil }
            if let resistance = facts.resistance, price > resistance {
                return "The price has moved above the resistance level."
            }
            if let support = facts.support, price < support {
                return "The price has slipped below the support level."
            }
            guard facts.support != nil, facts.resistance != nil else { return nil }
            return "The price sits between the two levels, with room to move either way."
        default:
            return nil
        }
    }
}
