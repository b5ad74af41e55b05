import Foundation

/// Which results to list.
public struct ResultQuery: Sendable, Hashable {
    public var jobIDs: [String]
    public var symbol: String?
    public var language: Language?
    /// Only results completed after this instant.
    public var since: Date?
    /// At most this many, newest first; no limit when nil.
    public var limit: Int?

    public init(
        jobIDs: [String] = [],
        symbol: String? = nil,
        language: Language? = nil,
        since: Date? = nil,
        limit: Int? = nil
    ) {
        self.jobIDs = jobIDs
        self.symbol = symbol
        self.language = language
        self.since = since
        self.limit = limit
    }
}

/// Where results live: the port that SQLite and PostgreSQL implement.
///
/// Implementations are safe to call from any task and never block the
/// caller's thread on I/O.
public protocol ResultStore: AnyObject, Sendable {
    /// Stores results in one transaction. A result whose job id is already
    /// stored is left as it was, except a replaceable one (`rejected`,
    /// `failed`; see ``JobStatus/isReplaceable``), which a result that is
    /// not replaceable replaces: the producer fixed its request, or an
    /// operator replayed the job. Returns how many were new or replaced.
    @discardableResult
    func save(_ results: [JobResult]) async throws -> Int

    /// Whether a final result for `jobID` is stored; a replaceable one
    /// (`rejected`, `failed`) does not count, so a corrected request or a
    /// replayed job under the same id is processed.
    func hasResult(jobID: String) async throws -> Bool

    /// The newest generated result with `fingerprint`, completed after
    /// `since`, of quality at least `minimumQuality`.
    func cachedResult(fingerprint: String, since: Date, minimumQuality: Double) async throws -> JobResult?

    /// Results matching `query`, newest first.
    func results(_ query: ResultQuery) async throws -> [JobResult]
}

/// A store whose schema is versioned.
public protocol MigratingStore: Sendable {
    /// Brings the schema to the newest version; returns the versions applied.
    func migrate() async throws -> [Int]

    /// The version the schema is at; 0 when nothing is applied.
    func schemaVersion() async throws -> Int

    /// Fails, telling the operator to run `voyageurctl migrate`, unless the
    /// schema is at the version this build needs.
    func requireCurrentSchema() async throws
}
