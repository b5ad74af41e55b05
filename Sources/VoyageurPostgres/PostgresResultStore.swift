import Foundation
import VoyageurCore

/// Results in PostgreSQL.
///
/// A batch is saved in one transaction (one commit for the group), as
/// multi-row inserts that skip job ids already stored.
public final class PostgresResultStore: ResultStore {
    private let database: PostgresDatabase
    private let reader: PostgresDatabase
    private let lookup: StoredJobLookup

    /// Rows per `INSERT`: 19 parameters each stays far below PostgreSQL's
    /// limit of 65,535 parameters per statement.
    static let rowsPerInsert = 500

    /// - Parameters:
    ///   - database: where results are written.
    ///   - reader: a second connection to the same database for the reads
    ///     a worker makes for each job, so that they never wait behind a
    ///     commit; by default `database` itself.
    public init(database: PostgresDatabase, reader: PostgresDatabase? = nil) {
        let reader = reader ?? database
        self.database = database
        self.reader = reader
        self.lookup = StoredJobLookup { jobIDs in
            try await reader.read("find results") { connection in
                // Not prepared: a generic plan cannot know how many ids
                // come, and may scan the whole table for them.
                let rows = try connection.query(
                    "SELECT job_id FROM results WHERE job_id = ANY($1::text[]) AND status NOT IN \(JobStatus.replaceableSQLList)",
                    [.textArray(jobIDs)]
                ).rows
                return Set(rows.compactMap { $0.text(0) })
            }
        }
    }

    @discardableResult
    public func save(_ results: [JobResult]) async throws -> Int {
        // One statement may not touch a row twice, so a job id that occurs
        // twice in the batch keeps its first result, as a second save would.
        var seen: Set<String> = []
        let results = results.filter { seen.insert($0.jobID).inserted }
        guard !results.isEmpty else { return 0 }
        guard results.count > Self.rowsPerInsert else {
            // One statement is atomic by itself: no BEGIN/COMMIT round trips.
            return try await database.read("save results") { connection in
                try Self.insert(results[...], connection)
            }
        }
        return try await database.write("save results") { connection in
            var inserted = 0
            for start in stride(from: 0, to: results.count, by: Self.rowsPerInsert) {
                let end = min(start + Self.rowsPerInsert, results.count)
                inserted += try Self.insert(results[start..<end], connection)
            }
            return inserted
        }
    }

    /// Inserts results in one statement, skipping job ids already stored
    /// except replaceable ones (`rejected`, `failed`), which a final result
    /// replaces; returns how many were new or replaced.
    private static func insert(_ results: ArraySlice<JobResult>, _ connection: PostgresConnection) throws -> Int {
        var rows: [String] = []
        var values: [PostgresValue] = []
        for result in results {
            let first = values.count
            let placeholders = (1...19).map { "$\(first + $0)" }
            var row = placeholders.prefix(12).joined(separator: ", ")
            row += ", \(placeholders[12])::integer, \(placeholders[13])::float8, \(placeholders[14])"
            row += ", \(placeholders[15])::float8, \(placeholders[16])::float8, \(placeholders[17])"
            row += ", to_timestamp(\(placeholders[18])::float8)"
            rows.append("(\(row))")
            values += Self.values(of: result)
        }
        let reply = try connection.queryPrepared(
            """
            INSERT INTO results (
                job_id, status, route, method, symbol, language, detail, subject, recommendation,
                text, reason, model, attempts, quality, fingerprint, queue_wait_ms,
                generation_ms, worker_id, completed_at
            ) VALUES \(rows.joined(separator: ", "))
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
            values
        )
        return reply.affectedRows
    }

    /// Lookups from concurrent jobs are answered by one query.
    public func hasResult(jobID: String) async throws -> Bool {
        try await lookup.isStored(jobID)
    }

    public func cachedResult(fingerprint: String, since: Date, minimumQuality: Double) async throws -> JobResult? {
        try await reader.read("find cached result") { connection in
            let reply = try connection.queryPrepared(
                """
                SELECT \(Self.columns) FROM results
                WHERE fingerprint = $1 AND completed_at >= to_timestamp($2::float8) AND quality >= $3::float8
                    AND method IN ('direct', 'translation') AND status = 'succeeded'
                ORDER BY completed_at DESC LIMIT 1
                """,
                [.text(fingerprint), .timestamp(since), .double(minimumQuality)]
            )
            return reply.first.map(Self.result(from:))
        }
    }

    public func results(_ query: ResultQuery) async throws -> [JobResult] {
        try await database.read("list results") { connection in
            var conditions: [String] = []
            var values: [PostgresValue] = []
            if !query.jobIDs.isEmpty {
                values.append(.textArray(query.jobIDs))
                conditions.append("job_id = ANY($\(values.count)::text[])")
            }
            if let symbol = query.symbol {
                values.append(.text(symbol))
                conditions.append("symbol = $\(values.count)")
            }
            if let language = query.language {
                values.append(.text(language.code))
                conditions.append("language = $\(values.count)")
            }
            if let since = query.since {
                values.append(.timestamp(since))
                conditions.append("completed_at > to_timestamp($\(values.count)::float8)")
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            var limit = ""
            if let count = query.limit {
                values.append(.integer(Int64(max(count, 0))))
                limit = "LIMIT $\(values.count)::bigint"
            }
            let reply = try connection.query(
                "SELECT \(Self.columns) FROM results \(filter) ORDER BY completed_at DESC, job_id \(limit)",
                values
            )
            return reply.rows.map(Self.result(from:))
        }
    }

    // MARK: - Rows

    private static let columns = """
        job_id, status, route, method, symbol, language, detail, subject, recommendation, text, reason, model,
        attempts, quality, fingerprint, queue_wait_ms, generation_ms, worker_id,
        extract(epoch FROM completed_at)::float8
        """

    private static func values(of result: JobResult) -> [PostgresValue] {
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
            .double(result.queueWait.seconds * 1_000),
            .double(result.generationTime.seconds * 1_000),
            .text(result.workerID),
            .timestamp(result.completedAt),
        ]
    }

    private static func result(from row: PostgresRow) -> JobResult {
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
            queueWait: .microseconds(Int64((row.double(15) * 1_000).rounded())),
            generationTime: .microseconds(Int64((row.double(16) * 1_000).rounded())),
            workerID: row.text(17) ?? "",
            completedAt: row.date(18)
        )
    }
}
