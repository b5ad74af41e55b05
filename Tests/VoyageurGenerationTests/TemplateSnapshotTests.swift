import Testing
import VoyageurCore

@testable import VoyageurGeneration

/// Exact texts and sentences, so that a change in wording or number
/// formatting is a deliberate one.
@Suite("Template snapshots")
struct TemplateSnapshotTests {
    let writer = TemplateWriter()

    private static let holdAtSixAndAHalf = Analysis(
        score: 6.5,
        price: 1234.5,
        indicators: [
            Indicator(name: "rsi14", score: 0.6, weight: 0.08, raw: ["rsi": 58.04]),
            Indicator(name: "macd12269", score: 0.4, weight: 0.08, raw: ["histogram": -0.0042]),
        ]
    )

    @Test("an English summary reads exactly as approved")
    func englishSummary() {
        let text = writer.write(SampleRequests.request("AAPL", SampleRequests.buy, .english, .summary))
        #expect(
            text == """
                Our analysis scores AAPL at 7.6/10, which translates into a BUY rating. \
                The analysis uses a last price of 189.25. The strongest signal is the 50/200-day \
                moving-average cross, which reads bullish, with the 50-day average at 182.40 and \
                the 200-day at 171.10. Next in line, the 14-day RSI is bullish at 72.4. \
                The nearest support is at 180.00, with resistance at 195.50. Most of the readings \
                point upward, so the case rests on more than a single signal.
                """)
    }

    @Test("French writes the score, the price and the histogram with decimal commas")
    func frenchFormatting() {
        let request = SampleRequests.request("ORA", Self.holdAtSixAndAHalf, .french, .standard)
        let text = writer.write(request)
        #expect(text.contains("un score global de 6,5/10"))
        #expect(text.contains("recommandation de CONSERVATION."))
        #expect(text.contains("1\u{202F}234,50"))
        #expect(text.contains("à -0,0042"))
        #expect(text.contains("à 58,0"))
    }

    @Test("Spanish groups thousands with points and opens with the recommendation")
    func spanishFormatting() {
        let text = writer.write(SampleRequests.request("TSLA", SampleRequests.sell, .spanish, .summary))
        #expect(
            text.hasPrefix(
                "Con una puntuación global de 2,9/10, TSLA recibe una recomendación de VENTA."))
        #expect(text.contains("El soporte más cercano está en 1.210,00, y la resistencia, en 1.310,75."))
    }

    @Test("French adjectives agree with the indicator's gender")
    func frenchAgreement() {
        let text = writer.write(SampleRequests.request("AAPL", SampleRequests.buy, .french, .detailed))
        #expect(text.contains("La poussée des volumes compare les volumes récents à leur niveau habituel."))
        #expect(text.contains("baissière"))
        #expect(text.contains("Le RSI sur 14 jours mesure"))
        #expect(text.contains("L'histogramme du MACD"))
    }

    @Test("detailed texts use each language's own section headers", arguments: Language.allCases)
    func headers(language: Language) {
        let text = writer.write(SampleRequests.request("AAPL", SampleRequests.buy, language, .detailed))
        let expected: [String] =
            switch language {
            case .english:
                [
                    "Investment Summary", "Technical Analysis", "Risk Assessment", "Entry Strategy",
                    "Market Outlook",
                ]
            case .french:
                [
                    "Synthèse de l'investissement", "Analyse technique", "Évaluation des risques",
                    "Stratégie d'entrée", "Perspectives de marché",
                ]
            case .spanish:
                [
                    "Resumen de la inversión", "Análisis técnico", "Evaluación de riesgos",
                    "Estrategia de entrada", "Perspectivas del mercado",
                ]
            }
        #expect(TextInspection.headerLines(in: text) == expected.map { "**\($0)**" })
    }
}
