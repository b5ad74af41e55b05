import CRabbitMQ
import Foundation
import VoyageurCore

/// One live connection and what hangs on it: the control channel in
/// confirm mode, a consumer channel per language, and the publishes
/// waiting for their confirms.
///
/// Confined to the run-loop thread, as rabbitmq-c requires.
final class AMQPSession {
    /// Publishes waiting for the broker's confirms, settled together.
    final class ConfirmBatch {
        var remaining: Int
        var failure: AMQPError?
        let startedAt = ContinuousClock.now
        private var completion: ((Result<Void, AMQPError>) -> Void)?

        init(count: Int, completion: @escaping (Result<Void, AMQPError>) -> Void) {
            remaining = count
            self.completion = completion
        }

        func finish(_ result: Result<Void, AMQPError>) {
            let completion = completion
            self.completion = nil
            completion?(result)
        }
    }

    let connection: AMQPConnection
    let generation: UInt16
    let topology: AMQPTopology
    let settings: AMQPQueueSettings
    let consumers: AMQPConsumerState
    private var nextPublishTag: UInt64 = 1
    private var unconfirmed: [UInt64: ConfirmBatch] = [:]
    private var consuming: Set<Language> = []
    /// Deliveries whose retry or dead-letter copy awaits its confirm; they
    /// are acknowledged once it comes.
    var awaitingCopy: Set<AMQPDeliveryTag> = []

    /// Connects, declares the topology and starts the consumers requested
    /// so far.
    init(
        settings: AMQPQueueSettings,
        topology: AMQPTopology,
        consumers: AMQPConsumerState,
        generation: UInt16
    ) throws(AMQPError) {
        self.settings = settings
        self.topology = topology
        self.consumers = consumers
        self.generation = generation
        connection = try AMQPConnection(
            url: settings.url,
            heartbeat: settings.heartbeat,
            timeout: settings.operationTimeout
        )

        let control = AMQPDeliveryTag.controlChannel
        _ = try connection.rpc("open the control channel") { amqp_channel_open($0, control) }
        _ = try connection.rpc("select confirms") { amqp_confirm_select($0, control) }
        try declareTopology()
        for language in consumers.languages {
            try startConsumer(language)
        }
    }

    /// Declares exchanges, queues and bindings; idempotent.
    func declareTopology() throws(AMQPError) {
        let channel = AMQPDeliveryTag.controlChannel
        for (name, type) in topology.exchanges {
            let arena = AMQPArena()
            _ = try connection.rpc("declare exchange \(name)") {
                amqp_exchange_declare($0, channel, arena.bytes(name), arena.bytes(type), 0, 1, 0, 0, amqp_empty_table)
            }
        }
        for queue in topology.queues {
            let arena = AMQPArena()
            _ = try connection.rpc("declare queue \(queue.name)") {
                amqp_queue_declare($0, channel, arena.bytes(queue.name), 0, 1, 0, 0, arena.table(queue.arguments))
            }
            if let exchange = queue.exchange {
                _ = try connection.rpc("bind queue \(queue.name)") {
                    amqp_queue_bind(
                        $0,
                        channel,
                        arena.bytes(queue.name),
                        arena.bytes(exchange),
                        arena.bytes(queue.routingKey),
                        amqp_empty_table
                    )
                }
            }
        }
    }

    /// Opens `language`'s channel with its prefetch and consumes its queue
    /// with manual acknowledgements.
    func startConsumer(_ language: Language) throws(AMQPError) {
        guard !consuming.contains(language) else { return }
        let channel = AMQPDeliveryTag.channel(for: language)
        let queue = topology.workQueue(language)
        let prefetch = UInt16(settings.prefetch(for: language))
        let arena = AMQPArena()
        _ = try connection.rpc("open the channel of \(queue)") { amqp_channel_open($0, channel) }
        _ = try connection.rpc("set the prefetch of \(queue)") { amqp_basic_qos($0, channel, 0, prefetch, 0) }
        _ = try connection.rpc("consume \(queue)") {
            amqp_basic_consume(
                $0, channel, arena.bytes(queue), arena.bytes(Self.consumerTag(language)), 0, 0, 0, amqp_empty_table)
        }
        consuming.insert(language)
    }

    /// Cancels every consumer, then reads the deliveries the broker sent
    /// before it learnt of it, so that none is still on its way.
    func cancelConsumers() throws(AMQPError) {
        for language in Language.allCases where consuming.contains(language) {
            let channel = AMQPDeliveryTag.channel(for: language)
            let arena = AMQPArena()
            _ = try connection.rpc("cancel the consumer of \(topology.workQueue(language))") {
                amqp_basic_cancel($0, channel, arena.bytes(Self.consumerTag(language)))
            }
            consuming.remove(language)
        }
        while try processInput() > 0 {}
    }

    /// One consumer per language and channel, under a name of its own.
    private static func consumerTag(_ language: Language) -> String {
        "voyageur.\(language.code)"
    }

    // MARK: - Publishing

