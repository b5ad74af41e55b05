import VoyageurCore

/// One thing the quality score found wrong with a text.
public enum QualityIssue: Sendable, Hashable, CustomStringConvertible {
    /// Nothing but whitespace.
    case empty
    case tooShort(words: Int, minimum: Int)
    case tooLong(words: Int, maximum: Int)
    /// The recommendation word the text must use is absent.
    case missingRecommendation(String)
    /// Another recommendation word appears in capitals.
    case contradictingRecommendation(String)
    /// The text reads as another language.
    case wrongLanguage(expected: Language, detected: Language)
    /// The detector could not tell which language the text is in.
    case uncertainLanguage(expected: Language)
    /// Numbers that come neither from the analysis nor from indicator names.
    case inventedNumbers([Double])
    /// Section headers a detailed text lacks.
    case missingSections([String])
    /// Numbers of the English source that the translation lost.
    case droppedNumbers([Double])

    public var description: String {
        switch self {
        case .empty: "empty text"
        case .tooShort(let words, let minimum): "too short: \(words) words, at least \(minimum) wanted"
        case .tooLong(let words, let maximum): "too long: \(words) words, at most \(maximum) wanted"
        case .missingRecommendation(let word): "recommendation \(word) missing"
        case .contradictingRecommendation(let word): "contradicting recommendation \(word)"
        case .wrongLanguage(let expected, let detected):
            "written in \(detected.code), not \(expected.code)"
        case .uncertainLanguage(let expected): "cannot tell whether the text is in \(expected.code)"
        case .inventedNumbers(let numbers): "numbers not in the analysis: \(Self.list(numbers))"
        case .missingSections(let headers): "missing sections: \(headers.joined(separator: ", "))"
        case .droppedNumbers(let numbers): "numbers lost in translation: \(Self.list(numbers))"
        }
    }

    private static func list(_ numbers: [Double]) -> String {
        numbers.map { $0.rounded() == $0 && abs($0) < 1e15 ? String(Int64($0)) : String($0) }
            .joined(separator: ", ")
    }
}
