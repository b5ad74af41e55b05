import Foundation
import VoyageurCore

/// Finds recommendation words in a text as whole words.
///
/// Words are split at anything that is not a letter, so "threshold" never
/// yields HOLD and "l'ACHAT" yields ACHAT; comparison ignores case and
/// accents.
struct RecommendationWords: Sendable {
    /// The text's words, each with whether it was written in capitals.
    private let words: [(folded: String, isCapitalized: Bool)]

    init(_ text: String) {
        words = text.split { !$0.isLetter }.map { word in
            let isCapitalized = word.count > 1 && word.allSatisfy { !$0.isLetter || $0.isUppercase }
            return (Self.fold(word), isCapitalized)
        }
    }

    /// Whether `word` appears, in any case.
    func contains(_ word: String) -> Bool {
        let folded = Self.fold(word)
        return words.contains { $0.folded == folded }
    }

    /// Whether `word` appears written in capitals, the form prompts demand
    /// for the recommendation.
    func containsCapitalized(_ word: String) -> Bool {
        let folded = Self.fold(word)
        return words.contains { $0.isCapitalized && $0.folded == folded }
    }

    /// The recommendation words, in any language, for another recommendation
    /// than `recommendation` that `text` writes in capitals.
    ///
    /// Lower-case forms are ordinary words ("la vente", "mantener la
    /// posición", "to hold"), so only capitals count as a contradiction.
    func contradicting(_ recommendation: Recommendation) -> [String] {
        var found: [String] = []
        for other in Recommendation.allCases where other != recommendation {
            for language in Language.allCases {
                let word = other.word(in: language)
                if !found.contains(word), containsCapitalized(word) {
                    found.append(word)
                }
            }
        }
        return found
    }

    static func fold(_ word: some StringProtocol) -> String {
        String(word).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
