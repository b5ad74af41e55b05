/// The PostgreSQL schema, one migration per version. A migration is never
/// edited once released; a change is a new version.
///
/// The same tables as the embedded schema, but for the queue, which is
/// RabbitMQ's: times are `timestamptz`, flags `boolean`, heartbeats `jsonb`.
enum PostgresSchema {
    struct Migration {
        var version: Int
        var name: String
        var sql: String
    }

    static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// The key of the advisory lock that serialises migrations.
    static let migrationLockKey: Int64 = 0x766f_7961_6765_7572

    static let migrations: [Migration] = [
        Migration(
            version: 1,
            name: "results",
            sql: """
                CREATE TABLE results (
                    job_id text PRIMARY KEY,
                    status text NOT NULL,
                    route text,
                    method text,
                    symbol text,
                    language text,
                    detail text,
                    subject text,
                    recommendation text,
                    text text,
                    reason text,
                    model text,
                    attempts integer NOT NULL,
                    quality double precision,
                    fingerprint text,
                    queue_wait_ms double precision NOT NULL,
                    generation_ms double precision NOT NULL,
                    worker_id text NOT NULL,
                    completed_at timestamptz NOT NULL
                );
                CREATE INDEX results_completed ON results (completed_at);
                CREATE INDEX results_symbol ON results (symbol, completed_at);
                CREATE INDEX results_fingerprint ON results (fingerprint, completed_at)
                    WHERE fingerprint IS NOT NULL;
                """
        ),
        Migration(
            version: 2,
            name: "flags, breaker overrides and heartbeats",
            sql: """
                CREATE TABLE control_revision (
                    id integer PRIMARY KEY CHECK (id = 1),
                    revision bigint NOT NULL
                );
                INSERT INTO control_revision (id, revision) VALUES (1, 0);

                CREATE TABLE control_events (
                    revision bigint PRIMARY KEY,
                    at timestamptz NOT NULL,
                    actor text NOT NULL,
                    action text NOT NULL
                );

                CREATE TABLE feature_flags (
                    name text PRIMARY KEY,
                    enabled boolean NOT NULL,
                    rollout_percentage integer NOT NULL CHECK (rollout_percentage BETWEEN 0 AND 100),
                    revision bigint NOT NULL,
                    updated_at timestamptz NOT NULL,
                    updated_by text NOT NULL
                );

                CREATE TABLE emergency_saved_flags (
                    name text PRIMARY KEY,
                    enabled boolean NOT NULL,
                    rollout_percentage integer NOT NULL
                );

                CREATE TABLE breaker_overrides (
                    route text NOT NULL,
                    language text NOT NULL,
                    command text NOT NULL CHECK (command IN ('open', 'close', 'reset')),
                    revision bigint NOT NULL,
                    issued_at timestamptz NOT NULL,
                    issued_by text NOT NULL,
                    PRIMARY KEY (route, language)
                );

                CREATE TABLE worker_heartbeats (
                    worker_id text PRIMARY KEY,
                    updated_at timestamptz NOT NULL,
                    body jsonb NOT NULL
                );
                """
        ),
    ]
}
