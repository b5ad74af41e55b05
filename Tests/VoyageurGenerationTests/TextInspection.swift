import VoyageurCore
import VoyageurGeneration

/// Reads explanations the way the tests judge them.
enum TextInspection {
    /// Lower-cased words, split at anything that is not a letter, so that
    /// "sell-off" yields "sell" and "threshold" does not yield "hold".
    static func words(in text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init)
    }

    /// How many times `word` appears as a whole word, ignoring case.
    static func count(_ word: String, in text: String) -> Int {
        words(in: text).filter { $0 == word.lowercased() }.count
    }

    /// Words as a reader counts them: tokens between spaces holding a letter or digit.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace)
            .filter { $0.contains { $0.isLetter || $0.isNumber } }
            .count
    }

    /// Lines that are a `**Header**` and nothing else.
    static func headerLines(in text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter {
            $0.hasPrefix("**") && $0.hasSuffix("**") && $0.count > 4
                && !$0.dropFirst(2).dropLast(2).contains("*")
        }
    }

    /// The digits that may appear in a text without coming from the analysis:
    /// the periods inside indicator names ("14-day RSI", "50/200-day",
    /// "MACD 12/26/9", "20-day Bollinger bands", one and two years) and the
    /// score's scale ("7.2/10").
    static let periodAllowList: Set<Double> = [14, 20, 50, 200, 12, 26, 9, 1, 2, 10]

    /// The numbers in `text` that neither come from `analysis` (allowing for
    /// rounding) nor belong to the period allow-list.
    static func inventedNumbers(in text: String, language: Language, analysis: Analysis) -> [Double] {
        var inputs = [analysis.score]
        if let price = analysis.price {
            inputs.append(price)
        }
        for indicator in analysis.indicators {
            inputs += indicator.raw.values
        }
        return NumberExtractor.numbers(in: text, language: language).filter { number in
            if periodAllowList.contains(number) { return false }
            return !inputs.contains { input in
                let gap = abs(number - input)
                return gap <= 0.05 + 1e-9 || gap <= abs(input) * 0.005
            }
        }
    }
}
