import Foundation
import VoyageurControl
import VoyageurCore

/// Flags, breaker overrides and heartbeats in the embedded SQLite file.
public final class SQLiteControlStore: ControlStore {
    private let database: SQLiteDatabase

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public func controlRevision() async throws -> Int64 {
        try await database.read { connection in try Self.revision(connection) }
    }

    public func flags() async throws -> FlagSnapshot {
        try await database.read { connection in try Self.snapshot(connection) }
    }

    public func setFlag(_ flag: FeatureFlag, to state: FlagState, by actor: String) async throws -> FlagSnapshot {
        try await database.write { connection in
            let action =
                "set \(flag.name) \(state.enabled ? "enabled" : "disabled") rollout \(state.rolloutPercentage)%"
            let revision = try Self.bump(connection, actor: actor, action: action)
            try Self.store(flag, state, revision: revision, actor: actor, connection)
            return try Self.snapshot(connection)
        }
    }

    public func enableEmergency(by actor: String) async throws -> Bool {
        try await database.write { connection in
            let current = try Self.snapshot(connection)
            guard !current.isEmergencyActive else { return false }
            let revision = try Self.bump(connection, actor: actor, action: "emergency disable")
            try connection.run("DELETE FROM emergency_saved_flags")
            for (flag, state) in current.emergencySavedStates {
                try connection.run(
                    "INSERT INTO emergency_saved_flags (name, enabled, rollout_percentage) VALUES (?, ?, ?)",
                    [.text(flag.name), .integer(state.enabled ? 1 : 0), .integer(Int64(state.rolloutPercentage))]
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
        try await database.write { connection in
            let current = try Self.snapshot(connection)
            guard current.isEmergencyActive else { return false }
            let revision = try Self.bump(connection, actor: actor, action: "emergency clear")
            let statement = try connection.prepare(
                "SELECT name, enabled, rollout_percentage FROM emergency_saved_flags")
            var saved: [FeatureFlag: FlagState] = [:]
            while try statement.step() {
                guard let flag = FeatureFlag(rawValue: statement.text(0) ?? "") else { continue }
                saved[flag] = FlagState(enabled: statement.int(1) != 0, rolloutPercentage: Int(statement.int(2)))
            }
            let next = current.clearingEmergency(restoring: saved)
            for flag in FeatureFlag.allCases where next[flag] != current[flag] {
                try Self.store(flag, next[flag], revision: revision, actor: actor, connection)
            }
            try connection.run("DELETE FROM emergency_saved_flags")
            return true
        }
    }

    public func touch(by actor: String) async throws -> Int64 {
        try await database.write { connection in
            try Self.bump(connection, actor: actor, action: "refresh")
        }
    }

    public func breakerOverrides() async throws -> [BreakerOverride] {
        try await database.read { connection in
            let statement = try connection.prepare(
                """
                SELECT route, language, command, revision, issued_at, issued_by
                FROM breaker_overrides ORDER BY revision
                """
            )
            var overrides: [BreakerOverride] = []
            while try statement.step() {
                guard let route = Route(rawValue: statement.text(0) ?? ""),
                    let language = Language(rawValue: statement.text(1) ?? ""),
                    let command = BreakerCommand(rawValue: statement.text(2) ?? "")
                else { continue }
                overrides.append(
                    BreakerOverride(
                        key: BreakerKey(route: route, language: language),
                        command: command,
                        revision: statement.int(3),
                        issuedAt: EpochTime.date(statement.int(4)),
                        issuedBy: statement.text(5) ?? ""
                    )
                )
            }
            return overrides
        }
    }

    public func setBreakerOverride(_ command: BreakerCommand, for keys: [BreakerKey], by actor: String) async throws {
        try await database.write { connection in
            let names = keys.map(\.description).joined(separator: " ")
            let revision = try Self.bump(connection, actor: actor, action: "breaker \(command.rawValue) \(names)")
            for key in keys {
                try connection.run(
                    """
                    INSERT INTO breaker_overrides (route, language, command, revision, issued_at, issued_by)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (route, language) DO UPDATE SET command = excluded.command,
                        revision = excluded.revision, issued_at = excluded.issued_at, issued_by = excluded.issued_by
                    """,
                    [
                        .text(key.route.rawValue), .text(key.language.code), .text(command.rawValue),
                        .integer(revision), .integer(EpochTime.nowMilliseconds()), .text(actor),
                    ]
                )
            }
        }
    }

    public func saveHeartbeat(_ heartbeat: WorkerHeartbeat) async throws {
        let body = try String(decoding: Self.encoder.encode(heartbeat), as: UTF8.self)
        try await database.write(isDurable: false) { connection in
            try connection.run(
                """
                INSERT INTO worker_heartbeats (worker_id, updated_at, body) VALUES (?, ?, ?)
                ON CONFLICT (worker_id) DO UPDATE SET updated_at = excluded.updated_at, body = excluded.body
                """,
                [
                    .text(heartbeat.workerID), .integer(EpochTime.milliseconds(heartbeat.updatedAt)),
                    .text(body),
                ]
            )
        }
    }

    public func heartbeats() async throws -> [WorkerHeartbeat] {
        let bodies = try await database.read { connection -> [String] in
            let statement = try connection.prepare("SELECT body FROM worker_heartbeats ORDER BY updated_at DESC")
            var bodies: [String] = []
            while try statement.step() {
                bodies.append(statement.text(0) ?? "")
            }
            return bodies
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

    private static func revision(_ connection: SQLiteConnection) throws -> Int64 {
        let statement = try connection.prepare("SELECT revision FROM control_revision WHERE id = 1")
        defer { statement.reset() }
        return try statement.step() ? statement.int(0) : 0
    }

    /// Increments the revision and records who changed what.
    @discardableResult
    private static func bump(_ connection: SQLiteConnection, actor: String, action: String) throws -> Int64 {
        try connection.run("UPDATE control_revision SET revision = revision + 1 WHERE id = 1")
        let revision = try Self.revision(connection)
        try connection.run(
            "INSERT INTO control_events (revision, at, actor, action) VALUES (?, ?, ?, ?)",
            [.integer(revision), .integer(EpochTime.nowMilliseconds()), .text(actor), .text(action)]
        )
        return revision
    }

    private static func store(
        _ flag: FeatureFlag,
        _ state: FlagState,
        revision: Int64,
        actor: String,
        _ connection: SQLiteConnection
    ) throws {
        try connection.run(
            """
            INSERT INTO feature_flags (name, enabled, rollout_percentage, revision, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET enabled = excluded.enabled,
                rollout_percentage = excluded.rollout_percentage, revision = excluded.revision,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """,
            [
                .text(flag.name), .integer(state.enabled ? 1 : 0), .integer(Int64(state.rolloutPercentage)),
                .integer(revision), .integer(EpochTime.nowMilliseconds()), .text(actor),
            ]
        )
    }

    private static func snapshot(_ connection: SQLiteConnection) throws -> FlagSnapshot {
        let statement = try connection.prepare("SELECT name, enabled, rollout_percentage FROM feature_flags")
        var states: [FeatureFlag: FlagState] = [:]
        while try statement.step() {
            guard let flag = FeatureFlag(rawValue: statement.text(0) ?? "") else { continue }
            states[flag] = FlagState(enabled: statement.int(1) != 0, rolloutPercentage: Int(statement.int(2)))
        }
        return FlagSnapshot(states: states, version: try revision(connection), loadedAt: Date())
    }
}
