import VoyageurCore

/// How long an explanation at one detail level should be, and the token
/// budget that lets a model reach that length without being cut off.
public struct LengthTarget: Sendable, Hashable {
    /// The word count to aim for: 60, 200 or 700.
    public let words: Int
    /// The word counts the quality score accepts in full.
    public let band: ClosedRange<Int>

    /// The target for `level`: summary 60 (40–90), standard 200 (140–280),
    /// detailed 700 (500–950).
    public init(_ level: DetailLevel) {
        words = level.targetWords
        switch level {
        case .summary: band = 40...90
        case .standard: band = 140...280
        case .detailed: band = 500...950
        }
    }

    /// Tokens per word a small model's tokenizer spends, with room to spare:
    /// English tokenizes tighter than French and Spanish.
    static func tokensPerWord(_ language: Language) -> Double {
        language == .english ? 1.5 : 2.0
    }

    /// The `max_tokens` / `num_predict` that lets a reply reach the top of
    /// the band in `language`, so that a complete text is never truncated.
    public func maxTokens(in language: Language) -> Int {
        Int((Double(band.upperBound) * Self.tokensPerWord(language)).rounded(.up)) + 32
    }

    /// The smallest power-of-two context (at least 2,048 tokens) that holds
    /// a prompt of `promptCharacters` and a reply of `maxTokens`.
    static func contextLength(promptCharacters: Int, maxTokens: Int) -> Int {
        // About three characters per token, on the cautious side.
        let needed = promptCharacters / 3 + maxTokens
        var length = 2_048
        while length < needed {
            length *= 2
        }
        return length
    }
}
