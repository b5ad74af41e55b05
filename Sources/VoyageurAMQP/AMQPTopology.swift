import VoyageurCore

/// The names of the exchanges and queues, and what each is declared with.
///
/// Queue arguments rather than policies: policies can only be set with
/// `rabbitmqctl` or the management API, which a worker does not have.
/// An operator may still add a policy for anything not set here.
struct AMQPTopology: Sendable {
    struct Queue: Sendable {
        var name: String
        var arguments: [(String, AMQPFieldValue)]
        /// Bound to `exchange` with `routingKey`, when set.
        var exchange: String?
        var routingKey: String
    }

    struct RetryBucket: Sendable {
        var delay: Duration
        var suffix: String
    }

    let workExchange: String
    let deadExchange: String
    let deadQueue: String
    let deliveryLimit: Int
    let buckets: [RetryBucket]
    private let queuePrefix: String

    init(settings: AMQPQueueSettings) {
        workExchange = "\(settings.exchangePrefix).explain"
        deadExchange = "\(settings.exchangePrefix).dead"
        deadQueue = "\(settings.queuePrefix).dead"
        queuePrefix = settings.queuePrefix
        deliveryLimit = settings.deliveryLimit
        let delays = Set(settings.retryDelays.filter { $0 > .zero }).sorted()
        buckets = (delays.isEmpty ? [.seconds(1)] : delays).map {
            RetryBucket(delay: $0, suffix: Self.suffix(for: $0))
        }
    }

    func workQueue(_ language: Language) -> String {
        "\(queuePrefix).\(language.code)"
    }

    func retryQueue(_ language: Language, _ bucket: RetryBucket) -> String {
        "\(queuePrefix).retry.\(language.code).\(bucket.suffix)"
    }

    /// The smallest bucket at least `delay` long, or the largest.
    func bucket(for delay: Duration) -> RetryBucket {
        buckets.first { $0.delay >= delay } ?? buckets[buckets.count - 1]
    }

    /// The exchanges: name and type.
    var exchanges: [(String, String)] {
        [(workExchange, "direct"), (deadExchange, "fanout")]
    }

    /// Every queue, with its arguments and binding.
    var queues: [Queue] {
        var queues = [
            Queue(name: deadQueue, arguments: [], exchange: deadExchange, routingKey: "")
        ]
        for language in Language.allCases {
            queues.append(
                Queue(
                    name: workQueue(language),
                    arguments: [
                        ("x-queue-type", .string("quorum")),
                        ("x-delivery-limit", .integer(Int64(deliveryLimit))),
                        ("x-dead-letter-exchange", .string(deadExchange)),
                        ("x-dead-letter-strategy", .string("at-least-once")),
                        ("x-overflow", .string("reject-publish")),
                    ],
                    exchange: workExchange,
                    routingKey: language.code
                )
            )
            for bucket in buckets {
                queues.append(
                    Queue(
                        name: retryQueue(language, bucket),
                        arguments: [
                            ("x-message-ttl", .integer(bucket.delay.milliseconds)),
                            ("x-dead-letter-exchange", .string(workExchange)),
                            ("x-dead-letter-routing-key", .string(language.code)),
                        ],
                        exchange: nil,
                        routingKey: ""
                    )
                )
            }
        }
        return queues
    }

    private static func suffix(for delay: Duration) -> String {
        let milliseconds = delay.milliseconds
        if milliseconds % 60_000 == 0 { return "\(milliseconds / 60_000)m" }
        if milliseconds % 1_000 == 0 { return "\(milliseconds / 1_000)s" }
        return "\(milliseconds)ms"
    }
}
