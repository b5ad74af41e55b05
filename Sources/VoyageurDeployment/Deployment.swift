import Foundation
import VoyageurAMQP
import VoyageurControl
import VoyageurCore
import VoyageurPostgres
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
        /// Deliveries a broker may push ahead per language (`basic.qos`):
        /// the worker's concurrency. Empty for processes that only publish.
        public var prefetch: [Language: Int]

        public init(
            owner: String,
            leaseTimeout: Duration = .seconds(30),
            deliveryLimit: Int = 5,
            prefetch: [Language: Int] = [:]
        ) {
            self.owner = owner
            self.leaseTimeout = leaseTimeout
            self.deliveryLimit = deliveryLimit
            self.prefetch = prefetch
        }

        public init(owner: String, prefetch: [Language: Int] = [:], environment: EnvironmentReader) throws {
            self.init(
                owner: owner,
                leaseTimeout: try environment.duration("VOYAGEUR_LEASE_TIMEOUT", default: .seconds(30)),
                deliveryLimit: try environment.integer("VOYAGEUR_DELIVERY_LIMIT", default: 5, in: 1...1_000),
                prefetch: prefetch
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

        let stores = try Stores(database, environment: environment)
        let queue: any JobQueue
        let recorder: any OutcomeRecorder
        var migrating = stores.migrating
        switch broker {
        case .sqlite(let path):
            let queueDatabase = stores.sqlite(at: path) ?? SQLiteDatabase(path: path)
            let sqliteQueue = SQLiteJobQueue(
                database: queueDatabase,
                owner: queueSettings.owner,
                leaseTimeout: queueSettings.leaseTimeout,
                deliveryLimit: queueSettings.deliveryLimit
            )
            queue = sqliteQueue
            if stores.sqlite(at: path) != nil {
                // Queue and results in one file: one transaction for both.
                recorder = SQLiteOutcomeRecorder(queue: sqliteQueue)
            } else {
                recorder = SequentialOutcomeRecorder(store: stores.results, queue: sqliteQueue)
                migrating.append(queueDatabase)
            }
        case .amqp(let address):
            let url: AMQPURL
            do {
                url = try AMQPURL(parsing: address)
            } catch {
                throw ConfigurationError(variable: "VOYAGEUR_BROKER_URL", message: error.description)
            }
            var settings = AMQPQueueSettings(url: url)
            settings.deliveryLimit = queueSettings.deliveryLimit
            if !queueSettings.prefetch.isEmpty {
                settings.prefetch = queueSettings.prefetch
            }
            let amqpQueue = AMQPJobQueue(settings: settings)
            queue = amqpQueue
            recorder = SequentialOutcomeRecorder(store: stores.results, queue: amqpQueue)
        case .postgres:
            throw ConfigurationError(
                variable: "VOYAGEUR_BROKER_URL",
                message: "must be a sqlite: or amqp:// URL"
            )
        }

        return Deployment(
            queue: queue,
            store: stores.results,
            recorder: recorder,
            schema: SchemaSet(migrating),
            control: stores.control,
            flagSnapshotFile: URL(fileURLWithPath: try stores.snapshotPath(environment)),
            autoMigrate: try environment.bool("VOYAGEUR_AUTO_MIGRATE", default: stores.isEmbedded),
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
    private let stores: [any MigratingStore]

    init(_ stores: [any MigratingStore]) {
        self.stores = stores
    }

    func migrate() async throws -> [Int] {
        var applied: [Int] = []
        for store in stores {
            applied += try await store.migrate()
        }
        return applied
    }

    func schemaVersion() async throws -> Int {
        var lowest = Int.max
        for store in stores {
            lowest = min(lowest, try await store.schemaVersion())
        }
        return lowest
    }

    func requireCurrentSchema() async throws {
        for store in stores {
            try await store.requireCurrentSchema()
        }
    }
}
