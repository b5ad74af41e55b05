import VoyageurCore

/// How the French phrasebook names indicators and words their readings.
extension FrenchPhrasebook {
    func term(_ indicator: Indicator) -> IndicatorTerm {
        IndicatorGlossary.term(for: indicator.name, in: .french)
    }

    /// "le RSI", "la poussée des volumes", "l'histogramme du MACD".
    func definite(_ term: IndicatorTerm) -> String {
        if Self.elides(term.noun) { return "l'" + term.noun }
        return (term.gender == .masculine ? "le " : "la ") + term.noun
    }

    /// "du RSI", "de la poussée des volumes", "de l'histogramme du MACD".
    func ofDefinite(_ term: IndicatorTerm) -> String {
        if Self.elides(term.noun) { return "de l'" + term.noun }
        return (term.gender == .masculine ? "du " : "de la ") + term.noun
    }

    func pronoun(_ term: IndicatorTerm) -> String {
        term.gender == .masculine ? "il" : "elle"
    }

    func direction(_ direction: Indicator.Direction, _ gender: GrammaticalGender) -> String {
        switch (direction, gender) {
        case (.bullish, .masculine): "haussier"
        case (.bullish, .feminine): "haussière"
        case (.bearish, .masculine): "baissier"
        case (.bearish, .feminine): "baissière"
        case (.neutral, _): "neutre"
        }
    }

    /// The indicator's values, worded to follow its direction: ", à 61,2".
    func valueClause(_ indicator: Indicator) -> String {
        let raw = indicator.raw
        switch indicator.name {
        case "sma50vs200":
            switch (raw["sma50"].map(numbers.price), raw["sma200"].map(numbers.price)) {
            case (let short?, let long?):
                return ", la moyenne mobile 50 jours s'établissant à \(short) "
                    + "contre \(long) pour la 200 jours"
            case (let short?, nil): return ", la moyenne mobile 50 jours s'établissant à \(short)"
            case (nil, let long?): return ", la moyenne mobile 200 jours s'établissant à \(long)"
            case (nil, nil): return ""
            }
        case "pricevs50":
            return raw["price"].map { ", avec un cours de \(numbers.price($0))" } ?? ""
        case "rsi14":
            return raw["rsi"].map { ", à \(numbers.oscillator($0))" } ?? ""
        case "macd12269":
            return raw["histogram"].map { ", à \(numbers.fine($0))" } ?? ""
        case "srcontext":
            switch (raw["nearest_support"], raw["nearest_resistance"]) {
            case (let support?, let resistance?):
                return ", avec un support à \(numbers.price(support)) "
                    + "et une résistance à \(numbers.price(resistance))"
            case (let support?, nil): return ", avec un support à \(numbers.price(support))"
            case (nil, let resistance?):
                return ", avec une résistance à \(numbers.price(resistance))"
            case (nil, nil): return ""
            }
        default:
            return ""
        }
    }

    func stanceSentence(_ indicator: Indicator, slot: String) -> String {
        let subject = pronoun(term(indicator)).sentenceCased
        return switch facts.stance(of: indicator) {
        case .supports:
            picker.pick(
                slot,
                [
                    "\(subject) conforte la recommandation.",
                    "Ce signal va dans le sens de la recommandation.",
                ])
        case .opposes:
            picker.pick(
                slot,
                [
                    "\(subject) va à l'encontre de la recommandation.",
                    "Ce signal contredit la recommandation.",
                ])
        case .lifts:
            picker.pick(slot, ["\(subject) tire le score vers le haut.", "Ce signal soutient le score."])
        case .weighs:
            picker.pick(slot, ["\(subject) pèse sur le score.", "Ce signal tire le score vers le bas."])
        case .neutral:
            picker.pick(
                slot,
                [
                    "\(subject) ne fait guère pencher la balance.",
                    "Ce signal ne pèse guère dans un sens ou dans l'autre.",
                ])
        }
    }

    /// A small count as a word, masculine as "indicateur" is; nil above twenty.
    func countWord(_ count: Int) -> String? {
        let words = [
            "aucun", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
            "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
            "dix-neuf", "vingt",
        ]
        return words.indices.contains(count) ? words[count] : nil
    }

    fileprivate static func elides(_ noun: String) -> Bool {
        guard let first = noun.lowercased().first else { return false }
        return "aeiouyéèêàâîôûh".contains(first)
    }
}
