import VoyageurCore

/// The English prompt.
struct EnglishPromptWording: PromptWording {
    let language = Language.english
    let writerRole =
        "You are a market analyst who explains technical-analysis results to private investors "
        + "in clear, factual English."
    let colon = ": "
    let translatorRole = "You are a financial translator."

    func task(symbol: String) -> String {
        "Write an explanation of the technical analysis of \(symbol) for a private investor."
    }

    let factsHeading = "The data (the only figures you may quote):"

    func scoreLine(_ score: String) -> String { "Overall score: \(score)" }
    func recommendationLine(_ word: String) -> String { "Recommendation: \(word)" }
    func priceLine(_ price: String) -> String { "Last price: \(price)" }
    func supportLine(_ level: String) -> String { "Nearest support: \(level)" }
    func resistanceLine(_ level: String) -> String { "Nearest resistance: \(level)" }

    let indicatorsHeading = "Most influential indicators, strongest first:"

    func indicatorName(_ name: String) -> String {
        Self.names[name] ?? name
    }

    func direction(_ direction: Indicator.Direction) -> String {
        switch direction {
        case .bullish: "bullish"
        case .bearish: "bearish"
        case .neutral: "neutral"
        }
    }

    func strength(_ strength: PromptFacts.Strength) -> String {
        switch strength {
        case .strong: "strong"
        case .moderate: "moderate"
        case .weak: "weak"
        }
    }

    func valueLabel(_ key: String) -> String {
        Self.valueLabels[key] ?? key
    }

    let rulesHeading = "How to write it:"

    func recommendationRule(_ word: String) -> String {
        "State the recommendation as the word \(word), in capital letters, "
            + "and do not suggest any other course of action."
    }

    func lengthRule(_ target: LengthTarget, level: DetailLevel, headers: [String]) -> String {
        let length = "about \(target.words) words (between \(target.band.lowerBound) and \(target.band.upperBound))"
        switch level {
        case .summary:
            return "Length: \(length), as one paragraph of three or four sentences."
        case .standard:
            return "Length: \(length), in two or three paragraphs of plain prose, with no headings or lists."
        case .detailed:
            let list = headers.map { "**\($0)**" }.joined(separator: ", ")
            return "Length: \(length), in five sections in this order, each opening with its header "
                + "on a line of its own, written exactly like this: \(list). Use paragraphs, not lists."
        }
    }

    let numbersRule =
        "Quote only figures from the data above, as they are written there. Never invent a price, "
        + "a target, a percentage, a date or a time horizon."
    let noDisclaimerRule = "Do not add a disclaimer, a reminder to seek advice or a signature."
    let languageRule = "Write in English only, and reply with the explanation alone."

    func translationTask(symbol: String) -> String {
        "Translate into English the commentary on \(symbol) below."
    }

    func keepNumbersRule(_ numbers: [String]) -> String {
        "Keep every figure exactly: \(numbers.joined(separator: "; "))."
    }

    func recommendationTranslationRule(english: String, word: String) -> String {
        "Keep the recommendation word \(word) in capital letters."
    }

    func headersTranslationRule(english: [String], headers: [String]) -> String {
        "Keep the section headers: " + headers.map { "**\($0)**" }.joined(separator: ", ") + "."
    }

    let completeTranslationRule = "Translate everything: do not shorten, summarise or add anything."
    let translationOnlyRule = "Reply with the translation alone."
    let sourceHeading = "The text:"

    private static let names: [String: String] = [
        "sma50vs200": "50/200-day moving-average cross",
        "pricevs50": "price against its 50-day average",
        "rsi14": "14-day RSI",
        "macd12269": "MACD histogram",
        "bbpos20": "position within the 20-day Bollinger bands",
        "bbwidth20": "20-day Bollinger band width",
        "volsurge": "volume surge",
        "obv20": "20-day on-balance volume",
        "rel1y": "one-year relative strength",
        "rel2y": "two-year relative strength",
        "candlerev": "candlestick reversal signal",
        "srcontext": "support and resistance context",
        "sentiment": "news sentiment",
        "prediction": "model forecast",
    ]

    private static let valueLabels: [String: String] = [
        "sma50": "50-day average",
        "sma200": "200-day average",
        "rsi": "RSI",
        "histogram": "histogram",
        "price": "price",
    ]
}
