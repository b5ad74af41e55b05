import Foundation
import Testing
import VoyageurCore

@testable import VoyageurGeneration

@Suite("Template writer")
struct TemplateWriterTests {
    let writer = TemplateWriter()

    @Test(
        "states the recommendation word once and never a contradicting one",
        arguments: Language.allCases, DetailLevel.allCases)
    func statesRecommendationOnce(language: Language, detail: DetailLevel) {
        for (symbol, analysis) in SampleRequests.all {
            let text = writer.write(SampleRequests.request(symbol, analysis, language, detail))
            let expected = analysis.recommendation.word(in: language)

            let upperCaseWords = text.split { !$0.isLetter }
            #expect(upperCaseWords.contains { $0 == expected }, "\(symbol): no upper-case \(expected)")
            #expect(TextInspection.count(expected, in: text) == 1, "\(symbol): \(expected) not once")
            for other in Recommendation.allCases where other != analysis.recommendation {
                let word = other.word(in: language)
                #expect(TextInspection.count(word, in: text) == 0, "\(symbol): contradicts with \(word)")
            }
        }
    }

    @Test("is recognised as the requested language", arguments: Language.allCases, DetailLevel.allCases)
    func readsAsRequestedLanguage(language: Language, detail: DetailLevel) {
        for (symbol, analysis) in SampleRequests.all {
            let text = writer.write(SampleRequests.request(symbol, analysis, language, detail))
            #expect(LanguageDetector.detect(text) == language, "\(symbol)")
        }
    }

    @Test("keeps to the length of its detail level", arguments: Language.allCases, DetailLevel.allCases)
    func keepsToLength(language: Language, detail: DetailLevel) {
        let band: ClosedRange<Int> =
            switch detail {
            case .summary: 35...115
            case .standard: 110...320
            case .detailed: 430...1000
            }
        for (symbol, analysis) in SampleRequests.all {
            let text = writer.write(SampleRequests.request(symbol, analysis, language, detail))
            let words = TextInspection.wordCount(text)
            #expect(band.contains(words), "\(symbol): \(words) words")
        }
    }

    @Test(
        "quotes only numbers from the analysis or indicator names",
        arguments: Language.allCases, DetailLevel.allCases)
    func quotesOnlyInputNumbers(language: Language, detail: DetailLevel) {
        for (symbol, analysis) in SampleRequests.all {
            let text = writer.write(SampleRequests.request(symbol, analysis, language, detail))
            let invented = TextInspection.inventedNumbers(in: text, language: language, analysis: analysis)
            #expect(invented.isEmpty, "\(symbol): invented \(invented)")
        }
    }

    @Test("quotes the score, the price and the levels", arguments: Language.allCases, DetailLevel.allCases)
    func quotesKeyFigures(language: Language, detail: DetailLevel) {
        for (symbol, analysis) in SampleRequests.all {
            let text = writer.write(SampleRequests.request(symbol, analysis, language, detail))
            let numbers = NumberExtractor.numbers(in: text, language: language)
            let rounded = (analysis.score * 10).rounded() / 10

            #expect(text.contains(symbol), "\(symbol): symbol missing")
            #expect(numbers.contains(rounded), "\(symbol): score missing")
            if let price = analysis.price {
                #expect(numbers.contains { abs($0 - price) < 0.006 }, "\(symbol): price missing")
            }
            if let support = analysis.raw("srcontext", "nearest_support") {
                #expect(numbers.contains(support), "\(symbol): support missing")
            }
        }
    }

    @Test("names each shown indicator with its direction", arguments: Language.allCases)
    func namesIndicatorDirections(language: Language) {
        let words: [Indicator.Direction: [String]] =
            switch language {
            case .english: [.bullish: ["bullish"], .bearish: ["bearish"], .neutral: ["neutral"]]
            case .french:
                [
                    .bullish: ["haussier", "haussière"], .bearish: ["baissier", "baissière"],
                    .neutral: ["neutre"],
                ]
            case .spanish: [.bullish: ["alcista"], .bearish: ["bajista"], .neutral: ["neutral"]]
            }
        for (symbol, analysis) in SampleRequests.all {
            let text = writer.write(SampleRequests.request(symbol, analysis, language, .standard))
            for indicator in analysis.rankedIndicators().prefix(3) {
                let found = words[indicator.direction, default: []].contains { text.containsWholeWord($0) }
                #expect(found, "\(symbol): no \(indicator.direction) for \(indicator.name)")
            }
        }
    }

    @Test("shows an unknown indicator by its name", arguments: Language.allCases, DetailLevel.allCases)
    func showsUnknownIndicator(language: Language, detail: DetailLevel) {
        let text = writer.write(SampleRequests.request("NVDA", SampleRequests.single, language, detail))
        #expect(text.contains("insider_flow"))
    }

    @Test("detailed texts carry a header line per section", arguments: Language.allCases)
    func detailedHasHeaders(language: Language) {
        for (symbol, analysis) in SampleRequests.all {
            let text = writer.write(SampleRequests.request(symbol, analysis, language, .detailed))
            #expect(TextInspection.headerLines(in: text).count >= 4, "\(symbol)")
        }
    }

    @Test("shorter levels carry no header lines", arguments: Language.allCases)
    func shorterLevelsHaveNoHeaders(language: Language) {
        for detail in [DetailLevel.summary, .standard] {
            let text = writer.write(SampleRequests.request("AAPL", SampleRequests.buy, language, detail))
            #expect(TextInspection.headerLines(in: text).isEmpty)
        }
    }

    @Test("a detailed text discusses at most eight indicators")
    func detailedCapsIndicators() {
        let text = writer.write(SampleRequests.request("BTC-USD", SampleRequests.crowded, .english, .detailed))
        let shown = SampleRequests.crowded.rankedIndicators()
        let lowered = text.lowercased()
        let named = shown.filter {
            lowered.contains(IndicatorGlossary.term(for: $0.name, in: .english).noun.lowercased())
        }
        #expect(named.count == TemplateFacts.detailedIndicatorLimit)
    }

    @Test("the same request always gives the same text", arguments: Language.allCases, DetailLevel.allCases)
    func isDeterministic(language: Language, detail: DetailLevel) {
        for (symbol, analysis) in SampleRequests.all {
            let request = SampleRequests.request(symbol, analysis, language, detail)
            #expect(writer.write(request) == TemplateWriter().write(request))
        }
    }

    @Test("different symbols get different phrasings of the same analysis")
    func variesBySymbol() {
        let symbols = ["AAPL", "MSFT", "GOOG", "AMZN", "META", "ORCL", "IBM", "INTC"]
        let texts = Set(
            symbols.map { symbol in
                writer.write(SampleRequests.request(symbol, SampleRequests.buy, .english, .standard))
                    .replacingOccurrences(of: symbol, with: "SYM")
            })
        #expect(texts.count >= 3)
    }

    @Test("no text contains a currency sign, a percentage or an English caution in French")
    func avoidsOldDefects() {
        for (symbol, analysis) in SampleRequests.all {
            for language in Language.allCases {
                let text = writer.write(SampleRequests.request(symbol, analysis, language, .detailed))
                #expect(!text.contains { "$€£%".contains($0) }, "\(symbol) \(language)")
                if language != .english {
                    #expect(!text.contains("investment advice"))
                    #expect(!text.contains("disclaimer"))
                }
            }
        }
    }
}

extension String {
    fileprivate func containsWholeWord(_ word: String) -> Bool {
        TextInspection.count(word, in: self) > 0
    }
}
