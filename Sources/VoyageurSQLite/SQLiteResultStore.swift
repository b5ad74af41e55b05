import Foundation
import VoyageurCore

/// Results in the embedded SQLite file.
public final class SQLiteResultStore: ResultStore {
    private let database: SQLiteDatabase

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    @discardableResult
    public func save(_ results: [JobResult]) async throws -> Int {
        guard !results.isEmpty else { return 0 }
        return try await database.write { connection in
            try Self.insert(results, connection)
        }
    }

    /// Inserts results, skipping job ids already stored; returns how many
    /// were new. Runs inside the caller's transaction.
    static func insert(_ results: [JobResult], _ connection: SQLiteConnection) throws -> Int {
        var inserted = 0
        for result in results {
            inserted += try connection.run(
                """
                INSERT INTO results (
                    job_id, status, route, method, symbol, language, detail, subject, recommendation,
                    text, reason, model, attempts, quality, fingerprint, queue_wait_ms,
                    generation_ms, worker_id, completed_at
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (job_id) DO UPDATE SET
                    status = excluded.status, route = excluded.route, method = excluded.method,
                    symbol = excluded.symbol, language = excluded.language, detail = excluded.detail,
                    subject = excluded.subject, recommendation = excluded.recommendation, text = excluded.text,
                    reason = excluded.reason, model = excluded.model, attempts = excluded.attempts,
                    quality = excluded.quality, fingerprint = excluded.fingerprint,
                    queue_wait_ms = excluded.queue_wait_ms, generation_ms = excluded.generation_ms,
                    worker_id = excluded.worker_id, completed_at = excluded.completed_at
                WHERE results.status IN \(JobStatus.replaceableSQLList)
                    AND excluded.status NOT IN \(JobStatus.replaceableSQLList)
                """,
                values(of: result)
            )
        }
        return inserted
    }

    public func hasResult(jobID: String) async throws -> Bool {
        try await database.read { connection in
            let statement = try connection.prepare(
                "SELECT 1 FROM results WHERE job_id = ? AND status NOT IN \(JobStatus.replaceableSQLList)",
                [.text(jobID)]
            )
            defer { statement.reset() }
            return try statement.step()
        }
    }

    public func cachedResult(fingerprint: String, since: Date, minimumQuality: Double) async throws -> JobResult? {
        try await database.read { connection in
            let statement = try connection.prepare(
                """
                SELECT \(Self.columns) FROM results
                WHERE fingerprint = ? AND completed_at >= ? AND quality >= ?
                    AND method IN ('direct', 'translation') AND status = 'succeeded'
                ORDER BY completed_at DESC LIMIT 1
                """,
                [.text(fingerprint), .integer(EpochTime.milliseconds(since)), .real(minimumQuality)]
            )
            defer { statement.reset() }
            return try statement.step() ? Self.result(from: statement) : nil
        }
    }

    public func results(_ query: ResultQuery) async throws -> [JobResult] {
        try await database.read { connection in
            var conditions: [String] = []
            var values: [SQLiteValue] = []
            if !query.jobIDs.isEmpty {
                conditions.append("job_id IN (SELECT value FROM json_each(?))")
                values.append(.text(ErrorHistory.encode(query.jobIDs)))
            }
            if let symbol = query.symbol {
                conditions.append("symbol = ?")
                values.append(.text(symbol))
            }
            if let language = query.language {
                conditions.append("language = ?")
                values.append(.text(language.code))
            }
            if let since = query.since {
                conditions.append("completed_at > ?")
                values.append(.integer(EpochTime.milliseconds(since)))
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let limit = query.limit.map { "LIMIT \($0)" } ?? ""
            let statement = try connection.prepare(
                "SELECT \(Self.columns) FROM results \(filter) ORDER BY completed_at DESC, job_id \(limit)",
                values
            )
            var results: [JobResult] = []
            while try statement.step() {
                results.append(Self.result(from: statement))
            }
            return results
        }
    }

    // MARK: - Rows

    private static let columns = """
        job_id, status, route, method, symbol, language, detail, subject, recommendation, text, reason, model,
        attempts, quality, fingerprint, queue_wait_ms, generation_ms, worker_id, completed_at
        """

    private static func values(of result: JobResult) -> [SQLiteValue] {
        [
            .text(result.jobID),
            .text(result.status.rawValue),
            .optional(result.route?.rawValue),
            .optional(result.method?.rawValue),
            .optional(result.symbol),
            .optional(result.language?.code),
            .optional(result.detail?.rawValue),
            .optional(result.subject),
            .optional(result.recommendation?.rawValue),
            .optional(result.text),
            .optional(result.reason),
            .optional(result.model),
            .integer(Int64(result.attempts)),
            .optional(result.quality),
            .optional(result.fingerprint),
            .real(result.queueWait.seconds * 1_000),
            .real(result.generationTime.seconds * 1_000),
            .text(result.workerID),
            .integer(EpochTime.milliseconds(result.completedAt)),
        ]
    }

    private static func result(from row: SQLiteStatement) -> JobResult {
        JobResult(
            jobID: row.text(0) ?? "",
            status: JobStatus(rawValue: row.text(1) ?? "") ?? .failed,
            route: row.text(2).flatMap(Route.init(rawValue:)),
            method: row.text(3).flatMap(GenerationMethod.init(rawValue:)),
            symbol: row.text(4),
            language: row.text(5).flatMap(Language.init(rawValue:)),
            detail: row.text(6).flatMap(DetailLevel.init(rawValue:)),
            subject: row.text(7),
            recommendation: row.text(8).flatMap(Recommendation.init(rawValue:)),
            text: row.text(9),
            reason: row.text(10),
            model: row.text(11),
            attempts: Int(row.int(12)),
            quality: row.optionalDouble(13),
            fingerprint: row.text(14),
            queueWait: .microseconds(Int64(row.double(15) * 1_000)),
            generationTime: .microseconds(Int64(row.double(16) * 1_000)),
            workerID: row.text(17) ?? "",
            completedAt: EpochTime.date(row.int(18))
        )
    }
}
