import Foundation
import Testing
import VoyageurCore
import VoyageurSQLite

@Suite("Embedded SQLite queue")
struct SQLiteJobQueueTests {
    @Test("jobs come out in publishing order, up to the limit, from their own language only")
    func receiveOrder() async throws {
        let file = try await TemporaryDatabase()
        let queue = file.queue(owner: "w1")
        try await queue.publish([job("a"), job("b", .french), job("c"), job("d")])

        let first = try await queue.receive(from: .english, limit: 2)
        #expect(first.map(\.jobID) == ["a", "c"])
        #expect(first.allSatisfy { $0.attempt == 1 && $0.language == .english })

        let rest = try await queue.receive(from: .english, limit: 10)
        #expect(rest.map(\.jobID) == ["d"])
        #expect(try await queue.receive(from: .english, limit: 10).isEmpty)
        #expect(try await queue.receive(from: .french, limit: 10).map(\.jobID) == ["b"])
    }

    @Test("an acknowledged job is gone and the depth counts follow each state")
    func ackAndDepth() async throws {
        let file = try await TemporaryDatabase()
        let queue = file.queue(owner: "w1")
        try await queue.publish([job("a"), job("b"), job("c")])
        let taken = try await queue.receive(from: .english, limit: 2)

        var depth = try #require(try await queue.depth(of: [.english]).first)
        #expect(depth.ready == 1 && depth.inFlight == 2 && depth.pending == 3)

        try await queue.settle([(taken[0], .ack), (taken[1], .retry(after: .seconds(60), error: "boom"))])
        depth = try #require(try await queue.depth(of: [.english]).first)
        #expect(depth.ready == 1 && depth.inFlight == 0 && depth.delayed == 1 && depth.dead == 0)
    }

    @Test("a job leased by an owner that stops renewing comes back after the lease, and a late ack changes nothing")
    func leaseExpiry() async throws {
        let file = try await TemporaryDatabase()
        var crashed: SQLiteJobQueue? = file.queue(owner: "crashed", leaseTimeout: .milliseconds(300))
        try await crashed?.publish([job("a")])
        let lost = try #require(try await crashed?.receive(from: .english, limit: 1).first)
        crashed = nil  // its renewal timer stops with it, as with a killed process

        let survivor = file.queue(owner: "survivor", leaseTimeout: .seconds(30))
        #expect(try await survivor.receive(from: .english, limit: 1).isEmpty)
        try await Task.sleep(for: .milliseconds(450))
        let again = try #require(try await survivor.receive(from: .english, limit: 1).first)
        #expect(again.jobID == "a")
        #expect(again.attempt == 2)

        // The first owner's ack arrives late: its lease is gone, so it must not
        // remove the job the survivor now holds.
        let revenant = file.queue(owner: "crashed")
        try await revenant.settle([(lost, .ack)])
        #expect(try await survivor.depth(of: [.english]).first?.inFlight == 1)
        try await survivor.settle([(again, .ack)])
        #expect(try await survivor.depth(of: [.english]).first?.pending == 0)
    }

    @Test("a held lease is renewed, so a slow job is not delivered twice")
    func leaseRenewal() async throws {
        let file = try await TemporaryDatabase()
        let holder = file.queue(owner: "holder", leaseTimeout: .milliseconds(300))
        try await holder.publish([job("slow")])
        #expect(try await holder.receive(from: .english, limit: 1).count == 1)

        try await Task.sleep(for: .milliseconds(900))
        let other = file.queue(owner: "other")
        #expect(try await other.receive(from: .english, limit: 1).isEmpty)
    }

