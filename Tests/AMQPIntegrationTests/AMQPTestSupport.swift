import Foundation
import Testing
import VoyageurAMQP
import VoyageurCore

/// The test broker from `VOYAGEUR_TEST_AMQP_URL`, and queues on it whose
/// names no other test shares.
enum AMQPTestSupport {
    static let environment = ProcessInfo.processInfo.environment
    static var isEnabled: Bool { environment["VOYAGEUR_TEST_AMQP_URL"] != nil }

    static func settings(
        deliveryLimit: Int = 5,
        prefetch: [Language: Int] = [.english: 10, .french: 10, .spanish: 10]
    ) throws -> AMQPQueueSettings {
        let url = try AMQPURL(parsing: environment["VOYAGEUR_TEST_AMQP_URL"] ?? "")
        var settings = AMQPQueueSettings(url: url)
        let prefix = "test-\(UUID().uuidString.prefix(8).lowercased())"
        settings.exchangePrefix = prefix
        settings.queuePrefix = prefix
        settings.deliveryLimit = deliveryLimit
        settings.prefetch = prefetch
        settings.retryDelays = [.milliseconds(500), .seconds(2)]
        settings.heartbeat = .seconds(4)
        settings.reconnectWait = .seconds(20)
        return settings
    }

    static func makeQueue(_ settings: AMQPQueueSettings) async throws -> AMQPJobQueue {
        let queue = AMQPJobQueue(settings: settings)
        try await queue.waitUntilConnected(timeout: .seconds(20))
        return queue
    }

    static func jobs(_ count: Int, _ language: Language, tag: String = "job") -> [OutgoingJob] {
        (0..<count).map { index in
            OutgoingJob(
                jobID: "\(tag)-\(language.code)-\(index)",
                language: language,
                body: Data("{\"n\":\(index)}".utf8)
            )
        }
    }

    /// Receives until `count` deliveries arrived or `timeout` passed.
    static func receive(
        _ count: Int,
        from language: Language,
        on queue: AMQPJobQueue,
        timeout: Duration = .seconds(10)
    ) async throws -> [Delivery] {
        var deliveries: [Delivery] = []
        let deadline = ContinuousClock.now + timeout
        while deliveries.count < count && ContinuousClock.now < deadline {
            let batch = (try? await queue.receive(from: language, limit: count - deliveries.count)) ?? []
            deliveries += batch
            if batch.isEmpty {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        return deliveries
    }

    /// Runs the test broker script (`restart-app`, `restart`) when
    /// `VOYAGEUR_TEST_AMQP_DIR` names the broker's directory.
    ///
    /// `system` on a thread of its own: Foundation's `Process` did not
    /// notice the script's exit when it restarted the whole node.
    static func broker(_ command: String) async throws {
        guard let directory = environment["VOYAGEUR_TEST_AMQP_DIR"] else { return }
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/rabbitmq-test-server.sh")
        let line = "/bin/sh '\(script.path)' \(command) '\(directory)' >/dev/null 2>&1 </dev/null"
        let status = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: system(line)) }.start()
        }
        #expect(status == 0)
    }
}
