import Foundation
import Testing
import VoyageurAMQP
import VoyageurCore

// Serialized: the restart test takes the broker away from every test.
@Suite(
    "RabbitMQ job queue",
    .serialized,
    .enabled(if: ProcessInfo.processInfo.environment["VOYAGEUR_TEST_AMQP_URL"] != nil),
    .timeLimit(.minutes(2))
)
struct AMQPJobQueueTests {
    @Test("declaring the topology twice is harmless")
    func declaresTwice() async throws {
        let settings = try AMQPTestSupport.settings()
        let first = try await AMQPTestSupport.makeQueue(settings)
        let second = try await AMQPTestSupport.makeQueue(settings)
        let depth = try await second.depth(of: [.english])
        #expect(depth.first?.ready == 0)
        await first.shutdown()
        await second.shutdown()
    }

    @Test("published jobs arrive in order per language with attempt 1, and acks remove them")
    func publishReceiveAck() async throws {
        let settings = try AMQPTestSupport.settings(prefetch: [.english: 100, .french: 100])
        let queue = try await AMQPTestSupport.makeQueue(settings)
        let english = AMQPTestSupport.jobs(50, .english)
        let french = AMQPTestSupport.jobs(20, .french)
        try await queue.publish(english + french)

        let depth = try await queue.depth(of: [.english, .french])
        #expect(depth.map(\.ready) == [50, 20])

        let receivedEnglish = try await AMQPTestSupport.receive(50, from: .english, on: queue)
        let receivedFrench = try await AMQPTestSupport.receive(20, from: .french, on: queue)
        #expect(receivedEnglish.map(\.jobID) == english.map(\.jobID))
        #expect(receivedFrench.map(\.jobID) == french.map(\.jobID))
        #expect(receivedEnglish.allSatisfy { $0.attempt == 1 && $0.errorHistory.isEmpty })
        #expect(receivedEnglish.first?.body == english.first?.body)
        #expect(abs(receivedFrench[0].publishedAt.timeIntervalSinceNow) < 30)
        #expect(try await queue.depth(of: [.english]).first?.inFlight == 50)

        try await queue.settle((receivedEnglish + receivedFrench).map { ($0, .ack) })
        let after = try await queue.depth(of: [.english, .french])
        #expect(after.map(\.ready) == [0, 0])
        #expect(after.map(\.inFlight) == [0, 0])
        await queue.shutdown()

        // A new connection gets nothing: the acks reached the broker.
        let again = try await AMQPTestSupport.makeQueue(settings)
        #expect(try await AMQPTestSupport.receive(1, from: .english, on: again, timeout: .milliseconds(500)).isEmpty)
        await again.shutdown()
    }

    @Test("a retried job comes back after its delay with its history and attempt 2")
    func retry() async throws {
        let queue = try await AMQPTestSupport.makeQueue(try AMQPTestSupport.settings())
        try await queue.publish(AMQPTestSupport.jobs(1, .spanish))
        let first = try await AMQPTestSupport.receive(1, from: .spanish, on: queue)
        try #require(first.count == 1)

        let retriedAt = ContinuousClock.now
        try await queue.settle([(first[0], .retry(after: .milliseconds(400), error: "backend timeout"))])
        #expect(try await queue.depth(of: [.spanish]).first?.delayed == 1)
        let second = try await AMQPTestSupport.receive(1, from: .spanish, on: queue)
        try #require(second.count == 1)
        #expect(ContinuousClock.now - retriedAt >= .milliseconds(350))
        #expect(second[0].jobID == first[0].jobID)
        #expect(second[0].attempt == 2)
        #expect(second[0].errorHistory == ["backend timeout"])
        #expect(second[0].publishedAt == first[0].publishedAt)
        try await queue.settle([(second[0], .ack)])
        await queue.shutdown()
    }

