import VoyageurCore

/// How the English phrasebook names indicators and words their readings.
extension EnglishPhrasebook {
    func name(_ indicator: Indicator) -> String {
        IndicatorGlossary.term(for: indicator.name, in: .english).noun
    }

    func direction(_ direction: Indicator.Direction) -> String {
        direction.rawValue
    }

    /// The indicator's values, worded to follow its direction: " at 61.2".
    func valueClause(_ indicator: Indicator) -> String {
        let raw = indicator.raw
        switch indicator.name {
        case "sma50vs200":
            switch (raw["sma50"].map(numbers.price), raw["sma200"].map(numbers.price)) {
            case (let short?, let long?):
                return ", with the 50-day average at \(short) and the 200-day at \(long)"
            case (let short?, nil): return ", with the 50-day average at \(short)"
            case (nil, let long?): return ", with the 200-day average at \(long)"
            case (nil, nil): return ""
            }
        case "pricevs50":
            return raw["price"].map { ", with the price at \(numbers.price($0))" } ?? ""
        case "rsi14":
            return raw["rsi"].map { " at \(numbers.oscillator($0))" } ?? ""
        case "macd12269":
            return raw["histogram"].map { " at \(numbers.fine($0))" } ?? ""
        case "srcontext":
            switch (raw["nearest_support"], raw["nearest_resistance"]) {
            case (let support?, let resistance?):
                return ", with support at \(numbers.price(support)) "
                    + "and resistance at \(numbers.price(resistance))"
            case (let support?, nil): return ", with support at \(numbers.price(support))"
            case (nil, let resistance?):
                return ", with resistance at \(numbers.price(resistance))"
            case (nil, nil): return ""
            }
        default:
            return ""
        }
    }

    func stanceSentence(_ indicator: Indicator, slot: String) -> String {
        switch facts.stance(of: indicator) {
        case .supports:
            picker.pick(slot, ["This supports the rating.", "That is in line with the overall call."])
        case .opposes:
            picker.pick(slot, ["This runs against the rating.", "That cuts against the overall call."])
        case .lifts:
            picker.pick(slot, ["This lifts the score.", "That pulls the score up."])
        case .weighs:
            picker.pick(slot, ["This weighs on the score.", "That pulls the score down."])
        case .neutral:
            picker.pick(slot, ["It adds little either way.", "It carries little weight either way."])
        }
    }

    /// A small count as a word, as prose writes it; nil above twenty.
    func countWord(_ count: Int) -> String? {
        let words = [
            "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty",
        ]
        return words.indices.contains(count) ? words[count] : nil
    }
}
