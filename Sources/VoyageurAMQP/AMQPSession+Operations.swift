import CRabbitMQ
import Foundation
import VoyageurCore

extension AMQPSession {
    /// The job messages for `jobs`, attempt 1.
    func jobMessages(_ jobs: [OutgoingJob]) -> [AMQPOutgoingMessage] {
        let now = Date()
        return jobs.map { job in
            AMQPOutgoingMessage(
                exchange: topology.workExchange,
                routingKey: job.language.code,
                messageID: job.jobID,
                body: job.body,
                headers: AMQPHeaders.make(language: job.language, attempt: 1, errors: [], publishedAt: now),
                expiration: nil
            )
        }
    }

    /// Acknowledges plain acks at once; publishes retries and dead letters
    /// and acknowledges their originals once the broker confirmed the
    /// copies (or hands them back if it refused them).
    ///
    /// Deliveries of an earlier connection, or already settled, are
    /// skipped: the broker delivers those jobs again.
    func settle(_ settlements: [(Delivery, Settlement)], completion: @escaping () -> Void) throws(AMQPError) {
        var copies: [AMQPOutgoingMessage] = []
        var originals: [AMQPDeliveryTag] = []
        var acks: [Language: [UInt64]] = [:]
        for (delivery, settlement) in settlements {
            let tag = AMQPDeliveryTag(packed: delivery.tag)
            guard tag.generation == generation, consumers.claim(delivery) else { continue }
            switch settlement {
            case .ack:
                acks[delivery.language, default: []].append(tag.deliveryTag)
            case .retry(let delay, let error):
                copies.append(retryMessage(delivery, delay: delay, error: error))
                originals.append(tag)
            case .deadLetter(let reason):
                copies.append(deadMessage(delivery, reason: reason))
                originals.append(tag)
            }
        }
        awaitingCopy.formUnion(originals)
        for (language, tags) in acks {
            try acknowledge(tags, of: language)
        }

        try publish(copies) { [self] result in
            awaitingCopy.subtract(originals)
            for tag in originals {
                switch result {
                case .success: try? acknowledge(tag)
                case .failure: try? reject(tag, requeue: true)
                }
            }
            completion()
        }
    }

    /// Hands deliveries back to their queue (basic.nack with requeue).
    func release(_ deliveries: [Delivery]) throws(AMQPError) {
        for delivery in deliveries {
            let tag = AMQPDeliveryTag(packed: delivery.tag)
            guard tag.generation == generation, consumers.claim(delivery) else { continue }
            try reject(tag, requeue: true)
        }
    }

    /// Acknowledges `tags` of `language`'s channel in as few frames as it
    /// can: one ack with `multiple` set covers the tags below the lowest
    /// delivery still outstanding on the channel (unsettled, or waiting for
    /// the confirm of its copy), since every other delivery below it is
    /// settled already; the rest go one by one.
    func acknowledge(_ tags: [UInt64], of language: Language) throws(AMQPError) {
        let channel = AMQPDeliveryTag.channel(for: language)
        let copies = awaitingCopy.filter { $0.channel == channel }.map(\.deliveryTag)
        let floor = (copies + [consumers.lowestUnsettled(language)].compactMap { $0 }).min() ?? .max
        let tags = tags.sorted().map { AMQPDeliveryTag(generation: generation, channel: channel, deliveryTag: $0) }
        let covered = tags.prefix { $0.deliveryTag < floor }
        if covered.count > 1, let last = covered.last {
            try acknowledge(last, multiple: true)
        } else {
            for tag in covered {
                try acknowledge(tag)
            }
        }
        for tag in tags.dropFirst(covered.count) {
            try acknowledge(tag)
        }
    }

    func acknowledge(_ tag: AMQPDeliveryTag, multiple: Bool = false) throws(AMQPError) {
        guard connection.isHealthy else { return }
        try connection.send("acknowledge a delivery") {
            amqp_basic_ack($0, tag.channel, tag.deliveryTag, multiple ? 1 : 0)
        }
    }

    func reject(_ tag: AMQPDeliveryTag, requeue: Bool, multiple: Bool = false) throws(AMQPError) {
        guard connection.isHealthy else { return }
        try connection.send("hand back a delivery") {
            amqp_basic_nack($0, tag.channel, tag.deliveryTag, multiple ? 1 : 0, requeue ? 1 : 0)
        }
    }

    private func retryMessage(_ delivery: Delivery, delay: Duration, error: String) -> AMQPOutgoingMessage {
        let bucket = topology.bucket(for: delay)
        return AMQPOutgoingMessage(
            exchange: "",
            routingKey: topology.retryQueue(delivery.language, bucket),
            messageID: delivery.jobID,
            body: delivery.body,
            headers: AMQPHeaders.make(
                language: delivery.language,
                attempt: delivery.attempt + 1,
                errors: delivery.errorHistory + [error],
                publishedAt: delivery.publishedAt
            ),
            expiration: min(delay.milliseconds, bucket.delay.milliseconds)
        )
    }

