import Foundation
import Testing
import VoyageurGeneration
import VoyageurLLM

/// Runs `scripts/llm-test-server.sh` with its own port and state folder,
/// without blocking the cooperative pool while it works.
private struct TestServer {
    static let repositoryRoot = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let port: Int
    let stateDirectory: URL

    var url: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(filePath: "/") }

    func run(_ command: String) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(filePath: "/bin/bash")
        process.arguments = [
            Self.repositoryRoot.appending(path: "scripts/llm-test-server.sh").path, command, stateDirectory.path,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["LLM_TEST_PORT"] = String(port)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()

        // Polled rather than awaited through `terminationHandler`, which this
        // toolchain's Foundation does not always call; the sleep keeps the
        // cooperative pool free.
        let pid = process.processIdentifier
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return (status >> 8) & 0xff }
            if reaped < 0 { return process.terminationStatus }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}

/// Stops and restarts a server of its own, so the shared one is undisturbed.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["VOYAGEUR_TEST_LLM_URL"] != nil))
struct ServerRestartTests {
    static func smallRequest(maxTokens: Int = 8) -> ChatRequest {
        ChatRequest(
            model: "default",
            messages: [ChatMessage(role: .user, content: "Describe the stock market in detail.")],
            maxTokens: maxTokens, temperature: 0, timeout: .seconds(300))
    }

    static func isTransientBackendFailure(_ error: any Error) -> Bool {
        guard let error = error as? GenerationError else { return false }
        return error.isTransient && error.isBackendFailure
    }

    @Test(
        "a server stopped mid-run gives transient backend failures, and calls succeed after a restart",
        .timeLimit(.minutes(10)))
    func restart() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "voyageur-llm-\(UUID().uuidString)")
        let server = TestServer(port: 58_181, stateDirectory: folder)
        let client = OpenAIChatClient(baseURL: server.url)
        defer { try? FileManager.default.removeItem(at: folder) }

        #expect(try await server.run("start") == 0)
        do {
            _ = try await client.complete(Self.smallRequest())

            // A long generation in flight when the server goes away.
            async let inFlight = client.complete(Self.smallRequest(maxTokens: 1_500))
            try await Task.sleep(for: .seconds(1))
            #expect(try await server.run("stop") == 0)
            // uvicorn finishes requests in flight before it exits, so the
            // request may complete; if it does not, it fails transiently.
            do {
                _ = try await inFlight
            } catch {
                #expect(Self.isTransientBackendFailure(error), "\(error)")
            }

            await #expect(
                performing: { _ = try await client.complete(Self.smallRequest()) },
                throws: Self.isTransientBackendFailure)
            #expect(await !client.health(timeout: .seconds(2)).isReachable)

            #expect(try await server.run("start") == 0)
            let completion = try await client.complete(Self.smallRequest())
            #expect(!completion.text.isEmpty)
        } catch {
            Issue.record("unexpected \(error)")
        }
        _ = try await server.run("stop")
    }
}
