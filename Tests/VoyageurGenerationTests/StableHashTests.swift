import Testing

@testable import VoyageurGeneration

@Suite("Stable hash")
struct StableHashTests {
    @Test("matches the published FNV-1a 64-bit vectors")
    func vectors() {
        #expect(StableHash.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test("picks the same phrasing for the same symbol and slot")
    func stablePick() {
        let options = ["one", "two", "three"]
        let first = PhrasePicker(seed: "AAPL").pick("opening", options)
        #expect(PhrasePicker(seed: "AAPL").pick("opening", options) == first)
        #expect(PhrasePicker(seed: "AAPL").pick("opening", []) == "")
    }
}
