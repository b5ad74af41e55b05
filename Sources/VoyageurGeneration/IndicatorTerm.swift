/// The grammatical gender of a French or Spanish noun.
enum GrammaticalGender: Sendable {
    case masculine
    case feminine
}

/// How one language names an indicator and says what it measures.
struct IndicatorTerm: Sendable {
    /// The noun phrase: with its article in English ("the 14-day RSI"), without
    /// it in French and Spanish, where the article depends on the sentence.
    let noun: String
    /// Decides the article and agreement in French and Spanish.
    let gender: GrammaticalGender
    /// A verb phrase for "which …": "gauges the strength of recent moves".
    let measure: String

    init(_ noun: String, _ gender: GrammaticalGender = .masculine, measure: String) {
        self.noun = noun
        self.gender = gender
        self.measure = measure
    }
}