    @Test("a retried job waits out its delay and carries its error history")
    func retryDelay() async throws {
        let file = try await TemporaryDatabase()
        let queue = file.queue(owner: "w1")
        try await queue.publish([job("a")])
        let first = try #require(try await queue.receive(from: .english, limit: 1).first)
        try await queue.settle([(first, .retry(after: .milliseconds(300), error: "LLM timed out"))])

        #expect(try await queue.receive(from: .english, limit: 1).isEmpty)
        try await Task.sleep(for: .milliseconds(400))
        let second = try #require(try await queue.receive(from: .english, limit: 1).first)
        #expect(second.attempt == 2)
        #expect(second.errorHistory == ["LLM timed out"])
    }

    @Test("a handed-back job is ready at once and keeps its attempt count")
    func release() async throws {
        let file = try await TemporaryDatabase()
        let queue = file.queue(owner: "w1")
        try await queue.publish([job("a")])
        let taken = try await queue.receive(from: .english, limit: 1)
        try await queue.release(taken)
        let again = try #require(try await queue.receive(from: .english, limit: 1).first)
        #expect(again.attempt == 1)
    }

    @Test("dead letters are listed with their reason and replayed with a fresh attempt count")
    func deadLetters() async throws {
        let file = try await TemporaryDatabase()
        let queue = file.queue(owner: "w1")
        try await queue.publish([job("bad"), job("good")])
        let taken = try await queue.receive(from: .english, limit: 2)
        try await queue.settle([(taken[0], .deadLetter(reason: "symbol: is required")), (taken[1], .ack)])

        let letters = try await queue.deadLetters(limit: 10)
        #expect(letters.map(\.jobID) == ["bad"])
        #expect(letters.first?.reason == "symbol: is required")
        #expect(letters.first?.errorHistory == ["symbol: is required"])
        #expect(try await queue.depth(of: [.english]).first?.dead == 1)

        #expect(try await queue.replayDeadLetters(jobIDs: ["missing"]).isEmpty)
        #expect(try await queue.replayDeadLetters(jobIDs: ["bad"]) == ["bad"])
        let replayed = try #require(try await queue.receive(from: .english, limit: 1).first)
        #expect(replayed.jobID == "bad" && replayed.attempt == 1)
    }

    @Test("a job whose holders keep dying is delivered once past the limit, then the queue dead-letters it")
    func deliveryLimit() async throws {
        let file = try await TemporaryDatabase()
        for attempt in 1...3 {
            var doomed: SQLiteJobQueue? = file.queue(
                owner: "doomed-\(attempt)",
                leaseTimeout: .milliseconds(100),
                deliveryLimit: 2
            )
            if attempt == 1 { try await doomed?.publish([job("poison")]) }
            let delivery = try #require(try await doomed?.receive(from: .english, limit: 1).first)
            // The third delivery is the one on which a worker records the
            // job as failed; here its holder dies too.
            #expect(delivery.attempt == attempt && delivery.redeliveries == attempt - 1)
            doomed = nil  // dies holding the job
            try await Task.sleep(for: .milliseconds(150))
        }
        let next = file.queue(owner: "next", deliveryLimit: 2)
        try await Task.sleep(for: .milliseconds(50))
        #expect(try await next.receive(from: .english, limit: 1).isEmpty)
        let letter = try #require(try await next.deadLetters(limit: 1).first)
        #expect(letter.jobID == "poison")
        #expect(letter.reason == "delivery limit of 2 reached: the job kept coming back unsettled")
    }

    @Test("retries and hand-backs do not count as redeliveries")
    func redeliveriesCountOnlyLostLeases() async throws {
        let file = try await TemporaryDatabase()
        let queue = file.queue(owner: "w")
        try await queue.publish([job("j")])
        let first = try #require(try await queue.receive(from: .english, limit: 1).first)
        try await queue.settle([(first, .retry(after: .zero, error: "boom"))])
        let second = try #require(try await queue.receive(from: .english, limit: 1).first)
        #expect(second.attempt == 2 && second.redeliveries == 0)
        try await queue.release([second])
        let third = try #require(try await queue.receive(from: .english, limit: 1).first)
        #expect(third.redeliveries == 0)
    }
}
