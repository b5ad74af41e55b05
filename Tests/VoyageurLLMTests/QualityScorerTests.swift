import Foundation
import Testing
import VoyageurCore
import VoyageurGeneration

@testable import VoyageurLLM

@Suite("Quality score")
struct QualityScorerTests {
    let scorer = QualityScorer()

    @Test(
        "a good text scores high with no issue, in every language",
        arguments: [
            (Language.english, Samples.englishSummary),
            (.french, Samples.frenchSummary),
            (.spanish, Samples.spanishSummary),
        ])
    func goodText(language: Language, text: String) {
        let report = scorer.score(text, for: Samples.request(Samples.buy, language))
        #expect(report.issues == [])
        #expect(report.score == 1)
    }

    @Test("the wrong recommendation fails the bar")
    func wrongRecommendation() {
        let text = Samples.englishSummary.replacingOccurrences(of: "BUY", with: "SELL")
        let report = scorer.score(text, for: Samples.request(Samples.buy, .english))
        #expect(report.issues.contains(.missingRecommendation("BUY")))
        #expect(report.issues.contains(.contradictingRecommendation("SELL")))
        #expect(report.score <= 0.4)
    }

    @Test(
        "a contradicting recommendation fails the bar, in every language",
        arguments: [
            (Language.english, Samples.englishSummary + " Cautious investors may prefer to HOLD.", "HOLD"),
            (.french, Samples.frenchSummary + " Une VENTE partielle reste envisageable.", "VENTE"),
            (.spanish, Samples.spanishSummary + " Algunos preferirán MANTENER la posición.", "MANTENER"),
        ])
    func contradicted(language: Language, text: String, word: String) {
        let report = scorer.score(text, for: Samples.request(Samples.buy, language))
        #expect(report.issues == [.contradictingRecommendation(word)])
        #expect(report.score <= 0.4)
    }

    @Test("lower-case recommendation words are ordinary words, not contradictions")
    func lowerCaseWords() {
        let text = Samples.frenchSummary + " La vente de titres a ralenti."
        #expect(scorer.score(text, for: Samples.request(Samples.buy, .french)).issues == [])
    }

    @Test("\"threshold\" is not HOLD")
    func thresholdIsNotHold() {
        let report = scorer.score(Samples.thresholdWithoutHold, for: Samples.request(Samples.hold, .english))
        #expect(report.issues == [.missingRecommendation("HOLD")])
        #expect(report.score <= 0.4)
    }

    @Test("the recommendation is found whatever its case and accents")
    func caseAndAccents() {
        let text = Samples.spanishSummary.replacingOccurrences(of: "COMPRA", with: "cómpra")
        #expect(scorer.score(text, for: Samples.request(Samples.buy, .spanish)).issues == [])
    }

    @Test("a text in another language fails the bar")
    func wrongLanguage() {
        let report = scorer.score(Samples.englishSummary, for: Samples.request(Samples.buy, .french))
        #expect(report.issues.contains(.wrongLanguage(expected: .french, detected: .english)))
        #expect(report.score <= 0.3)
    }

    @Test(
        "an invented price fails the bar, in every language",
        arguments: [
            (Language.english, Samples.englishSummary + " A target of 240.00 looks reachable."),
            (.french, Samples.frenchSummary + " Un objectif de 240,00 paraît accessible."),
            (.spanish, Samples.spanishSummary + " Un objetivo de 240,00 parece alcanzable."),
        ])
    func inventedPrice(language: Language, text: String) {
        let report = scorer.score(text, for: Samples.request(Samples.buy, language))
        #expect(report.issues == [.inventedNumbers([240])])
        #expect(report.score <= 0.5)
    }

    @Test("rounded values, indicator periods and list markers are not invented")
    func allowedNumbers() {
        let text = "1. The 14-day RSI near 72 and the 50/200-day cross around 189 give 7.6/10."
        #expect(QualityScorer.inventedNumbers(in: text, language: .english, analysis: Samples.buy) == [])
    }

    @Test("a translation that drops a number of its source fails the bar")
    func droppedNumber() {
        let text = Samples.frenchSummary.replacingOccurrences(of: "jours, à 72,35,", with: "jours")
        let request = Samples.request(Samples.buy, .french)
        let report = scorer.score(text, for: request, source: Samples.englishSummary)
        #expect(report.issues == [.droppedNumbers([72.35])])
        #expect(report.score <= 0.5)

        let kept = scorer.score(Samples.frenchSummary, for: request, source: Samples.englishSummary)
        #expect(kept.issues == [])
    }

    @Test("length outside the band lowers the score without failing the bar")
    func length() {
        let report = scorer.score(Samples.englishSummary, for: Samples.request(Samples.buy, .english, .standard))
        #expect(report.issues == [.tooShort(words: report.wordCount, minimum: 140)])
        #expect(report.score > 0.6 && report.score < 1)
    }

    @Test("a detailed text without its section headers loses credit")
    func missingSections() {
        let report = scorer.score(Samples.frenchSummary, for: Samples.request(Samples.buy, .french, .detailed))
        #expect(report.issues.contains(.missingSections(DetailedSections.headers(in: .french))))
    }

    @Test("the template writer's detailed texts carry the headers the scorer expects", arguments: Language.allCases)
    func templateHeaders(language: Language) {
        let request = Samples.request(Samples.buy, language, .detailed)
        let text = TemplateWriter().write(request)
        for header in DetailedSections.headers(in: language) {
            #expect(text.contains("**\(header)**"))
        }
        #expect(scorer.score(text, for: request).score >= 0.8)
    }

    @Test("an empty text scores zero")
    func empty() {
        #expect(
            scorer.score("  \n", for: Samples.request(Samples.buy, .english))
                == QualityReport(score: 0, issues: [.empty], wordCount: 0))
    }
}