    private func deadMessage(_ delivery: Delivery, reason: String) -> AMQPOutgoingMessage {
        var headers = AMQPHeaders.make(
            language: delivery.language,
            attempt: delivery.attempt,
            errors: delivery.errorHistory + [reason],
            publishedAt: delivery.publishedAt
        )
        headers.append((AMQPHeaders.reason, .string(reason)))
        headers.append((AMQPHeaders.deadAt, .integer(AMQPHeaders.milliseconds(Date()))))
        return AMQPOutgoingMessage(
            exchange: topology.deadExchange,
            routingKey: delivery.language.code,
            messageID: delivery.jobID,
            body: delivery.body,
            headers: headers,
            expiration: nil
        )
    }

    // MARK: - Inspection

    /// Ready messages and consumers of a queue (a passive declare).
    func inspect(_ queue: String) throws(AMQPError) -> (ready: Int, consumers: Int) {
        let arena = AMQPArena()
        let channel = AMQPDeliveryTag.controlChannel
        let reply = try connection.rpc("inspect queue \(queue)") {
            amqp_queue_declare($0, channel, arena.bytes(queue), 1, 0, 0, 0, amqp_empty_table)
        }
        return (Int(reply.message_count), Int(reply.consumer_count))
    }

    func depth(of language: Language) throws(AMQPError) -> QueueDepth {
        let work = try inspect(topology.workQueue(language))
        var delayed = 0
        for bucket in topology.buckets {
            delayed += try inspect(topology.retryQueue(language, bucket)).ready
        }
        return QueueDepth(
            language: language,
            ready: work.ready,
            inFlight: consumers.inFlight(language),
            delayed: delayed,
            dead: try inspect(topology.deadQueue).ready
        )
    }

    /// Takes the dead letters without acknowledging them, oldest first, up
    /// to the scan limit; the caller acknowledges or hands back each one.
    func takeDeadLetters() throws(AMQPError) -> [AMQPIncomingMessage] {
        var messages: [AMQPIncomingMessage] = []
        while messages.count < settings.deadLetterScanLimit, let message = try get(from: topology.deadQueue) {
            messages.append(message)
        }
        return messages
    }

    /// Hands back every message taken with `takeDeadLetters`, in order.
    func returnDeadLetters(_ messages: [AMQPIncomingMessage]) throws(AMQPError) {
        guard let last = messages.last else { return }
        let tag = AMQPDeliveryTag(generation: generation, channel: last.channel, deliveryTag: last.deliveryTag)
        try reject(tag, requeue: true, multiple: true)
    }

    /// Moves dead letters back to their work queues with attempt 1,
    /// acknowledging each once its copy is confirmed; hands back the rest.
    func replay(
        _ messages: [AMQPIncomingMessage],
        matching jobIDs: Set<String>,
        completion: @escaping (Result<[String], AMQPError>) -> Void
    ) throws(AMQPError) {
        var copies: [AMQPOutgoingMessage] = []
        var replayed: [AMQPIncomingMessage] = []
        for message in messages {
            let letter = AMQPHeaders.deadLetter(from: message, deliveryLimit: topology.deliveryLimit)
            if !jobIDs.isEmpty && !jobIDs.contains(letter.jobID) {
                try reject(tag(of: message), requeue: true)
                continue
            }
            let publishedAt = message.headers[AMQPHeaders.publishedAt]?.integer
            copies.append(
                AMQPOutgoingMessage(
                    exchange: topology.workExchange,
                    routingKey: letter.language.code,
                    messageID: letter.jobID,
                    body: letter.body,
                    headers: AMQPHeaders.make(
                        language: letter.language,
                        attempt: 1,
                        errors: letter.errorHistory,
                        publishedAt: publishedAt.map { Date(timeIntervalSince1970: Double($0) / 1_000) } ?? Date()
                    ),
                    expiration: nil
                )
            )
            replayed.append(message)
        }

        try publish(copies) { [self] result in
            for message in replayed {
                switch result {
                case .success: try? acknowledge(tag(of: message))
                case .failure: try? reject(tag(of: message), requeue: true)
                }
            }
            completion(result.map { replayed.map(\.messageID).sorted() })
        }
    }

    private func tag(of message: AMQPIncomingMessage) -> AMQPDeliveryTag {
        AMQPDeliveryTag(generation: generation, channel: message.channel, deliveryTag: message.deliveryTag)
    }

    private func get(from queue: String) throws(AMQPError) -> AMQPIncomingMessage? {
        let arena = AMQPArena()
        let channel = AMQPDeliveryTag.controlChannel
        let reply = try connection.reply("get from \(queue)") { amqp_basic_get($0, channel, arena.bytes(queue), 0) }
        if reply.reply.id == AMQPMethod.basicGetEmpty { return nil }
        guard reply.reply.id == AMQPMethod.basicGetOK, let decoded = reply.reply.decoded else {
            throw AMQPError(.protocolFailure, "unexpected reply to basic.get")
        }
        let getOK = decoded.assumingMemoryBound(to: amqp_basic_get_ok_t.self).pointee
        return try connection.readMessage(on: channel, deliveryTag: getOK.delivery_tag, routingKey: getOK.routing_key)
    }
}
