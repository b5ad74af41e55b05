import Foundation
import VoyageurControl
import VoyageurCore

/// Flags, breaker overrides and heartbeats in PostgreSQL.
///
/// Every change to flags or overrides bumps the revision and sends
/// `NOTIFY voyageur_control, '<revision>'` in its transaction, so that
/// ``controlChanges()`` streams reach every process at commit. Changes are
/// serialised by a row lock on the revision.
public final class PostgresControlStore: ControlStore, ControlChangeNotifying {
    /// The channel every change is announced on.
    public static let channel = "voyageur_control"

    let database: PostgresDatabase

    public init(database: PostgresDatabase) {
        self.database = database
    }

    public func controlRevision() async throws -> Int64 {
        try await database.read("read control revision") { connection in
            try Self.revision(connection, locking: false)
        }
    }

    public func flags() async throws -> FlagSnapshot {
        try await database.read("read flags") { connection in try Self.snapshot(connection) }
    }

    public func setFlag(_ flag: FeatureFlag, to state: FlagState, by actor: String) async throws -> FlagSnapshot {
        try await database.write("set flag") { connection in
            let switched = state.enabled ? "enabled" : "disabled"
            let action = "set \(flag.name) \(switched) rollout \(state.rolloutPercentage)%"
            let revision = try Self.bump(connection, actor: actor, action: action)
            try Self.store(flag, state, revision: revision, actor: actor, connection)
            return try Self.snapshot(connection)
        }
    }

    public func enableEmergency(by actor: String) async throws -> Bool {
        try await database.write("enable emergency") { connection in
            try Self.revision(connection, locking: true)
            let current = try Self.snapshot(connection)
            guard !current.isEmergencyActive else { return false }
            let revision = try Self.bump(connection, actor: actor, action: "emergency disable")
            try connection.query("DELETE FROM emergency_saved_flags")
            for (flag, state) in current.emergencySavedStates {
                try connection.query(
                    """
                    INSERT INTO emergency_saved_flags (name, enabled, rollout_percentage)
                    VALUES ($1, $2::boolean, $3::integer)
                    """,
                    [.text(flag.name), .bool(state.enabled), .integer(Int64(state.rolloutPercentage))]
                )
            }
            let next = current.applyingEmergency()
            for flag in FeatureFlag.allCases where next[flag] != current[flag] {
                try Self.store(flag, next[flag], revision: revision, actor: actor, connection)
            }
            return true
        }
    }

    public func clearEmergency(by actor: String) async throws -> Bool {
        try await database.write("clear emergency") { connection in
            try Self.revision(connection, locking: true)
            let current = try Self.snapshot(connection)
            guard current.isEmergencyActive else { return false }
            let revision = try Self.bump(connection, actor: actor, action: "emergency clear")
            let rows = try connection.query(
                "SELECT name, enabled, rollout_percentage FROM emergency_saved_flags")
            var saved: [FeatureFlag: FlagState] = [:]
            for row in rows.rows {
                guard let flag = FeatureFlag(rawValue: row.text(0) ?? "") else { continue }
                saved[flag] = FlagState(enabled: row.bool(1), rolloutPercentage: Int(row.int(2)))
            }
            let next = current.clearingEmergency(restoring: saved)
            for flag in FeatureFlag.allCases where next[flag] != current[flag] {
                try Self.store(flag, next[flag], revision: revision, actor: actor, connection)
            }
            try connection.query("DELETE FROM emergency_saved_flags")
            return true
        }
    }

    public func touch(by actor: String) async throws -> Int64 {
        try await database.write("refresh flags") { connection in
            try Self.bump(connection, actor: actor, action: "refresh")
        }
    }

    public func breakerOverrides() async throws -> [BreakerOverride] {
        try await database.read("read breaker overrides") { connection in
            let reply = try connection.query(
                """
                SELECT route, language, command, revision, extract(epoch FROM issued_at)::float8, issued_by
                FROM breaker_overrides ORDER BY revision
                """
            )
            return reply.rows.compactMap { row in
                guard let route = Route(rawValue: row.text(0) ?? ""),
                    let language = Language(rawValue: row.text(1) ?? ""),
                    let command = BreakerCommand(rawValue: row.text(2) ?? "")
                else { return nil }
                return BreakerOverride(
                    key: BreakerKey(route: route, language: language),
                    command: command,
                    revision: row.int(3),
                    issuedAt: row.date(4),
                    issuedBy: row.text(5) ?? ""
                )
            }
        }
    }

