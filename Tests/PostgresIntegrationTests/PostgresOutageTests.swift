import Foundation
import Testing
import VoyageurControl
import VoyageurCore
import VoyageurPostgres

extension PostgresIntegrationTests {
    @Suite("PostgreSQL outages and credentials")
    struct OutageTests {
        @Test(
            "a server restart is an outage that the same store objects recover from",
            .enabled(if: TestServer.canRestart, "set VOYAGEUR_TEST_POSTGRES_DIR")
        )
        func restart() async throws {
            try await TestDatabase.with { test in
                let control = PostgresControlStore(database: test.database)
                let results = PostgresResultStore(database: test.database)
                _ = try await control.setFlag(.frenchGeneration, to: FlagState(enabled: false), by: "t")
                let changes = control.controlChanges()
                #expect(await first(changes, within: .seconds(5)) == 1)

                try await TestServer.run("stop")
                var outage: (any Error)?
                do {
                    _ = try await control.flags()
                } catch {
                    outage = error
                }
                do {
                    _ = try await results.hasResult(jobID: "a")
                } catch {
                    outage = outage ?? error
                }
                try await TestServer.run("start")

                let failure = try #require(outage as? PostgresError)
                #expect(failure.isOutage)
                #expect(try await control.flags()[.frenchGeneration].enabled == false)
                let stored = JobResult(jobID: "after-restart", status: .succeeded, workerID: "w", completedAt: Date())
                #expect(try await results.save([stored]) == 1)

                // The listener reconnects, listens again and reports what it missed.
                _ = try await control.setFlag(.frenchGeneration, to: FlagState(enabled: true), by: "t")
                #expect(await first(changes, within: .seconds(10)) { $0 >= 2 } == 2)
            }
        }

        @Test("a wrong password fails without an outage and never shows the password or URL")
        func wrongPassword() async throws {
            try await TestDatabase.with { test in
                let role = "voyageur_pw_" + String(test.name.suffix(8))
                _ = try await test.query("CREATE ROLE \(role) LOGIN PASSWORD 'the-right-one'")
                _ = try await test.query("GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(role)")
                var failure: (any Error)?
                do {
                    try await checkWrongPassword(role: role, database: test.name)
                } catch {
                    failure = error
                }
                _ = try await test.query("DROP OWNED BY \(role)")
                _ = try await test.query("DROP ROLE \(role)")
                if let failure {
                    throw failure
                }
            }
        }

        private func checkWrongPassword(role: String, database: String) async throws {
            let secret = "Wr0ng-S3cret-Pa55"
            let url = try TestServer.url(database: database, user: role, password: secret)
            let store = PostgresControlStore(database: PostgresDatabase(url: url))
            let error = try await #require(throws: PostgresError.self) { try await store.flags() }
            #expect(error.code == .authentication)
            #expect(!error.isOutage)
            expectNoSecret(in: error, secret: secret, url: url)

            let right = try TestServer.url(database: database, user: role, password: "the-right-one")
            #expect(try await PostgresControlStore(database: PostgresDatabase(url: right)).flags().version == 0)
        }

        @Test("an unreachable server is an outage whose description hides the password")
        func unreachable() async throws {
            let secret = "An0ther-S3cret"
            let url = "postgres://voyageur:\(secret)@127.0.0.1:1/voyageur"
            let store = PostgresResultStore(database: PostgresDatabase(url: url))
            let error = try await #require(throws: PostgresError.self) { try await store.hasResult(jobID: "a") }
            #expect(error.isOutage)
            expectNoSecret(in: error, secret: secret, url: url)
        }

        @Test("a malformed URL is refused without quoting it")
        func malformedURL() async throws {
            let secret = "Th1rd-S3cret"
            let url = "postgres://voyageur:\(secret)@127.0.0.1:notaport/voyageur?sslmode=%zz"
            let store = PostgresResultStore(database: PostgresDatabase(url: url))
            let error = try await #require(throws: PostgresError.self) { try await store.hasResult(jobID: "a") }
            #expect(error.code == .invalidURL)
            expectNoSecret(in: error, secret: secret, url: url)
        }

        @Test("a refused statement names its condition, not its SQL or values")
        func statementError() async throws {
            try await TestDatabase.with { test in
                _ = try await test.query("DROP TABLE results")
                let store = PostgresResultStore(database: test.database)
                let error = try await #require(throws: PostgresError.self) {
                    try await store.hasResult(jobID: "secret-job-id")
                }
                #expect(error.code == .statement(sqlState: "42P01"))
                #expect(!error.isOutage)
                #expect(!error.description.contains("secret-job-id"))
                #expect(!error.description.contains("SELECT"))
                #expect(error.description.contains("find result"))
            }
        }

        private func expectNoSecret(in error: PostgresError, secret: String, url: String) {
            for text in [error.description, "\(error)", String(reflecting: error), error.message] {
                #expect(!text.contains(secret))
                #expect(!text.contains(url))
            }
        }
    }
}
