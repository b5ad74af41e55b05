import VoyageurCore
import VoyageurGeneration

/// Writes the prompts of both routes, natively in each language.
///
/// A generation prompt states the symbol, the score, the recommendation word
/// the text must use, the strongest indicators with their values and
/// direction, the price and levels when known, the length target (with the
/// section headers at the detailed level), and forbids invented figures and
/// disclaimers. A translation prompt lists every figure of the English text
/// in the target language's format, the recommendation word to use, and
/// asks for the whole translation and nothing else. Pure and safe to share.
public struct PromptBuilder: Sendable {
    public init() {}

    /// The prompt that asks for `request`'s explanation written in
    /// `language`: the request's own language on the direct route, English
    /// on the first step of the translation route.
    public func generation(for request: ExplanationRequest, in language: Language) -> Prompt {
        let wording = Self.wording(for: language)
        let facts = PromptFacts(request, language: language)
        let word = facts.recommendation.word(in: language)
        let target = LengthTarget(request.detail)

        var data = [wording.scoreLine(facts.score), wording.recommendationLine(word)]
        if let price = facts.price {
            data.append(wording.priceLine(price))
        }
        if let support = facts.support {
            data.append(wording.supportLine(support))
        }
        if let resistance = facts.resistance {
            data.append(wording.resistanceLine(resistance))
        }
        var lines = [wording.task(symbol: facts.symbol), "", wording.factsHeading]
        lines += data.map { "- " + $0 }
        if !facts.indicators.isEmpty {
            lines.append("- " + wording.indicatorsHeading)
            lines += facts.indicators.map { "  - " + Self.describe($0, wording) }
        }

        let rules = [
            wording.recommendationRule(word),
            wording.lengthRule(target, level: request.detail, headers: DetailedSections.headers(in: language)),
            wording.numbersRule,
            wording.noDisclaimerRule,
            wording.languageRule,
        ]
        lines += ["", wording.rulesHeading] + rules.map { "- " + $0 }

        let user = lines.joined(separator: "\n")
        let maxTokens = target.maxTokens(in: language)
        return Prompt(
            system: wording.writerRole,
            user: user,
            maxTokens: maxTokens,
            contextLength: LengthTarget.contextLength(
                promptCharacters: user.count + wording.writerRole.count, maxTokens: maxTokens),
            temperature: Self.temperature(request.detail)
        )
    }

    /// The prompt that translates `english`, the English explanation of
    /// `request`, into the request's language (French or Spanish).
    public func translation(of english: String, for request: ExplanationRequest) -> Prompt {
        let language = request.language
        let wording = Self.wording(for: language)
        let englishWord = request.recommendation.word(in: .english)
        let word = request.recommendation.word(in: language)
        let format = PromptNumberFormat(language)

        var seen: Set<Double> = []
        let numbers = NumberExtractor.numbers(in: english, language: .english).filter { seen.insert($0).inserted }
        var rules: [String] = []
        if !numbers.isEmpty {
            rules.append(wording.keepNumbersRule(numbers.map(format.value)))
        }
        rules.append(wording.recommendationTranslationRule(english: englishWord, word: word))
        if request.detail == .detailed {
            rules.append(
                wording.headersTranslationRule(
                    english: DetailedSections.headers(in: .english),
                    headers: DetailedSections.headers(in: language)))
        }
        rules += [wording.completeTranslationRule, wording.noDisclaimerRule, wording.translationOnlyRule]

        var lines = [wording.translationTask(symbol: request.symbol), ""]
        lines += rules.map { "- " + $0 }
        lines += ["", wording.sourceHeading, "", english]
        let user = lines.joined(separator: "\n")

        // The translation is as long as its source, give or take; the budget
        // never truncates it.
        let sourceWords = english.split(whereSeparator: \.isWhitespace).count
        let needed = Int(Double(sourceWords) * LengthTarget.tokensPerWord(language) * 1.25) + 64
        let maxTokens = max(LengthTarget(request.detail).maxTokens(in: language), needed)
        return Prompt(
            system: wording.translatorRole,
            user: user,
            maxTokens: maxTokens,
            contextLength: LengthTarget.contextLength(
                promptCharacters: user.count + wording.translatorRole.count, maxTokens: maxTokens),
            temperature: 0.2
        )
    }

    /// A first attempt's temperature: low for short texts, a little higher
    /// for long ones so they do not loop.
    static func temperature(_ level: DetailLevel) -> Double {
        switch level {
        case .summary: 0.3
        case .standard: 0.4
        case .detailed: 0.5
        }
    }

    static func wording(for language: Language) -> any PromptWording {
        switch language {
        case .english: EnglishPromptWording()
        case .french: FrenchPromptWording()
        case .spanish: SpanishPromptWording()
        }
    }

    /// `14-day RSI: bullish, moderate (RSI 72.35)`.
    private static func describe(_ line: PromptFacts.IndicatorLine, _ wording: any PromptWording) -> String {
        var text =
            wording.indicatorName(line.name) + wording.colon + wording.direction(line.direction) + ", "
            + wording.strength(line.strength)
        if !line.values.isEmpty {
            text += " (" + line.values.map { "\(wording.valueLabel($0.key)) \($0.value)" }.joined(separator: ", ") + ")"
        }
        return text
    }
}