    @Test("a dead-lettered job is listed with its reason and can be replayed")
    func deadLetterAndReplay() async throws {
        let queue = try await AMQPTestSupport.makeQueue(try AMQPTestSupport.settings())
        try await queue.publish(AMQPTestSupport.jobs(3, .french))
        let deliveries = try await AMQPTestSupport.receive(3, from: .french, on: queue)
        try #require(deliveries.count == 3)
        try await queue.settle([
            (deliveries[0], .deadLetter(reason: "symbol: invalid")),
            (deliveries[1], .deadLetter(reason: "analysis.score: out of range")),
            (deliveries[2], .ack),
        ])

        let letters = try await queue.deadLetters(limit: 10)
        #expect(letters.map(\.jobID) == [deliveries[1].jobID, deliveries[0].jobID])
        #expect(letters.last?.reason == "symbol: invalid")
        #expect(letters.last?.language == .french)
        #expect(letters.last?.errorHistory == ["symbol: invalid"])
        #expect(try await queue.deadLetters(limit: 1).count == 1)
        #expect(try await queue.depth(of: [.french]).first?.dead == 2)

        let replayed = try await queue.replayDeadLetters(jobIDs: [deliveries[0].jobID])
        #expect(replayed == [deliveries[0].jobID])
        let again = try await AMQPTestSupport.receive(1, from: .french, on: queue)
        #expect(again.map(\.jobID) == [deliveries[0].jobID])
        #expect(again.first?.attempt == 1)
        #expect(try await queue.deadLetters(limit: 10).map(\.jobID) == [deliveries[1].jobID])
        #expect(try await queue.replayDeadLetters(jobIDs: []) == [deliveries[1].jobID])
        #expect(try await queue.deadLetters(limit: 10).isEmpty)
        await queue.shutdown()
    }

    @Test("a released job is delivered again, and a late settle of it is harmless")
    func release() async throws {
        let queue = try await AMQPTestSupport.makeQueue(try AMQPTestSupport.settings())
        try await queue.publish(AMQPTestSupport.jobs(1, .english))
        let first = try await AMQPTestSupport.receive(1, from: .english, on: queue)
        try #require(first.count == 1)
        try await queue.release(first)
        let second = try await AMQPTestSupport.receive(1, from: .english, on: queue)
        try #require(second.count == 1)
        #expect(second[0].jobID == first[0].jobID)
        #expect(second[0].attempt == 2)

        try await queue.settle([(first[0], .ack)])
        try await queue.settle([(second[0], .ack)])
        try await queue.settle([(second[0], .ack)])
        #expect(try await queue.depth(of: [.english]).first?.ready == 0)
        await queue.shutdown()
    }

    @Test("the delivery limit dead-letters a job that keeps coming back")
    func deliveryLimit() async throws {
        let queue = try await AMQPTestSupport.makeQueue(try AMQPTestSupport.settings(deliveryLimit: 2))
        try await queue.publish(AMQPTestSupport.jobs(1, .english, tag: "poison"))
        var deliveries = 0
        while true {
            let received = try await AMQPTestSupport.receive(1, from: .english, on: queue, timeout: .seconds(2))
            guard !received.isEmpty else { break }
            #expect(received.first?.redeliveries == deliveries)
            deliveries += 1
            try await queue.release(received)
            try #require(deliveries < 10)
        }
        #expect(deliveries == 3)
        let letters = try await queue.deadLetters(limit: 10)
        #expect(letters.map(\.jobID) == ["poison-en-0"])
        #expect(letters.first?.reason == "delivery limit of 2 reached: the job kept coming back unsettled")
        await queue.shutdown()
    }

    @Test("no more deliveries are unacknowledged than the prefetch")
    func prefetch() async throws {
        let queue = try await AMQPTestSupport.makeQueue(try AMQPTestSupport.settings(prefetch: [.english: 3]))
        try await queue.publish(AMQPTestSupport.jobs(10, .english))
        let first = try await AMQPTestSupport.receive(10, from: .english, on: queue, timeout: .seconds(1))
        #expect(first.count == 3)
        try await queue.settle(first.map { ($0, .ack) })
        let second = try await AMQPTestSupport.receive(10, from: .english, on: queue, timeout: .seconds(1))
        #expect(second.count == 3)
        #expect(second.first?.jobID == "job-en-3")
        await queue.shutdown()
    }

    @Test("acks settled out of order and in groups acknowledge exactly the deliveries settled")
    func groupedAcks() async throws {
        var settings = try AMQPTestSupport.settings(prefetch: [.english: 20])
        settings.retryDelays = [.seconds(60)]
        let queue = try await AMQPTestSupport.makeQueue(settings)
        try await queue.publish(AMQPTestSupport.jobs(12, .english))
        let taken = try await AMQPTestSupport.receive(12, from: .english, on: queue)
        try #require(taken.count == 12)

        // 0–3 and 8–9 acked (out of order), 4 retried, 5–7 and 10–11 still held.
        try await queue.settle([9, 2, 0, 8, 3, 1].map { (taken[$0], .ack) })
        try await queue.settle([(taken[4], .retry(after: .seconds(60), error: "later"))])
        try await queue.settle([(taken[11], .ack)])
        await queue.shutdown()

        let again = try await AMQPTestSupport.makeQueue(settings)
        let back = try await AMQPTestSupport.receive(10, from: .english, on: again, timeout: .seconds(2))
        #expect(back.map(\.jobID) == [5, 6, 7, 10].map { "job-en-\($0)" })
        let depth = try await again.depth(of: [.english])
        #expect(depth.first?.delayed == 1)
        await again.shutdown()
    }

