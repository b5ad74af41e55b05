import Dispatch
import Foundation
import Synchronization
import VoyageurCore

/// The embedded queue: one table in the SQLite file, shared by every
/// process that opens it.
///
/// A received job is leased to this queue's owner until its visibility
/// timeout; a lease is renewed while the job is held, so only a process that
/// died lets its jobs come back. A lease's identity is the row and its
/// attempt number, so a late settle of a lost lease changes nothing.
public final class SQLiteJobQueue: JobQueue {
    private let database: SQLiteDatabase
    private let owner: String
    private let leaseTimeout: Duration
    private let deliveryLimit: Int
    private let held = Mutex(0)
    // Confined to its own queue after `init`; cancelled in `deinit`.
    nonisolated(unsafe) private let renewal: any DispatchSourceTimer

    /// - Parameters:
    ///   - owner: names this process in leases; unique per process.
    ///   - leaseTimeout: how long a leased job stays invisible to others
    ///     without a renewal.
    ///   - deliveryLimit: unsettled deliveries after which a job that keeps
    ///     coming back (its worker dies on it) is delivered once more, for
    ///     the worker to record and dead-letter; if that delivery is lost
    ///     too, the queue dead-letters the job itself.
    public init(
        database: SQLiteDatabase,
        owner: String,
        leaseTimeout: Duration = .seconds(30),
        deliveryLimit: Int = 5
    ) {
        self.database = database
        // Two processes given the same name (a worker restarted under its
        // old --id while the old one is still dying) must never renew or
        // settle each other's leases, so each queue object leases under a
        // name of its own.
        self.owner = "\(owner)/\(UUID().uuidString.prefix(8).lowercased())"
        self.leaseTimeout = leaseTimeout
        self.deliveryLimit = deliveryLimit
        self.renewal = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "voyageur.sqlite.lease"))
        let interval = DispatchTimeInterval.milliseconds(Int(max(leaseTimeout.milliseconds / 3, 10)))
        renewal.schedule(deadline: .now() + interval, repeating: interval)
        renewal.setEventHandler { [weak self] in self?.renewLeases() }
        renewal.resume()
    }

    deinit {
        renewal.cancel()
    }

    public func publish(_ jobs: [OutgoingJob]) async throws {
        guard !jobs.isEmpty else { return }
        try await database.write { connection in
            let now = EpochTime.nowMilliseconds()
            for job in jobs {
                try connection.run(
                    """
                    INSERT INTO queue_jobs (job_id, language, body, available_at, published_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                    [.text(job.jobID), .text(job.language.code), .blob(job.body), .integer(now), .integer(now)]
                )
            }
        }
    }

    public func receive(from language: Language, limit: Int) async throws -> [Delivery] {
        guard limit > 0 else { return [] }
        let owner = owner
        let leaseMilliseconds = leaseTimeout.milliseconds
        let deliveryLimit = deliveryLimit
        let deliveries = try await database.read { connection -> [Delivery] in
            let now = EpochTime.nowMilliseconds()
            // A read first: an idle poll then never takes the write lock
            // that publishers and other workers need.
            guard try Self.hasReadyJob(in: language, at: now, connection) else { return [] }
            return try connection.writeTransaction(isDurable: false) {
                try Self.deadLetterOverLimit(in: language, limit: deliveryLimit, batch: limit, at: now, connection)
                return try Self.lease(
                    from: language,
                    limit: limit,
                    owner: owner,
                    until: now + leaseMilliseconds,
                    at: now,
                    connection
                )
            }
        }
        held.withLock { $0 += deliveries.count }
        return deliveries
    }

    public func settle(_ settlements: [(Delivery, Settlement)]) async throws {
        try await settle(settlements, storing: [])
    }

    /// Stores `results` and settles deliveries in one durable transaction;
    /// for a result store in the same file, see ``SQLiteOutcomeRecorder``.
    func settle(_ settlements: [(Delivery, Settlement)], storing results: [JobResult]) async throws {
        guard !settlements.isEmpty || !results.isEmpty else { return }
        let owner = owner
        try await database.write { connection in
            _ = try SQLiteResultStore.insert(results, connection)
            try Self.apply(settlements, owner: owner, at: EpochTime.nowMilliseconds(), connection)
        }
        held.withLock { $0 -= settlements.count }
    }

    public func release(_ deliveries: [Delivery]) async throws {
        guard !deliveries.isEmpty else { return }
        let owner = owner
        try await database.write { connection in
            let now = EpochTime.nowMilliseconds()
            for delivery in deliveries {
                // Handing a job back unprocessed does not use up an attempt.
                try connection.run(
                    """
                    UPDATE queue_jobs SET lease_owner = NULL, available_at = ?, attempt = attempt - 1
                    WHERE seq = ? AND lease_owner = ? AND attempt = ?
                    """,
                    [.integer(now), .integer(Int64(delivery.tag)), .text(owner), .integer(Int64(delivery.attempt))]
                )
            }
        }
        held.withLock { $0 -= deliveries.count }
    }

    public func depth(of languages: [Language]) async throws -> [QueueDepth] {
        try await database.read { connection in
            let now = EpochTime.nowMilliseconds()
            return try languages.map { language in
                let statement = try connection.prepare(
                    """
                    SELECT
                        COALESCE(SUM(state = 'queued' AND available_at <= ?1), 0),
                        COALESCE(SUM(state = 'queued' AND lease_owner IS NOT NULL AND available_at > ?1), 0),
                        COALESCE(SUM(state = 'queued' AND lease_owner IS NULL AND available_at > ?1), 0),
                        COALESCE(SUM(state = 'dead'), 0)
                    FROM queue_jobs WHERE language = ?2
                    """,
                    [.integer(now), .text(language.code)]
                )
                defer { statement.reset() }
                _ = try statement.step()
                return QueueDepth(
                    language: language,
                    ready: Int(statement.int(0)),
                    inFlight: Int(statement.int(1)),
                    delayed: Int(statement.int(2)),
                    dead: Int(statement.int(3))
                )
            }
        }
    }

    public func deadLetters(limit: Int) async throws -> [DeadLetter] {
        try await database.read { connection in
            let statement = try connection.prepare(
                """
                SELECT job_id, language, dead_reason, attempt, error_history, dead_at, body
                FROM queue_jobs WHERE state = 'dead' ORDER BY dead_at DESC, seq DESC LIMIT ?
                """,
                [.integer(Int64(limit))]
            )
            var letters: [DeadLetter] = []
            while try statement.step() {
                letters.append(
                    DeadLetter(
                        jobID: statement.text(0) ?? "",
                        language: Language(rawValue: statement.text(1) ?? "") ?? .english,
                        reason: statement.text(2) ?? "",
                        attempts: Int(statement.int(3)),
                        errorHistory: ErrorHistory.decode(statement.text(4)),
                        deadAt: EpochTime.date(statement.int(5)),
                        body: statement.blob(6)
                    )
                )
            }
            return letters
        }
    }

    public func replayDeadLetters(jobIDs: [String]) async throws -> [String] {
        try await database.write { connection in
            let now = EpochTime.nowMilliseconds()
            let statement = try connection.prepare(
                """
                UPDATE queue_jobs SET state = 'queued', attempt = 0, retries = 0, available_at = ?, dead_reason = NULL,
                    dead_at = NULL
                WHERE state = 'dead' AND (?2 = 0 OR job_id IN (SELECT value FROM json_each(?3)))
                RETURNING job_id
                """,
                [.integer(now), .integer(Int64(jobIDs.count)), .text(ErrorHistory.encode(jobIDs))]
            )
            var replayed: [String] = []
            while try statement.step() {
                replayed.append(statement.text(0) ?? "")
            }
            return replayed.sorted()
        }
    }

    // MARK: - Statements

    private static func hasReadyJob(in language: Language, at now: Int64, _ connection: SQLiteConnection) throws -> Bool
    {
        let statement = try connection.prepare(
            "SELECT 1 FROM queue_jobs WHERE language = ? AND state = 'queued' AND available_at <= ? LIMIT 1",
            [.text(language.code), .integer(now)]
        )
        defer { statement.reset() }
        return try statement.step()
    }

    /// Moves the next jobs that were already delivered `limit` + 1 times
    /// without being settled (the last of them the one on which a worker
    /// records the job as failed) to the dead letters instead of delivering
    /// them again. Looks only at the `batch` jobs next in line, as a lease
    /// would.
    private static func deadLetterOverLimit(
        in language: Language,
        limit: Int,
        batch: Int,
        at now: Int64,
        _ connection: SQLiteConnection
    ) throws {
        try connection.run(
            """
            UPDATE queue_jobs SET state = 'dead', lease_owner = NULL, dead_at = ?1, dead_reason = ?5
            WHERE attempt - retries > ?2 AND seq IN (
                SELECT seq FROM queue_jobs
                WHERE language = ?3 AND state = 'queued' AND available_at <= ?1
                ORDER BY available_at, seq LIMIT ?4
            )
            """,
            [
                .integer(now), .integer(Int64(limit)), .text(language.code), .integer(Int64(batch)),
                .text(DeadLetter.deliveryLimitReason(limit)),
            ]
        )
    }

    private static func lease(
        from language: Language,
        limit: Int,
        owner: String,
        until expiry: Int64,
        at now: Int64,
        _ connection: SQLiteConnection
    ) throws -> [Delivery] {
        let statement = try connection.prepare(
            """
            UPDATE queue_jobs SET lease_owner = ?, available_at = ?, attempt = attempt + 1
            WHERE seq IN (
                SELECT seq FROM queue_jobs
                WHERE language = ? AND state = 'queued' AND available_at <= ?
                ORDER BY available_at, seq LIMIT ?
            )
            RETURNING seq, job_id, body, attempt, published_at, error_history, attempt - retries - 1
            """,
            [.text(owner), .integer(expiry), .text(language.code), .integer(now), .integer(Int64(limit))]
        )
        var deliveries: [Delivery] = []
        while try statement.step() {
            deliveries.append(
                Delivery(
                    tag: UInt64(statement.int(0)),
                    jobID: statement.text(1) ?? "",
                    language: language,
                    body: statement.blob(2),
                    attempt: Int(statement.int(3)),
                    redeliveries: Int(statement.int(6)),
                    publishedAt: EpochTime.date(statement.int(4)),
                    errorHistory: ErrorHistory.decode(statement.text(5))
                )
            )
        }
        return deliveries.sorted { $0.tag < $1.tag }
    }

    /// Applies settlements to the leases `owner` still holds; a lease that
    /// was lost (its job re-leased by another worker) is left alone.
    private static func apply(
        _ settlements: [(Delivery, Settlement)],
        owner: String,
        at now: Int64,
        _ connection: SQLiteConnection
    ) throws {
        for (delivery, settlement) in settlements {
            let lease: [SQLiteValue] = [.integer(Int64(delivery.tag)), .text(owner), .integer(Int64(delivery.attempt))]
            switch settlement {
            case .ack:
                try connection.run("DELETE FROM queue_jobs WHERE seq = ? AND lease_owner = ? AND attempt = ?", lease)
            case .retry(let delay, let error):
                let history = ErrorHistory.encode(delivery.errorHistory + [error])
                try connection.run(
                    """
                    UPDATE queue_jobs SET lease_owner = NULL, available_at = ?, error_history = ?,
                        retries = retries + 1
                    WHERE seq = ? AND lease_owner = ? AND attempt = ?
                    """,
                    [.integer(now + delay.milliseconds), .text(history)] + lease
                )
            case .deadLetter(let reason):
                let history = ErrorHistory.encode(delivery.errorHistory + [reason])
                try connection.run(
                    """
                    UPDATE queue_jobs SET state = 'dead', lease_owner = NULL, dead_at = ?, dead_reason = ?,
                        error_history = ?
                    WHERE seq = ? AND lease_owner = ? AND attempt = ?
                    """,
                    [.integer(now), .text(reason), .text(history)] + lease
                )
            }
        }
    }

    /// Pushes the expiry of every lease this owner holds one timeout ahead.
    private func renewLeases() {
        guard held.withLock({ $0 }) > 0 else { return }
        let owner = owner
        let leaseMilliseconds = leaseTimeout.milliseconds
        database.perform { connection in
            // A failed renewal is harmless: the next tick tries again, and a
            // lease that lapses only means the job may be delivered twice,
            // which the result store's unique job id absorbs.
            _ = try? connection.writeTransaction(isDurable: false) {
                try connection.run(
                    "UPDATE queue_jobs SET available_at = ? WHERE lease_owner = ? AND state = 'queued'",
                    [.integer(EpochTime.nowMilliseconds() + leaseMilliseconds), .text(owner)]
                )
            }
        }
    }
}

/// A job's error history, stored as a JSON array of strings.
enum ErrorHistory {
    static func encode(_ errors: [String]) -> String {
        String(decoding: JSONValue.array(errors.map(JSONValue.string)).encodedData(), as: UTF8.self)
    }

    static func decode(_ text: String?) -> [String] {
        guard let text else { return [] }
        guard case .array(let values)? = try? JSONValue(parsing: Data(text.utf8)) else { return [] }
        return values.compactMap { value in
            if case .string(let error) = value { return error }
            return nil
        }
    }
}