    public func setBreakerOverride(_ command: BreakerCommand, for keys: [BreakerKey], by actor: String) async throws {
        try await database.write("set breaker override") { connection in
            let names = keys.map(\.description).joined(separator: " ")
            let action = "breaker \(command.rawValue) \(names)"
            let revision = try Self.bump(connection, actor: actor, action: action)
            for key in keys {
                try connection.query(
                    """
                    INSERT INTO breaker_overrides (route, language, command, revision, issued_at, issued_by)
                    VALUES ($1, $2, $3, $4::bigint, now(), $5)
                    ON CONFLICT (route, language) DO UPDATE SET command = excluded.command,
                        revision = excluded.revision, issued_at = excluded.issued_at,
                        issued_by = excluded.issued_by
                    """,
                    [
                        .text(key.route.rawValue), .text(key.language.code), .text(command.rawValue),
                        .integer(revision), .text(actor),
                    ]
                )
            }
        }
    }

    public func saveHeartbeat(_ heartbeat: WorkerHeartbeat) async throws {
        let body = try String(decoding: Self.encoder.encode(heartbeat), as: UTF8.self)
        try await database.write("save heartbeat") { connection in
            // A heartbeat lost in a crash is replaced by the next one: no
            // need to wait for the disk.
            try connection.execute("SET LOCAL synchronous_commit = off")
            try connection.query(
                """
                INSERT INTO worker_heartbeats (worker_id, updated_at, body)
                VALUES ($1, to_timestamp($2::float8), $3::jsonb)
                ON CONFLICT (worker_id) DO UPDATE SET updated_at = excluded.updated_at, body = excluded.body
                """,
                [.text(heartbeat.workerID), .timestamp(heartbeat.updatedAt), .text(body)]
            )
        }
    }

    public func heartbeats() async throws -> [WorkerHeartbeat] {
        let bodies = try await database.read("read heartbeats") { connection -> [String] in
            let reply = try connection.query(
                "SELECT body::text FROM worker_heartbeats ORDER BY updated_at DESC")
            return reply.rows.compactMap { $0.text(0) }
        }
        return bodies.compactMap { try? Self.decoder.decode(WorkerHeartbeat.self, from: Data($0.utf8)) }
    }

    // MARK: - Statements

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()

    /// The current revision; with `locking`, also holds its row until the
    /// transaction ends, so that read-then-write changes do not interleave.
    @discardableResult
    private static func revision(_ connection: PostgresConnection, locking: Bool) throws -> Int64 {
        let lock = locking ? " FOR UPDATE" : ""
        let reply = try connection.query("SELECT revision FROM control_revision WHERE id = 1\(lock)")
        return reply.first?.int(0) ?? 0
    }

    /// Increments the revision, records who changed what, and announces
    /// the new revision at commit.
    @discardableResult
    private static func bump(_ connection: PostgresConnection, actor: String, action: String) throws -> Int64 {
        let reply = try connection.query(
            "UPDATE control_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision")
        guard let revision = reply.first.map({ $0.int(0) }) else {
            throw PostgresError(
                code: .unexpectedReply, operation: "bump revision", message: "no control revision row")
        }
        try connection.query(
            "INSERT INTO control_events (revision, at, actor, action) VALUES ($1::bigint, now(), $2, $3)",
            [.integer(revision), .text(actor), .text(action)]
        )
        try connection.query(
            "SELECT pg_notify($1, $2)",
            [.text(channel), .text(String(revision))]
        )
        return revision
    }

    private static func store(
        _ flag: FeatureFlag,
        _ state: FlagState,
        revision: Int64,
        actor: String,
        _ connection: PostgresConnection
    ) throws {
        try connection.query(
            """
            INSERT INTO feature_flags (name, enabled, rollout_percentage, revision, updated_at, updated_by)
            VALUES ($1, $2::boolean, $3::integer, $4::bigint, now(), $5)
            ON CONFLICT (name) DO UPDATE SET enabled = excluded.enabled,
                rollout_percentage = excluded.rollout_percentage, revision = excluded.revision,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """,
            [
                .text(flag.name), .bool(state.enabled), .integer(Int64(state.rolloutPercentage)),
                .integer(revision), .text(actor),
            ]
        )
    }

    /// Every flag and the revision, read by one statement so that they
    /// agree.
    private static func snapshot(_ connection: PostgresConnection) throws -> FlagSnapshot {
        let reply = try connection.query(
            """
            SELECT r.revision, f.name, f.enabled, f.rollout_percentage
            FROM control_revision r LEFT JOIN feature_flags f ON true
            WHERE r.id = 1
            """
        )
        var states: [FeatureFlag: FlagState] = [:]
        for row in reply.rows {
            guard let flag = FeatureFlag(rawValue: row.text(1) ?? "") else { continue }
            states[flag] = FlagState(enabled: row.bool(2), rolloutPercentage: Int(row.int(3)))
        }
        return FlagSnapshot(states: states, version: reply.first?.int(0) ?? 0, loadedAt: Date())
    }
}
