import VoyageurCore

/// How the Spanish phrasebook names indicators and words their readings.
extension SpanishPhrasebook {
    func term(_ indicator: Indicator) -> IndicatorTerm {
        IndicatorGlossary.term(for: indicator.name, in: .spanish)
    }

    /// "el RSI de 14 sesiones", "la fuerza relativa a un año".
    func definite(_ term: IndicatorTerm) -> String {
        (term.gender == .masculine ? "el " : "la ") + term.noun
    }

    /// "del RSI de 14 sesiones", "de la fuerza relativa a un año".
    func ofDefinite(_ term: IndicatorTerm) -> String {
        (term.gender == .masculine ? "del " : "de la ") + term.noun
    }

    /// Spanish direction adjectives have one form for both genders.
    func direction(_ direction: Indicator.Direction) -> String {
        switch direction {
        case .bullish: "alcista"
        case .bearish: "bajista"
        case .neutral: "neutral"
        }
    }

    /// The indicator's values, worded to follow its direction: ", con un valor de 61,2".
    func valueClause(_ indicator: Indicator) -> String {
        let raw = indicator.raw
        switch indicator.name {
        case "sma50vs200":
            switch (raw["sma50"].map(numbers.price), raw["sma200"].map(numbers.price)) {
            case (let short?, let long?):
                return ", con la media móvil de 50 sesiones en \(short) y la de 200 en \(long)"
            case (let short?, nil): return ", con la media móvil de 50 sesiones en \(short)"
            case (nil, let long?): return ", con la media móvil de 200 sesiones en \(long)"
            case (nil, nil): return ""
            }
        case "pricevs50":
            return raw["price"].map { ", con el precio en \(numbers.price($0))" } ?? ""
        case "rsi14":
            return raw["rsi"].map { ", con un valor de \(numbers.oscillator($0))" } ?? ""
        case "macd12269":
            return raw["histogram"].map { ", con un valor de \(numbers.fine($0))" } ?? ""
        case "srcontext":
            switch (raw["nearest_support"], raw["nearest_resistance"]) {
            case (let support?, let resistance?):
                return ", con el soporte en \(numbers.price(support)) "
                    + "y la resistencia en \(numbers.price(resistance))"
            case (let support?, nil): return ", con el soporte en \(numbers.price(support))"
            case (nil, let resistance?):
                return ", con la resistencia en \(numbers.price(resistance))"
            case (nil, nil): return ""
            }
        default:
            return ""
        }
    }

    func stanceSentence(_ indicator: Indicator, slot: String) -> String {
        switch facts.stance(of: indicator) {
        case .supports:
            picker.pick(
                slot,
                [
                    "Respalda la recomendación.", "Esta lectura va en línea con la recomendación.",
                ])
        case .opposes:
            picker.pick(
                slot,
                [
                    "Va en contra de la recomendación.", "Esta lectura contradice la recomendación.",
                ])
        case .lifts:
            picker.pick(
                slot,
                [
                    "Empuja la puntuación al alza.", "Esta lectura sostiene la puntuación.",
                ])
        case .weighs:
            picker.pick(
                slot,
                [
                    "Lastra la puntuación.", "Esta lectura tira de la puntuación a la baja.",
                ])
        case .neutral:
            picker.pick(
                slot,
                [
                    "Apenas inclina la balanza en uno u otro sentido.",
                    "Esta lectura no pesa en ningún sentido.",
                ])
        }
    }

    /// A small count as a word, as it stands before "indicadores"; nil above twenty.
    func countWord(_ count: Int) -> String? {
        let words = [
            "ningún", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
            "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete",
            "dieciocho", "diecinueve", "veinte",
        ]
        return words.indices.contains(count) ? words[count] : nil
    }
}
