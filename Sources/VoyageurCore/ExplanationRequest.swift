import Foundation

/// A request for one explanation: message schema v1.
///
/// Build one with ``RequestDecoder``, which applies every rule of the schema;
/// the memberwise initialiser trusts its arguments.
public struct ExplanationRequest: Sendable, Hashable {
    /// The job id and idempotency key.
    public var id: String
    /// The instrument, upper-cased.
    public var symbol: String
    public var language: Language
    public var detail: DetailLevel
    /// The rollout stickiness key; the symbol when the producer gave none.
    public var subject: String
    public var analysis: Analysis
    /// A job taken after this instant ends `expired` without generation.
    public var deadline: Date?
    /// Skips the result cache.
    public var forceRegenerate: Bool

    public init(
        id: String,
        symbol: String,
        language: Language,
        detail: DetailLevel = .standard,
        subject: String? = nil,
        analysis: Analysis,
        deadline: Date? = nil,
        forceRegenerate: Bool = false
    ) {
        self.id = id
        self.symbol = symbol
        self.language = language
        self.detail = detail
        self.subject = subject ?? symbol
        self.analysis = analysis
        self.deadline = deadline
        self.forceRegenerate = forceRegenerate
    }

    /// The recommendation the analysis score implies.
    public var recommendation: Recommendation { analysis.recommendation }
}
