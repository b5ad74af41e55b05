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
        )
    ]
}
