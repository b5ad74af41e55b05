import VoyageurCore

/// The sentences of a prompt in one language, written natively in it.
///
/// ``PromptBuilder`` decides what a prompt contains; a wording decides how
/// each part reads, so the three languages ask for the same things.
protocol PromptWording: Sendable {
    var language: Language { get }
    /// The writer's role, for the system message.
    var writerRole: String { get }
    /// The translator's role, for the system message of a translation.
    var translatorRole: String { get }
    /// A colon between a label and its value, with the spacing the
    /// language's typography wants (`: ` or ` : `).
    var colon: String { get }

    /// The opening request: an explanation of `symbol`.
    func task(symbol: String) -> String
    /// The heading over the facts, saying they are the only figures allowed.
    var factsHeading: String { get }
    func scoreLine(_ score: String) -> String
    func recommendationLine(_ word: String) -> String
    func priceLine(_ price: String) -> String
    func supportLine(_ level: String) -> String
    func resistanceLine(_ level: String) -> String
    var indicatorsHeading: String { get }
    /// The human name of an indicator; unknown names are kept as given.
    func indicatorName(_ name: String) -> String
    func direction(_ direction: Indicator.Direction) -> String
    func strength(_ strength: PromptFacts.Strength) -> String
    /// The label of a raw value such as `rsi` or `sma50`.
    func valueLabel(_ key: String) -> String

    var rulesHeading: String { get }
    /// The rule that demands `word` and no other recommendation.
    func recommendationRule(_ word: String) -> String
    /// The length rule, with the level's shape (sentences, paragraphs,
    /// sections with `headers`).
    func lengthRule(_ target: LengthTarget, level: DetailLevel, headers: [String]) -> String
    var numbersRule: String { get }
    var noDisclaimerRule: String { get }
    var languageRule: String { get }

    /// The opening of a translation request into this language.
    func translationTask(symbol: String) -> String
    /// The figures the translation must keep, in this language's format.
    func keepNumbersRule(_ numbers: [String]) -> String
    /// The English recommendation word becomes `word`.
    func recommendationTranslationRule(english: String, word: String) -> String
    /// The English headers become `headers`, in order.
    func headersTranslationRule(english: [String], headers: [String]) -> String
    var completeTranslationRule: String { get }
    var translationOnlyRule: String { get }
    /// The label over the English text.
    var sourceHeading: String { get }
}
