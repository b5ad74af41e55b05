import Foundation
import Testing
import VoyageurCore

/// One rule of schema v1, a way to break it, and the error the decoder must report.
struct DecoderRule: Sendable, CustomTestStringConvertible {
    var name: String
    var edits: [RequestFixture.Edit]
    var expected: String

    init(_ name: String, _ edits: RequestFixture.Edit..., expected: String) {
        self.name = name
        self.edits = edits
        self.expected = expected
    }

    var testDescription: String { name }

    /// What the decoder reports for the fixture broken this way.
    func errors() -> [String] {
        RequestFixture.errors(decoding: RequestFixture.data(with: edits))
    }

    /// `count` copies of `character`, for length limits.
    static func text(_ character: Character, count: Int) -> String {
        String(repeating: character, count: count)
    }

    /// How the decoder quotes a long value: its first 40 characters and an ellipsis.
    static func clipped(_ character: Character) -> String {
        "\"\(text(character, count: 40))…\""
    }
}
