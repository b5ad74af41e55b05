import Foundation
import VoyageurControl
import VoyageurCore
import VoyageurPostgres
import VoyageurRuntime
import VoyageurSQLite

/// The result and control stores behind `VOYAGEUR_DATABASE_URL`.
struct Stores {
    let results: any ResultStore
    let control: any ControlStore
    let migrating: [any MigratingStore]
    /// The SQLite file, for an embedded store.
    private let embedded: SQLiteDatabase?

    init(_ url: BackendURL, environment: EnvironmentReader) throws {
        switch url {
        case .sqlite(let path):
            let database = SQLiteDatabase(path: path)
            results = SQLiteResultStore(database: database)
            control = SQLiteControlStore(database: database)
            migrating = [database]
            embedded = database
        case .postgres(let address):
            let database = PostgresDatabase(url: address)
            // Per-job reads get a connection of their own, so that they
            // never queue behind a group commit.
            results = PostgresResultStore(database: database, reader: PostgresDatabase(url: address))
            control = PostgresControlStore(database: database)
            migrating = [database]
            embedded = nil
        case .amqp:
            throw ConfigurationError(
                variable: "VOYAGEUR_DATABASE_URL",
                message: "must be a sqlite: or postgres:// URL"
            )
        }
    }

    var isEmbedded: Bool { embedded != nil }

    /// The store's own SQLite database when it is the file at `path`.
    func sqlite(at path: String) -> SQLiteDatabase? {
        embedded?.path == path ? embedded : nil
    }

    /// `VOYAGEUR_FLAG_SNAPSHOT`; by default beside an embedded file, or in
    /// systemd's state directory, or the working directory.
    func snapshotPath(_ environment: EnvironmentReader) throws -> String {
        if let path = environment.string("VOYAGEUR_FLAG_SNAPSHOT") {
            return path
        }
        if let embedded {
            return embedded.path + ".flags.json"
        }
        let directory = environment.string("STATE_DIRECTORY")?.split(separator: ":").first.map(String.init) ?? "."
        return directory + "/voyageur-flags.json"
    }
}
