import Foundation
import VoyageurCore
import VoyageurSQLite

/// A migrated database file in a directory of its own, removed on deinit.
final class TemporaryDatabase: Sendable {
    let directory: URL
    let database: SQLiteDatabase

    init() async throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("voyageur-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = SQLiteDatabase(path: directory.appendingPathComponent("test.db").path)
        _ = try await database.migrate()
    }

    var path: String { database.path }

    func queue(owner: String, leaseTimeout: Duration = .seconds(30), deliveryLimit: Int = 5) -> SQLiteJobQueue {
        SQLiteJobQueue(database: database, owner: owner, leaseTimeout: leaseTimeout, deliveryLimit: deliveryLimit)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}

func job(_ id: String, _ language: Language = .english) -> OutgoingJob {
    OutgoingJob(jobID: id, language: language, body: Data("{\"id\":\"\(id)\"}".utf8))
}