    /// Publishes on the control channel and calls `completion` once the
    /// broker confirmed (or refused) every message.
    func publish(
        _ messages: [AMQPOutgoingMessage],
        completion: @escaping (Result<Void, AMQPError>) -> Void
    ) throws(AMQPError) {
        guard !messages.isEmpty else {
            completion(.success(()))
            return
        }
        let batch = ConfirmBatch(count: messages.count, completion: completion)
        for message in messages {
            try send(message)
            unconfirmed[nextPublishTag] = batch
            nextPublishTag += 1
        }
    }

    private func send(_ message: AMQPOutgoingMessage) throws(AMQPError) {
        let arena = AMQPArena()
        var properties = amqp_basic_properties_t()
        var flags = UInt32(AMQP_BASIC_CONTENT_TYPE_FLAG) | UInt32(AMQP_BASIC_DELIVERY_MODE_FLAG)
        flags |= UInt32(AMQP_BASIC_MESSAGE_ID_FLAG) | UInt32(AMQP_BASIC_HEADERS_FLAG)
        properties.content_type = arena.bytes("application/json")
        properties.delivery_mode = 2
        properties.message_id = arena.bytes(message.messageID)
        properties.headers = arena.table(message.headers)
        if let expiration = message.expiration {
            flags |= UInt32(AMQP_BASIC_EXPIRATION_FLAG)
            properties.expiration = arena.bytes(String(max(0, expiration)))
        }
        properties._flags = amqp_flags_t(flags)
        let exchange = arena.bytes(message.exchange)
        let routingKey = arena.bytes(message.routingKey)
        let body = arena.bytes(message.body)
        try connection.send("publish to \(message.exchange)") {
            amqp_basic_publish($0, AMQPDeliveryTag.controlChannel, exchange, routingKey, 0, 0, &properties, body)
        }
        withExtendedLifetime(arena) {}
    }

    private func confirm(_ tag: UInt64, multiple: Bool, refused: Bool) {
        let tags = multiple ? unconfirmed.keys.filter { $0 <= tag } : [tag]
        for tag in tags {
            guard let batch = unconfirmed.removeValue(forKey: tag) else { continue }
            if refused {
                batch.failure = AMQPError(.publishRejected, "the broker did not accept a message")
            }
            batch.remaining -= 1
            if batch.remaining == 0 {
                batch.finish(batch.failure.map { .failure($0) } ?? .success(()))
            }
        }
    }

    /// The error to reconnect with when a publish waited too long for its
    /// confirm: the connection is then not to be trusted.
    var overdueConfirm: AMQPError? {
        let deadline = ContinuousClock.now - settings.operationTimeout
        guard unconfirmed.values.contains(where: { $0.startedAt < deadline }) else { return nil }
        return AMQPError(.timedOut, "the broker did not confirm a publish in time")
    }

    /// Fails everything waiting on this connection; it is gone.
    func failAll(_ error: AMQPError) {
        connection.markBroken()
        let batches = unconfirmed.values
        unconfirmed = [:]
        for batch in batches {
            batch.finish(.failure(error))
        }
    }

    // MARK: - Input

    /// Handles the frames that can be read now, at most `limit`; returns
    /// how many there were.
    func processInput(limit: Int = 64) throws(AMQPError) -> Int {
        var count = 0
        while count < limit, let frame = try connection.nextFrame() {
            count += 1
            try handle(frame)
        }
        connection.releaseBuffers()
        return count
    }

    private func handle(_ frame: amqp_frame_t) throws(AMQPError) {
        guard Int32(frame.frame_type) == AMQP_FRAME_METHOD else { return }
        let method = frame.payload.method
        switch method.id {
        case AMQPMethod.basicDeliver:
            guard let decoded = method.decoded else { return }
            let deliver = decoded.assumingMemoryBound(to: amqp_basic_deliver_t.self).pointee
            try receive(deliver, on: frame.channel)
        case AMQPMethod.basicAck:
            guard let decoded = method.decoded else { return }
            let ack = decoded.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee
            confirm(ack.delivery_tag, multiple: ack.multiple != 0, refused: false)
        case AMQPMethod.basicNack:
            guard let decoded = method.decoded else { return }
            let nack = decoded.assumingMemoryBound(to: amqp_basic_nack_t.self).pointee
            confirm(nack.delivery_tag, multiple: nack.multiple != 0, refused: true)
        case AMQPMethod.channelClose, AMQPMethod.connectionClose:
            throw AMQPError(.disconnected, "the broker closed the connection")
        case AMQPMethod.basicCancel:
            throw AMQPError(.disconnected, "the broker cancelled a consumer")
        default:
            return
        }
    }

    private func receive(_ deliver: amqp_basic_deliver_t, on channel: UInt16) throws(AMQPError) {
        let message = try connection.readMessage(
            on: channel, deliveryTag: deliver.delivery_tag, routingKey: deliver.routing_key)
        guard let language = AMQPDeliveryTag.language(on: channel) else { return }
        let tag = AMQPDeliveryTag(generation: generation, channel: channel, deliveryTag: message.deliveryTag)
        consumers.deliver(AMQPHeaders.delivery(from: message, language: language, tag: tag.packed))
    }
}