    @Test("stopping receiving hands back at once the jobs pushed but not received; held ones can still be acked")
    func stopReceiving() async throws {
        let settings = try AMQPTestSupport.settings(prefetch: [.english: 5])
        let first = try await AMQPTestSupport.makeQueue(settings)
        let jobs = AMQPTestSupport.jobs(8, .english)
        try await first.publish(jobs)
        let held = try await AMQPTestSupport.receive(2, from: .english, on: first)
        try #require(held.count == 2)
        // The broker pushes up to the prefetch: 3 more wait in the buffer.
        let deadline = ContinuousClock.now + .seconds(5)
        while try await first.depth(of: [.english]).first?.ready != 3, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        await first.stopReceiving()
        #expect(try await first.receive(from: .english, limit: 10).isEmpty)

        var wider = settings
        wider.prefetch = [.english: 10]
        let second = try await AMQPTestSupport.makeQueue(wider)
        let others = try await AMQPTestSupport.receive(6, from: .english, on: second, timeout: .seconds(5))
        #expect(Set(others.map(\.jobID)) == Set(jobs.dropFirst(2).map(\.jobID)))
        try await first.settle(held.map { ($0, .ack) })
        await first.shutdown()
        try await second.settle(others.map { ($0, .ack) })
        #expect(try await AMQPTestSupport.receive(1, from: .english, on: second, timeout: .milliseconds(500)).isEmpty)
        await second.shutdown()
    }

    @Test("a consumer waiting for jobs wakes when one arrives, well before its timeout")
    func waitForJobs() async throws {
        let queue = try await AMQPTestSupport.makeQueue(try AMQPTestSupport.settings())
        #expect(try await queue.receive(from: .french, limit: 1).isEmpty)
        let clock = ContinuousClock()
        let idle = await clock.measure { await queue.waitForJobs(in: .french, timeout: .milliseconds(300)) }
        #expect(idle >= .milliseconds(250))

        async let published: Void = {
            try await Task.sleep(for: .milliseconds(200))
            try await queue.publish(AMQPTestSupport.jobs(1, .french))
        }()
        let woken = await clock.measure { await queue.waitForJobs(in: .french, timeout: .seconds(20)) }
        try await published
        #expect(woken < .seconds(10))
        #expect(try await queue.receive(from: .french, limit: 1).count == 1)
        await queue.shutdown()
    }

    @Test(
        "after a broker restart the queue reconnects by itself and loses no confirmed job",
        .enabled(if: ProcessInfo.processInfo.environment["VOYAGEUR_TEST_AMQP_DIR"] != nil)
    )
    func brokerRestart() async throws {
        let queue = try await AMQPTestSupport.makeQueue(try AMQPTestSupport.settings())
        try await queue.publish(AMQPTestSupport.jobs(5, .english, tag: "before"))
        let held = try await AMQPTestSupport.receive(2, from: .english, on: queue)
        try #require(held.count == 2)

        try await AMQPTestSupport.broker(AMQPTestSupport.environment["VOYAGEUR_TEST_AMQP_RESTART"] ?? "restart-app")
        try await queue.waitUntilConnected(timeout: .seconds(60))
        // Deliveries of the lost connection: settling them changes nothing.
        try await queue.settle(held.map { ($0, .ack) })
        try await queue.publish(AMQPTestSupport.jobs(5, .english, tag: "after"))

        let received = try await AMQPTestSupport.receive(10, from: .english, on: queue, timeout: .seconds(20))
        let expected = Set(
            (AMQPTestSupport.jobs(5, .english, tag: "before") + AMQPTestSupport.jobs(5, .english, tag: "after"))
                .map(\.jobID)
        )
        #expect(Set(received.map(\.jobID)) == expected)
        try await queue.settle(received.map { ($0, .ack) })
        #expect(try await queue.depth(of: [.english]).first?.ready == 0)
        await queue.shutdown()
    }
}
