/// One technical indicator's reading within an analysis.
public struct Indicator: Sendable, Hashable, Codable {
    /// Whether an indicator pushes the score up or down.
    public enum Direction: String, Sendable, Codable {
        case bullish
        case neutral
        case bearish
    }

    /// The indicator's name, e.g. `rsi14`; unknown names are kept as given.
    public var name: String
    /// The indicator's own score, 0–1; above 0.5 is bullish.
    public var score: Double
    /// Its weight in the overall score, 0–1.
    public var weight: Double
    /// Raw values the indicator was computed from, e.g. `rsi: 61.2`.
    public var raw: [String: Double]

    public init(name: String, score: Double, weight: Double, raw: [String: Double] = [:]) {
        self.name = name
        self.score = score
        self.weight = weight
        self.raw = raw
    }

    /// The indicator's contribution to the analysis: `score × weight`.
    public var contribution: Double { score * weight }

    /// Bullish above 0.5, bearish below, neutral at exactly 0.5.
    public var direction: Direction {
        if score > 0.5 { return .bullish }
        if score < 0.5 { return .bearish }
        return .neutral
    }

    /// How far the reading leans from neutral, weighted: `|score − 0.5| × weight`.
    ///
    /// Explanations rank indicators by this, so a strongly bearish reading is
    /// as prominent as a strongly bullish one.
    public var influence: Double { abs(score - 0.5) * weight }
}
