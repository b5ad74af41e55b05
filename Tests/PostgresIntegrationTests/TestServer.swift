import Foundation
import Testing

@testable import VoyageurPostgres

/// The server that `scripts/postgres-test-server.sh` started, named by
/// `VOYAGEUR_TEST_POSTGRES_URL` (and `VOYAGEUR_TEST_POSTGRES_DIR`, the
/// script's directory, for the tests that stop and start it).
enum TestServer {
    static let url = ProcessInfo.processInfo.environment["VOYAGEUR_TEST_POSTGRES_URL"]
    static let directory = ProcessInfo.processInfo.environment["VOYAGEUR_TEST_POSTGRES_DIR"]

    static var isConfigured: Bool { url != nil }

    static var canRestart: Bool { url != nil && directory != nil }

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("scripts/postgres-test-server.sh")

    /// The server's URL with another database, user or password.
    static func url(database: String? = nil, user: String? = nil, password: String? = nil) throws -> String {
        let base = try #require(url)
        var components = try #require(URLComponents(string: base))
        if let database {
            components.path = "/" + database
        }
        if let user {
            components.user = user
        }
        if let password {
            components.password = password
        }
        return try #require(components.string)
    }

    /// Runs the script with `command` (`start` or `stop`) and waits for it.
    static func run(_ command: String) async throws {
        let directory = try #require(directory)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, command, directory]
        process.standardOutput = FileHandle.nullDevice
        let status = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { process in
                continuation.resume(returning: process.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
            }
        }
        #expect(status == 0, "postgres-test-server.sh \(command) failed")
    }
}

/// A database of its own for one test, with a random name, dropped after.
struct TestDatabase {
    let name: String
    let url: String
    let database: PostgresDatabase

    /// Creates the database (migrated unless `migrated` is false), runs
    /// `body`, and drops it even when `body` throws.
    static func with<T>(
        migrated: Bool = true,
        _ body: (TestDatabase) async throws -> T
    ) async throws -> T {
        let admin = PostgresDatabase(url: try TestServer.url())
        let name = "voyageur_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await admin.read("create test database") { try $0.execute("CREATE DATABASE \(name)") }

        let test = TestDatabase(name: name, url: try TestServer.url(database: name), database: nil)
        do {
            if migrated {
                _ = try await test.database.migrate()
            }
            let value = try await body(test)
            try await drop(name, admin)
            return value
        } catch {
            try? await drop(name, admin)
            throw error
        }
    }

    private init(name: String, url: String, database: PostgresDatabase?) {
        self.name = name
        self.url = url
        self.database = database ?? PostgresDatabase(url: url)
    }

    private static func drop(_ name: String, _ admin: PostgresDatabase) async throws {
        try await admin.read("drop test database") {
            try $0.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    /// Runs one statement as the test's superuser, for checks.
    func query(_ sql: String) async throws -> [[String?]] {
        try await database.read("test query") { connection in
            try connection.query(sql).rows.map(\.values)
        }
    }
}

/// The first value of `stream` that satisfies `predicate` within `limit`,
/// or nil. A timeout ends the stream.
func first(
    _ stream: AsyncStream<Int64>,
    within limit: Duration,
    where predicate: @escaping @Sendable (Int64) -> Bool = { _ in true }
) async -> Int64? {
    await withTaskGroup(of: Int64?.self) { group in
        group.addTask {
            for await value in stream where predicate(value) {
                return value
            }
            return nil
        }
        group.addTask {
            try? await Task.sleep(for: limit)
            return nil
        }
        let value = await group.next() ?? nil
        group.cancelAll()
        return value
    }
}

/// Every PostgreSQL test, one at a time: one of them stops the server.
@Suite(
    "PostgreSQL backend",
    .serialized,
    .enabled(if: TestServer.isConfigured, "set VOYAGEUR_TEST_POSTGRES_URL"),
    .timeLimit(.minutes(2))
)
struct PostgresIntegrationTests {}
