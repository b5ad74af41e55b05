import Testing
import VoyageurCore

@testable import VoyageurGeneration

@Suite("Number style")
struct NumberStyleTests {
    private let english = NumberStyle(language: .english)
    private let french = NumberStyle(language: .french)
    private let spanish = NumberStyle(language: .spanish)

    @Test("scores carry one decimal and the scale, with the language's decimal mark")
    func scores() {
        #expect(english.score(7.24) == "7.2/10")
        #expect(french.score(6.5) == "6,5/10")
        #expect(spanish.score(7) == "7,0/10")
    }

    @Test("prices group thousands the way each language does")
    func prices() {
        #expect(english.price(1234.5) == "1,234.50")
        #expect(french.price(1234.5) == "1\u{202F}234,50")
        #expect(spanish.price(1234.5) == "1.234,50")
        #expect(english.price(98765.4321) == "98,765.43")
        #expect(english.price(1_234_567.891) == "1,234,567.89")
        #expect(english.price(189.25) == "189.25")
    }

    @Test("oscillators round to one decimal")
    func oscillators() {
        #expect(english.oscillator(72.35) == "72.4")
        #expect(french.oscillator(24.6) == "24,6")
        #expect(spanish.oscillator(49.8) == "49,8")
    }

    @Test("small signed values keep three significant digits and drop trailing zeros")
    func fineValues() {
        #expect(english.fine(-0.0042) == "-0.0042")
        #expect(french.fine(-0.0042) == "-0,0042")
        #expect(english.fine(0.4213) == "0.421")
        #expect(english.fine(12.3456) == "12.35")
        #expect(english.fine(0.5) == "0.5")
        #expect(english.fine(0) == "0")
    }

    @Test("a value that rounds to zero has no minus sign")
    func noNegativeZero() {
        #expect(english.decimal(-0.001, places: 2) == "0.00")
    }
}
