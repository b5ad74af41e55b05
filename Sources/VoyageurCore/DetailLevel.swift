/// How long and how deep an explanation is.
public enum DetailLevel: String, CaseIterable, Sendable, Codable, Hashable {
    /// About 60 words.
    case summary
    /// About 200 words; the default.
    case standard
    /// About 700 words, in sections with headers.
    case detailed

    /// The word count an explanation at this level aims for.
    public var targetWords: Int {
        switch self {
        case .summary: 60
        case .standard: 200
        case .detailed: 700
        }
    }
}
