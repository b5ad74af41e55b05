/// The financial-analysis result an explanation is written from.
public struct Analysis: Sendable, Hashable, Codable {
    /// The overall score, 0–10.
    public var score: Double
    /// The last price, when the producer supplied one; always positive.
    public var price: Double?
    /// The indicator readings, sorted by name so that output is deterministic.
    public var indicators: [Indicator]

    public init(score: Double, price: Double? = nil, indicators: [Indicator]) {
        self.score = score
        self.price = price
        self.indicators = indicators.sorted { $0.name < $1.name }
    }

    /// The recommendation the score implies.
    public var recommendation: Recommendation { Recommendation(score: score) }

    /// The indicators ranked by influence, strongest first; ties (equal to
    /// within rounding error) by name.
    public func rankedIndicators() -> [Indicator] {
        indicators.sorted {
            if abs($0.influence - $1.influence) > 1e-9 { return $0.influence > $1.influence }
            return $0.name < $1.name
        }
    }

    /// The raw value `key` of indicator `name`, if present.
    public func raw(_ name: String, _ key: String) -> Double? {
        indicators.first { $0.name == name }?.raw[key]
    }
}
