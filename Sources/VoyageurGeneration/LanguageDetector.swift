import VoyageurCore

/// Tells English, French and Spanish apart by their function words.
///
/// Counts words from a few dozen common function words per language, plus
/// words carrying accents only one of the languages uses, and names the
/// language that clearly leads. Words shared by French and Spanish (`de`,
/// `la`, `en`, `que`) count for neither. Returns nil when the text is too
/// short or too mixed to say.
public enum LanguageDetector {
    /// The language `text` is written in, or nil when unsure.
    public static func detect(_ text: String) -> Language? {
        let words = words(in: text)
        guard !words.isEmpty else { return nil }

        var hits: [Language: Int] = [:]
        for word in words {
            for language in Language.allCases where marks(word, as: language) {
                hits[language, default: 0] += 1
            }
        }

        let ranking = hits.sorted { $0.value > $1.value }
        guard let best = ranking.first, best.value >= minimumHits,
            Double(best.value) >= minimumShare * Double(words.count)
        else {
            return nil
        }
        let runnerUp = ranking.dropFirst().first?.value ?? 0
        return best.value >= 2 * runnerUp ? best.key : nil
    }

    /// The fewest marker words a text needs before the detector commits.
    static let minimumHits = 3
    /// The smallest share of a text's words that must mark the winner.
    static let minimumShare = 0.1

    private static func marks(_ word: String, as language: Language) -> Bool {
        switch language {
        case .english:
            englishWords.contains(word)
        case .french:
            frenchWords.contains(word) || word.contains { frenchAccents.contains($0) }
        case .spanish:
            spanishWords.contains(word) || word.contains { spanishAccents.contains($0) }
        }
    }

    /// Lower-cased words; apostrophes split elisions (`l'analyse` → `l`, `analyse`).
    private static func words(in text: String) -> [String] {
        text.lowercased()
            .split { !$0.isLetter }
            .map(String.init)
    }

    private static let englishWords: Set<String> = [
        "the", "and", "of", "to", "is", "are", "was", "were", "be", "been", "that", "this",
        "these", "those", "with", "for", "from", "by", "at", "which", "while", "but", "not",
        "it", "its", "than", "into", "would", "could", "should", "will", "has", "have", "had",
        "their", "there", "they", "more", "most", "what", "when", "where", "an", "if", "or",
        "can", "only", "either", "each", "every", "our", "we", "so", "any", "since", "several",
        "very", "about", "after", "before", "them", "he", "she", "his", "her", "you", "your",
        "all", "also", "just", "then", "because", "over", "under", "through", "between", "does",
    ]

    private static let frenchWords: Set<String> = [
        "le", "les", "des", "du", "une", "et", "est", "sont", "dans", "pour", "par", "sur",
        "avec", "qui", "ne", "pas", "plus", "ce", "cette", "ces", "il", "elle", "ils", "au",
        "aux", "ou", "mais", "leur", "leurs", "sa", "ses", "être", "tout", "tous", "donc",
        "comme", "d", "l", "qu", "vers", "selon", "ainsi", "aussi", "peut", "dont", "nous",
        "sous", "toutefois", "depuis", "plusieurs", "très", "été", "avoir", "même", "encore",
        "chez", "cet", "notre", "nos", "vous", "ont", "était", "sera", "quand", "sans", "peu",
        "moins", "cela", "celui", "celle",
    ]

    private static let spanishWords: Set<String> = [
        "el", "los", "las", "del", "y", "es", "está", "están", "para", "por", "con", "una",
        "uno", "unos", "unas", "lo", "al", "su", "sus", "pero", "más", "como", "este", "esta",
        "estos", "estas", "ese", "esa", "muy", "sin", "sobre", "también", "hasta", "desde",
        "cuando", "donde", "porque", "ya", "hay", "ha", "han", "ser", "puede", "varios",
        "sido", "fue", "fueron", "será", "nuestro", "nuestra", "nos", "cada", "tanto", "menos",
        "eso", "esto", "aquí", "ahí",
    ]

    private static let frenchAccents: Set<Character> = [
        "à", "â", "ç", "è", "ê", "ë", "î", "ï", "ô", "ù", "û", "œ",
    ]

    private static let spanishAccents: Set<Character> = ["ñ", "á", "í", "ó", "ú"]
}
