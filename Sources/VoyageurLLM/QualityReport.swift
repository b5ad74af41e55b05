/// How good a generated text is: a score from 0 to 1 and what lowered it.
public struct QualityReport: Sendable, Hashable {
    /// 0 (unusable) to 1 (nothing found wrong).
    public var score: Double
    /// What the scorer found, most serious first; empty for a clean text.
    public var issues: [QualityIssue]
    /// The words counted for the length check.
    public var wordCount: Int

    public init(score: Double, issues: [QualityIssue], wordCount: Int) {
        self.score = score
        self.issues = issues
        self.wordCount = wordCount
    }
}
