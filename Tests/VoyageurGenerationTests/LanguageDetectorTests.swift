import Testing
import VoyageurCore
import VoyageurGeneration

@Suite("Language detector")
struct LanguageDetectorTests {
    @Test(
        "recognises hand-written English",
        arguments: [
            "The stock has been rising for weeks, and the momentum is still strong.",
            "We think that the shares are fairly valued at this level, but risks remain.",
            "Volume was higher than usual while the price moved above its average.",
        ])
    func english(_ text: String) {
        #expect(LanguageDetector.detect(text) == .english)
    }

    @Test(
        "recognises hand-written French",
        arguments: [
            "Le titre progresse depuis plusieurs semaines et la dynamique reste solide.",
            "Nous pensons que l'action est correctement valorisée, mais les risques demeurent.",
            "Les volumes sont plus élevés que d'habitude et le cours dépasse sa moyenne.",
        ])
    func french(_ text: String) {
        #expect(LanguageDetector.detect(text) == .french)
    }

    @Test(
        "recognises hand-written Spanish",
        arguments: [
            "La acción lleva semanas subiendo y el impulso sigue siendo fuerte.",
            "Creemos que el valor está bien valorado, pero los riesgos siguen ahí.",
            "El volumen fue más alto de lo habitual y el precio superó su media.",
        ])
    func spanish(_ text: String) {
        #expect(LanguageDetector.detect(text) == .spanish)
    }

    @Test(
        "says nothing when the text gives no clear answer",
        arguments: ["", "AAPL 7.2/10", "AAPL MSFT TSLA NVDA", "RSI MACD OBV", "OK"])
    func unsure(_ text: String) {
        #expect(LanguageDetector.detect(text) == nil)
    }
}
