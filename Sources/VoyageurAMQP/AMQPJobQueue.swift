import Foundation
import VoyageurCore

/// The production queue: RabbitMQ quorum queues, one per language, behind
/// the `JobQueue` port.
///
/// One connection, owned by a thread of its own, carries everything:
/// publishing with confirms on a control channel, and a consumer per
/// language on its own channel, started by the first `receive` from that
/// language. The connection is re-established with backoff whenever it is
/// lost, re-declaring the topology and consuming again; deliveries of a
/// lost connection are settled as no-ops, since the broker delivers them
/// again.
///
/// Safe to call from any task; no call blocks a thread of the cooperative
/// pool. Operations that need the broker wait up to
/// `AMQPQueueSettings.reconnectWait` for a connection, then throw an
/// `AMQPError` whose `isOutage` is true.
public final class AMQPJobQueue: JobQueue {
    private let loop: AMQPRunLoop
    private let settings: AMQPQueueSettings

    /// Starts connecting in the background; nothing here blocks or throws.
    public init(settings: AMQPQueueSettings) {
        self.settings = settings
        loop = AMQPRunLoop(settings: settings)
        loop.start()
    }

    deinit {
        loop.requestStop()
    }

    /// Waits until the queue is connected and its topology declared.
    ///
    /// - Throws: an outage `AMQPError` when that takes longer than `timeout`.
    public func waitUntilConnected(timeout: Duration) async throws {
        try await loop.perform(waiting: timeout) { _, completion in completion.succeed(()) }
    }

    /// True while a connection is up.
    public var isConnected: Bool { loop.consumers.isConnected }

    /// Closes the connection; afterwards every call fails with `.closed`.
    /// Unsettled deliveries go back to their queues.
    public func shutdown() async {
        await loop.stop()
    }

    /// Publishes with `delivery_mode` 2 and returns once the broker has
    /// confirmed every message; throws otherwise, in which case some of them
    /// may still have been stored (a job id is the idempotency key).
    public func publish(_ jobs: [OutgoingJob]) async throws {
        guard !jobs.isEmpty else { return }
        try await loop.perform(waiting: settings.reconnectWait) { session, completion throws(AMQPError) in
            try session.publish(session.jobMessages(jobs)) { completion.resume($0) }
        }
    }

    public func receive(from language: Language, limit: Int) async throws -> [Delivery] {
        if loop.consumers.request(language) {
            loop.submit(
                AMQPRunLoop.Command(
                    deadline: .now + .seconds(3_600),
                    run: { session throws(AMQPError) in try session.startConsumer(language) },
                    fail: { _ in }
                )
            )
        }
        guard limit > 0 else { return [] }
        return try loop.consumers.take(from: language, limit: limit)
    }

    /// Cancels the consumers (`basic.cancel`) and hands back, at once, the
    /// jobs the broker had pushed that were not received; without a
    /// connection there is nothing to hand back. No consumer is started
    /// again, even after a reconnection.
    public func stopReceiving() async {
        let consumers = loop.consumers
        _ = try? await loop.perform(waiting: .zero) { session, completion throws(AMQPError) in
            try session.cancelConsumers()
            try session.release(consumers.stop())
            completion.succeed(())
        }
        // Without a connection the command did not run: the buffer went
        // with the connection, but no consumer may start on the next one.
        _ = loop.consumers.stop()
    }

    /// Returns as soon as the broker pushes a job of `language`, or the
    /// connection is lost, or `timeout` passes.
    public func waitForJobs(in language: Language, timeout: Duration) async {
        await loop.consumers.waitForDelivery(language, timeout: timeout)
    }

    /// Settles on the broker: an ack, or a confirmed publish to a delay
    /// queue or the dead letters followed by an ack. A delivery of a lost
    /// connection is skipped, and so is one whose copy the broker refused
    /// (it is handed back to its queue instead).
    public func settle(_ settlements: [(Delivery, Settlement)]) async throws {
        guard !settlements.isEmpty else { return }
        // A failure here means the connection is gone, and its deliveries
        // with it: the broker delivers them again, so there is nothing to
        // report.
        _ = try? await loop.perform(waiting: .zero) { session, completion throws(AMQPError) in
            try session.settle(settlements) { completion.succeed(()) }
        }
    }

    public func release(_ deliveries: [Delivery]) async throws {
        guard !deliveries.isEmpty else { return }
        // As for `settle`: without the connection they are back already.
        _ = try? await loop.perform(waiting: .zero) { session, completion throws(AMQPError) in
            try session.release(deliveries)
            completion.succeed(())
        }
    }

    /// Ready and delayed counts come from the broker. `inFlight` counts only
    /// this queue object's unsettled deliveries (the broker does not report
    /// unacknowledged messages over AMQP), and `dead` is the whole dead
    /// letter queue, shared by the languages.
    public func depth(of languages: [Language]) async throws -> [QueueDepth] {
        try await loop.perform(waiting: settings.reconnectWait) { session, completion throws(AMQPError) in
            completion.succeed(try languages.map { language throws(AMQPError) in try session.depth(of: language) })
        }
    }

    /// Reads the dead letter queue without consuming it (each message is
    /// taken and handed back), up to `AMQPQueueSettings.deadLetterScanLimit`.
    public func deadLetters(limit: Int) async throws -> [DeadLetter] {
        let deliveryLimit = settings.deliveryLimit
        let messages = try await loop.perform(waiting: settings.reconnectWait) {
            session, completion throws(AMQPError) in
            let messages = try session.takeDeadLetters()
            try session.returnDeadLetters(messages)
            completion.succeed(messages)
        }
        let letters = messages.map { AMQPHeaders.deadLetter(from: $0, deliveryLimit: deliveryLimit) }
        return Array(letters.suffix(max(0, limit)).reversed())
    }

    public func replayDeadLetters(jobIDs: [String]) async throws -> [String] {
        let wanted = Set(jobIDs)
        return try await loop.perform(waiting: settings.reconnectWait) { session, completion throws(AMQPError) in
            let messages = try session.takeDeadLetters()
            try session.replay(messages, matching: wanted) { completion.resume($0) }
        }
    }
}
