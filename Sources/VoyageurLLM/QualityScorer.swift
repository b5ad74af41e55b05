import Foundation
import VoyageurCore
import VoyageurGeneration

/// Scores a generated explanation from 0 to 1 and lists what is wrong with it.
///
/// The score is the weighted mean of the checks that apply:
///
/// | check | weight | credit |
/// |---|---|---|
/// | required recommendation word present | 0.25 | 1 or 0 |
/// | no other recommendation in capitals | 0.15 | 1 or 0 |
/// | written in the requested language | 0.20 | 1; 0.5 when unsure; 0 |
/// | no invented numbers | 0.15 | 1 − 0.5 per invented number |
/// | length within the level's band | 0.15 | 1 in the band; the ratio outside |
/// | detailed only: section headers present | 0.10 | share present |
/// | translation only: every source number kept | 0.15 | share kept |
///
/// Then disqualifying defects cap it, so that a text with one never reaches
/// the default bar of 0.6: empty 0; another language 0.3; recommendation
/// missing or contradicted 0.4; an invented number or a number lost in
/// translation 0.5.
///
/// A number is the analysis's when it matches the score, the price or a raw
/// value within rounding (0.05, or 0.5 %, or the nearest whole number), or
/// is an indicator period (14, 20, 50, 200, 12, 26, 9, 1, 2) or the score's
/// scale (10). List markers at the start of a line ("1.") are not quoted
/// numbers. Pure and safe to share.
public struct QualityScorer: Sendable {
    /// Numbers that name indicators or the score's scale, not quantities.
    public static let periodNumbers: Set<Double> = [14, 20, 50, 200, 12, 26, 9, 1, 2, 10]

    public init() {}

    /// The quality of `text` as the explanation of `request`.
    ///
    /// - Parameters:
    ///   - language: the language the text must be in; the request's own by
    ///     default (English for the first step of a translation).
    ///   - source: for a translation, the English text it translates.
    public func score(
        _ text: String, for request: ExplanationRequest, language: Language? = nil, source: String? = nil
    ) -> QualityReport {
        let language = language ?? request.language
        let wordCount = Self.wordCount(text)
        guard wordCount > 0 else { return QualityReport(score: 0, issues: [.empty], wordCount: 0) }

        var checks: [(weight: Double, credit: Double)] = []
        var issues: [QualityIssue] = []
        var cap = 1.0

        let words = RecommendationWords(text)
        let required = request.recommendation.word(in: language)
        let hasRecommendation = words.contains(required)
        checks.append((0.25, hasRecommendation ? 1 : 0))
        if !hasRecommendation {
            issues.append(.missingRecommendation(required))
            cap = min(cap, 0.4)
        }

        let contradicting = words.contradicting(request.recommendation)
        checks.append((0.15, contradicting.isEmpty ? 1 : 0))
        if !contradicting.isEmpty {
            issues += contradicting.map(QualityIssue.contradictingRecommendation)
            cap = min(cap, 0.4)
        }

        switch LanguageDetector.detect(text) {
        case language:
            checks.append((0.20, 1))
        case nil:
            checks.append((0.20, 0.5))
            issues.append(.uncertainLanguage(expected: language))
        case let detected?:
            checks.append((0.20, 0))
            issues.append(.wrongLanguage(expected: language, detected: detected))
            cap = min(cap, 0.3)
        }

        let invented = Self.inventedNumbers(in: text, language: language, analysis: request.analysis)
        checks.append((0.15, max(0, 1 - 0.5 * Double(invented.count))))
        if !invented.isEmpty {
            issues.append(.inventedNumbers(invented))
            cap = min(cap, 0.5)
        }

        let band = LengthTarget(request.detail).band
        if wordCount < band.lowerBound {
            checks.append((0.15, Double(wordCount) / Double(band.lowerBound)))
            issues.append(.tooShort(words: wordCount, minimum: band.lowerBound))
        } else if wordCount > band.upperBound {
            checks.append((0.15, Double(band.upperBound) / Double(wordCount)))
            issues.append(.tooLong(words: wordCount, maximum: band.upperBound))
        } else {
            checks.append((0.15, 1))
        }

        if request.detail == .detailed {
            let headers = DetailedSections.headers(in: language)
            let missing = Self.missingHeaders(headers, in: text)
            checks.append((0.10, Double(headers.count - missing.count) / Double(headers.count)))
            if !missing.isEmpty {
                issues.append(.missingSections(missing))
            }
        }

        if let source {
            let sourceNumbers = Self.distinct(NumberExtractor.numbers(in: source, language: .english))
            let dropped = Self.droppedNumbers(from: sourceNumbers, in: text, language: language)
            let kept =
                sourceNumbers.isEmpty ? 1 : Double(sourceNumbers.count - dropped.count) / Double(sourceNumbers.count)
            checks.append((0.15, kept))
            if !dropped.isEmpty {
                issues.append(.droppedNumbers(dropped))
                cap = min(cap, 0.5)
            }
        }

        let total = checks.reduce(0) { $0 + $1.weight }
        let mean = checks.reduce(0) { $0 + $1.weight * $1.credit } / total
        let score = (min(mean, cap) * 1_000).rounded() / 1_000
        return QualityReport(score: score, issues: issues, wordCount: wordCount)
    }

    /// Words as a reader counts them: whitespace-separated tokens holding a
    /// letter or a digit (a lone "—" or "**" is not a word).
    public static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace)
            .filter { $0.contains { $0.isLetter || $0.isNumber } }
            .count
    }

    /// The numbers `text` quotes that the analysis does not hold.
    public static func inventedNumbers(in text: String, language: Language, analysis: Analysis) -> [Double] {
        var inputs = [analysis.score]
        if let price = analysis.price {
            inputs.append(price)
        }
        for indicator in analysis.indicators {
            inputs += indicator.raw.values
        }
        let quoted = NumberExtractor.numbers(in: withoutListMarkers(text), language: language)
        return distinct(
            quoted.filter { number in
                !periodNumbers.contains(number) && !inputs.contains { matches(number, $0) }
            })
    }

    /// Whether `number` is `input` as a writer may round it.
    static func matches(_ number: Double, _ input: Double) -> Bool {
        let gap = abs(number - input)
        return gap <= 0.05 + 1e-9 || gap <= abs(input) * 0.005 || abs(number - input.rounded()) < 1e-9
    }

    private static func droppedNumbers(from source: [Double], in text: String, language: Language) -> [Double] {
        let translated = NumberExtractor.numbers(in: text, language: language)
        return source.filter { number in
            !translated.contains { abs($0 - number) <= 1e-9 * max(1, abs(number)) }
        }
    }

    private static func missingHeaders(_ headers: [String], in text: String) -> [String] {
        // Models often write a typographic apostrophe in "l’investissement".
        let folded = RecommendationWords.fold(text.replacingOccurrences(of: "\u{2019}", with: "'"))
        return headers.filter { !folded.contains(RecommendationWords.fold($0)) }
    }

    /// `text` with "1. ", "2) " or "- " at the start of its lines removed.
    private static func withoutListMarkers(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "#" }
            let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
            let rest = trimmed.dropFirst(digits.count)
            guard !digits.isEmpty, digits.count <= 2, let mark = rest.first, mark == "." || mark == ")",
                rest.dropFirst().first == " "
            else {
                return String(line)
            }
            return String(rest.dropFirst(2))
        }.joined(separator: "\n")
    }

    private static func distinct(_ numbers: [Double]) -> [Double] {
        var seen: Set<Double> = []
        return numbers.filter { seen.insert($0).inserted }
    }
}
