/// The action an analysis score implies: score ≥ 7 buy, ≥ 4 hold, else sell.
public enum Recommendation: String, CaseIterable, Sendable, Codable, Hashable {
    case buy = "BUY"
    case hold = "HOLD"
    case sell = "SELL"

    /// The recommendation for an analysis score on the 0–10 scale.
    public init(score: Double) {
        if score >= 7 {
            self = .buy
        } else if score >= 4 {
            self = .hold
        } else {
            self = .sell
        }
    }

    /// The word an explanation must use for this recommendation in `language`.
    public func word(in language: Language) -> String {
        switch (self, language) {
        case (.buy, .english): "BUY"
        case (.hold, .english): "HOLD"
        case (.sell, .english): "SELL"
        case (.buy, .french): "ACHAT"
        case (.hold, .french): "CONSERVATION"
        case (.sell, .french): "VENTE"
        case (.buy, .spanish): "COMPRA"
        case (.hold, .spanish): "MANTENER"
        case (.sell, .spanish): "VENTA"
        }
    }
}
