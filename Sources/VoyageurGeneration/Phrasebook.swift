import VoyageurCore

/// The section headers of a detailed explanation, in one language.
struct SectionHeaders: Sendable {
    let summary: String
    let technical: String
    let risk: String
    let entry: String
    let outlook: String
}

/// The sentences of an explanation in one language, each worded from the
/// ``TemplateFacts`` the phrasebook was made with.
///
/// ``TemplateWriter`` decides which sentences a level uses and in what order;
/// a phrasebook decides only how each one reads, so every language says the
/// same things. Each sentence is complete, with its final punctuation.
protocol Phrasebook: Sendable {
    var headers: SectionHeaders { get }

    /// The symbol, the score and the recommendation word, once.
    func opening() -> String
    func priceLine(_ price: Double) -> String
    /// Which way the readings lean, against the recommendation.
    func balanceLine() -> String
    /// Whether the score sits near the edge of its band.
    func convictionLine() -> String
    /// One indicator, its direction and its values; `rank` 0 is the strongest.
    /// With `explained`, a second sentence says how it bears on the call.
    func indicatorLine(_ indicator: Indicator, rank: Int, explained: Bool) -> String
    /// The support and resistance levels that are present.
    func levelsLine() -> String
    func riskLine(_ risk: RiskSignal) -> String
    /// The risk sentence when nothing in the data stands out.
    func calmRiskLine() -> String
    /// A short closing caution.
    func caution() -> String
    /// The general direction from here.
    func outlookLead() -> String
    /// The readings whose change would first show the picture shifting.
    func watchLine() -> String

    /// How many indicators there are and how they split.
    func indicatorCount() -> String
    /// What the recommendation means in practice.
    func stanceSummary() -> String
    /// How the score is built and how the indicators are ordered.
    func technicalIntro(shown: Int) -> String
    /// How the ten-point scale maps to ratings, and where this score sits.
    func scaleParagraph() -> String
    /// A paragraph on one indicator: what it measures and what it says.
    func indicatorParagraph(_ indicator: Indicator, rank: Int) -> String
    /// What the score cannot see.
    func blindSpotLine() -> String
    /// The general caution that ends the risk section.
    func riskClosing() -> String
    /// How to act on the call, in terms of the levels in the data only.
    func entryStrategy() -> [String]
    /// Where things go from here and what would change the view.
    func outlook() -> [String]
}
