/// The embedded schema, one migration per version. A migration is never
/// edited once released; a change is a new version.
enum SQLiteSchema {
    struct Migration {
        var version: Int
        var name: String
        var sql: String
    }

    static var latestVersion: Int { migrations.last?.version ?? 0 }

    static let migrations: [Migration] = [
        Migration(
            version: 1,
            name: "queue and results",
            sql: """
                CREATE TABLE queue_jobs (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    job_id TEXT NOT NULL,
                    language TEXT NOT NULL,
                    body BLOB NOT NULL,
                    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'dead')),
                    attempt INTEGER NOT NULL DEFAULT 0,
                    retries INTEGER NOT NULL DEFAULT 0,
                    available_at INTEGER NOT NULL,
                    lease_owner TEXT,
                    published_at INTEGER NOT NULL,
                    error_history TEXT NOT NULL DEFAULT '[]',
                    dead_reason TEXT,
                    dead_at INTEGER
                );
                CREATE INDEX queue_jobs_next ON queue_jobs (language, state, available_at);
                CREATE INDEX queue_jobs_owner ON queue_jobs (lease_owner) WHERE lease_owner IS NOT NULL;

                CREATE TABLE results (
                    job_id TEXT PRIMARY KEY,
                    status TEXT NOT NULL,
                    route TEXT,
                    method TEXT,
                    symbol TEXT,
                    language TEXT,
                    detail TEXT,
                    subject TEXT,
                    recommendation TEXT,
                    text TEXT,
                    reason TEXT,
                    model TEXT,
                    attempts INTEGER NOT NULL,
                    quality REAL,
                    fingerprint TEXT,
                    queue_wait_ms REAL NOT NULL,
                    generation_ms REAL NOT NULL,
                    worker_id TEXT NOT NULL,
                    completed_at INTEGER NOT NULL
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
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    revision INTEGER NOT NULL
                );
                INSERT INTO control_revision (id, revision) VALUES (1, 0);

                CREATE TABLE control_events (
                    revision INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL
                );

                CREATE TABLE feature_flags (
                    name TEXT PRIMARY KEY,
                    enabled INTEGER NOT NULL,
                    rollout_percentage INTEGER NOT NULL CHECK (rollout_percentage BETWEEN 0 AND 100),
                    revision INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    updated_by TEXT NOT NULL
                );

                CREATE TABLE emergency_saved_flags (
                    name TEXT PRIMARY KEY,
                    enabled INTEGER NOT NULL,
                    rollout_percentage INTEGER NOT NULL
                );

                CREATE TABLE breaker_overrides (
                    route TEXT NOT NULL,
                    language TEXT NOT NULL,
                    command TEXT NOT NULL CHECK (command IN ('open', 'close', 'reset')),
                    revision INTEGER NOT NULL,
                    issued_at INTEGER NOT NULL,
                    issued_by TEXT NOT NULL,
                    PRIMARY KEY (route, language)
                );

                CREATE TABLE worker_heartbeats (
                    worker_id TEXT PRIMARY KEY,
                    updated_at INTEGER NOT NULL,
                    body TEXT NOT NULL
                );
                """
        ),
    ]
}
