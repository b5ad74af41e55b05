import Foundation
import VoyageurControl
import VoyageurCore
import VoyageurRuntime
import VoyageurSQLite

/// The backends a process uses, chosen by `VOYAGEUR_BROKER_URL` and
/// `VOYAGEUR_DATABASE_URL` (both `sqlite:voyageur.db` by default).
public struct Deployment: Sendable {
    public let queue: any JobQueue
    public let store: any ResultStore
    /// Commits finished jobs: one transaction when queue and store share a
    /// SQLite file, otherwise store then settle.
    public let recorder: any OutcomeRecorder
    public let schema: any MigratingStore
    /// Flags, breaker overrides and heartbeats; kept with the results.
    public let control: any ControlStore
    /// Where a worker keeps its last flag snapshot: `VOYAGEUR_FLAG_SNAPSHOT`,
    /// by default beside an embedded database file.
    public let flagSnapshotFile: URL
    /// Whether ``prepareSchema()`` migrates: `VOYAGEUR_AUTO_MIGRATE`, on by
    /// default for an embedded store, where the file is the process's own,
    /// and off elsewhere, where schema changes are an operator's decision
    /// (`voyageurctl migrate`).
    public let autoMigrate: Bool
    /// The queue's URL with credentials hidden.
    public let brokerDescription: String
    /// The store's URL with credentials hidden.
    public let databaseDescription: String

    /// Settings that apply to the embedded queue.
    public struct QueueSettings: Sendable {
        /// Names this process in leases.
        public var owner: String
        /// `VOYAGEUR_LEASE_TIMEOUT`, default 30 s.
        public var leaseTimeout: Duration
        /// `VOYAGEUR_DELIVERY_LIMIT`, default 5.
        public var deliveryLimit: Int

        public init(owner: String, leaseTimeout: Duration = .seconds(30), deliveryLimit: Int = 5) {
            self.owner = owner
            self.leaseTimeout = leaseTimeout
            self.deliveryLimit = deliveryLimit
        }

        public init(owner: String, environment: EnvironmentReader) throws {
            self.init(
                owner: owner,
                leaseTimeout: try environment.duration("VOYAGEUR_LEASE_TIMEOUT", default: .seconds(30)),
                deliveryLimit: try environment.integer("VOYAGEUR_DELIVERY_LIMIT", default: 5, in: 1...1_000)
            )
        }
    }

    /// Opens the configured backends.
    ///
    /// - Throws: ``ConfigurationError`` for a URL this build cannot use, or
    ///   the backend's error when it cannot be reached.
    public static func open(environment: EnvironmentReader, queueSettings: QueueSettings) throws -> Deployment {
        let database = try BackendURL(
            environment.string("VOYAGEUR_DATABASE_URL", default: BackendURL.embeddedDefault),
            variable: "VOYAGEUR_DATABASE_URL"
        )
        let broker = try BackendURL(
            environment.string("VOYAGEUR_BROKER_URL", default: BackendURL.embeddedDefault),
            variable: "VOYAGEUR_BROKER_URL"
        )

        guard case .sqlite(let storePath) = database else {
            throw ConfigurationError(
                variable: "VOYAGEUR_DATABASE_URL",
                message: "only sqlite: databases are supported by this build"
            )
        }
        guard case .sqlite(let queuePath) = broker else {
            throw ConfigurationError(
                variable: "VOYAGEUR_BROKER_URL",
                message: "only sqlite: queues are supported by this build"
            )
        }

        let storeDatabase = SQLiteDatabase(path: storePath)
        let queueDatabase = queuePath == storePath ? storeDatabase : SQLiteDatabase(path: queuePath)
        let queue = SQLiteJobQueue(
            database: queueDatabase,
            owner: queueSettings.owner,
            leaseTimeout: queueSettings.leaseTimeout,
            deliveryLimit: queueSettings.deliveryLimit
        )
        let store = SQLiteResultStore(database: storeDatabase)
        let recorder: any OutcomeRecorder =
            queueDatabase === storeDatabase
            ? SQLiteOutcomeRecorder(queue: queue)
            : SequentialOutcomeRecorder(store: store, queue: queue)
        let snapshotPath = environment.string("VOYAGEUR_FLAG_SNAPSHOT", default: storePath + ".flags.json")
        return Deployment(
            queue: queue,
            store: store,
            recorder: recorder,
            schema: SchemaSet([storeDatabase] + (queueDatabase === storeDatabase ? [] : [queueDatabase])),
            control: SQLiteControlStore(database: storeDatabase),
            flagSnapshotFile: URL(fileURLWithPath: snapshotPath),
            autoMigrate: try environment.bool("VOYAGEUR_AUTO_MIGRATE", default: true),
            brokerDescription: broker.redacted,
            databaseDescription: database.redacted
        )
    }

    /// Migrates when ``autoMigrate`` is set, then checks the schema is current.
    public func prepareSchema() async throws {
        if autoMigrate {
            _ = try await schema.migrate()
        }
        try await schema.requireCurrentSchema()
    }
}

/// The schemas of every database a deployment opened, migrated together.
final class SchemaSet: MigratingStore {
    private let databases: [SQLiteDatabase]

    init(_ databases: [SQLiteDatabase]) {
        self.databases = databases
    }

    func migrate() async throws -> [Int] {
        var applied: [Int] = []
        for database in databases {
            applied += try await database.migrate()
        }
        return applied
    }

    func schemaVersion() async throws -> Int {
        var lowest = Int.max
        for database in databases {
            lowest = min(lowest, try await database.schemaVersion())
        }
        return lowest
    }

    func requireCurrentSchema() async throws {
        for database in databases {
            try await database.requireCurrentSchema()
        }
    }
}
