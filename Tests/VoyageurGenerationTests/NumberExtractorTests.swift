import Testing
import VoyageurCore
import VoyageurGeneration

@Suite("Number extractor")
struct NumberExtractorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let language: Language
        let numbers: [Double]

        init(_ text: String, _ language: Language, _ numbers: [Double]) {
            self.text = text
            self.language = language
            self.numbers = numbers
        }

        var testDescription: String { "\(language.code): \(text)" }
    }

    @Test(
        "reads numbers as each language writes them",
        arguments: [
            Case("The RSI is at 72.1 today.", .english, [72.1]),
            Case("Le RSI est à 72,1.", .french, [72.1]),
            Case("El RSI está en 72,1.", .spanish, [72.1]),
            Case("a price of 1,234.5 and more", .english, [1234.5]),
            Case("un cours de 1\u{202F}234,5 et plus", .french, [1234.5]),
            Case("un cours de 1 234,5 et plus", .french, [1234.5]),
            Case("un precio de 1.234,5 y más", .spanish, [1234.5]),
            Case("a histogram of -0.0042, then", .english, [-0.0042]),
            Case("un histogramme à −0,0042.", .french, [-0.0042]),
            Case("un score de 7,2/10", .french, [7.2, 10]),
            Case("scored 7.2/10.", .english, [7.2, 10]),
            Case("up 12% or 12 %", .english, [12, 12]),
            Case("en hausse de 3,5 %", .french, [3.5]),
            Case("the 50/200-day cross", .english, [50, 200]),
            Case("MACD 12-26-9", .english, [12, 26, 9]),
            Case("a list: 14, 20 and 50.", .english, [14, 20, 50]),
            Case("the rsi14 and sma50vs200 names", .english, []),
            Case("a price of 98,765.43", .english, [98765.43]),
            Case("un precio de 98.765,43", .spanish, [98765.43]),
            Case("un precio de 72.1 en texto español", .spanish, [72.1]),
            Case("a price of 72,1 in sloppy English", .english, [72.1]),
            Case("no numbers at all", .english, []),
        ])
    func readsNumbers(_ example: Case) {
        #expect(NumberExtractor.numbers(in: example.text, language: example.language) == example.numbers)
    }
}
