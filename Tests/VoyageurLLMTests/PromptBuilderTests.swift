import Testing
import VoyageurCore
import VoyageurGeneration

@testable import VoyageurLLM

@Suite("Prompts")
struct PromptBuilderTests {
    let builder = PromptBuilder()

    @Test(
        "a prompt states the score, the recommendation, the indicators and the length in its language",
        arguments: [
            (Language.english, ["7.6/10", "BUY", "14-day RSI", "72.35", "189.25", "about 200 words", "bullish"]),
            (.french, ["7,6/10", "ACHAT", "RSI sur 14 jours", "72,35", "189,25", "environ 200 mots", "haussier"]),
            (.spanish, ["7,6/10", "COMPRA", "RSI de 14 sesiones", "72,35", "189,25", "unas 200 palabras", "alcista"]),
        ])
    func statesFacts(language: Language, expected: [String]) {
        let prompt = builder.generation(for: Samples.request(Samples.buy, language, .standard), in: language)
        #expect(prompt.user.contains("AAPL"))
        for fragment in expected {
            #expect(prompt.user.contains(fragment), "missing \(fragment)")
        }
    }

    @Test("French and Spanish prompts are written in their language", arguments: [Language.french, .spanish])
    func nativeLanguage(language: Language) {
        let prompt = builder.generation(for: Samples.request(Samples.buy, language, .standard), in: language)
        #expect(LanguageDetector.detect(prompt.user) == language)
        #expect(LanguageDetector.detect(prompt.system) == language)
        #expect(!prompt.user.contains("BUY"))
    }

    @Test("the translation route's first prompt asks for English")
    func englishFirst() {
        let request = Samples.request(Samples.buy, .french, .summary)
        let prompt = builder.generation(for: request, in: .english)
        #expect(prompt.user.contains("BUY"))
        #expect(LanguageDetector.detect(prompt.user) == .english)
    }

    @Test("a detailed prompt names the section headers", arguments: Language.allCases)
    func detailedHeaders(language: Language) {
        let prompt = builder.generation(for: Samples.request(Samples.buy, language, .detailed), in: language)
        for header in DetailedSections.headers(in: language) {
            #expect(prompt.user.contains("**\(header)**"))
        }
    }

    @Test("the reply budget grows with the level and the context holds prompt and reply")
    func budgets() {
        let prompts = DetailLevel.allCases.map {
            builder.generation(for: Samples.request(Samples.buy, .french, $0), in: .french)
        }
        #expect(prompts.map(\.maxTokens) == prompts.map(\.maxTokens).sorted())
        #expect(prompts[0].maxTokens >= 150)
        #expect(prompts[2].maxTokens >= 1_500)
        for prompt in prompts {
            #expect(prompt.contextLength >= prompt.maxTokens + prompt.user.count / 3)
        }
    }

    @Test("a HOLD prompt demands the HOLD word of its language")
    func holdWord() {
        let prompt = builder.generation(for: Samples.request(Samples.hold, .french), in: .french)
        #expect(prompt.user.contains("CONSERVATION"))
        #expect(prompt.user.contains("-0,0042"))
        #expect(!prompt.user.contains("Dernier cours"))
    }

    @Test("a translation prompt lists every number in the target format and the target's word")
    func translation() {
        let request = Samples.request(Samples.buy, .spanish)
        let prompt = builder.translation(of: Samples.englishSummary, for: request)
        for fragment in ["7,6", "189,25", "182,4", "72,35", "195,5", "COMPRA", Samples.englishSummary] {
            #expect(prompt.user.contains(fragment), "missing \(fragment)")
        }
        #expect(LanguageDetector.detect(prompt.system) == .spanish)
        #expect(prompt.maxTokens >= QualityScorer.wordCount(Samples.englishSummary) * 2)
    }
}
