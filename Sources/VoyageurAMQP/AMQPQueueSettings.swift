import VoyageurCore

/// How the RabbitMQ queue connects and names its topology.
///
/// Every default is the production one; tests change the name prefixes so
/// that they do not see each other's messages.
public struct AMQPQueueSettings: Sendable {
    /// The broker.
    public var url: AMQPURL
    /// Exchanges are `<exchangePrefix>.explain` and `<exchangePrefix>.dead`.
    public var exchangePrefix = "voyageur"
    /// Queues are `<queuePrefix>.<lang>`, `<queuePrefix>.dead` and
    /// `<queuePrefix>.retry.<lang>.<bucket>`.
    public var queuePrefix = "explain"
    /// Unsuccessful deliveries of a message (released, rejected, or its
    /// consumer gone) after which the broker dead-letters it
    /// (`x-delivery-limit`). Default 5.
    ///
    /// Changing it for existing queues needs the queues deleted first: the
    /// broker refuses a declaration with other arguments.
    public var deliveryLimit = 5
    /// Unacknowledged deliveries per language (`basic.qos`); should equal
    /// the worker's concurrency. Languages not listed get 1.
    public var prefetch: [Language: Int] = [.english: 2, .french: 3, .spanish: 3]
    /// The retry delay buckets: a retry waits in the smallest bucket at
    /// least as long as its delay (the largest if none is), for at most its
    /// own delay. Default 1 s, 5 s, 30 s, 2 min, 10 min.
    public var retryDelays: [Duration] = [.seconds(1), .seconds(5), .seconds(30), .seconds(120), .seconds(600)]
    /// The AMQP heartbeat; a broker silent for twice as long is taken as
    /// gone. Default 10 s.
    public var heartbeat: Duration = .seconds(10)
    /// Bounds connecting, each broker round trip, and a publish's wait for
    /// its confirms. Default 10 s.
    public var operationTimeout: Duration = .seconds(10)
    /// How long an operation issued while disconnected waits for the
    /// connection before it fails as an outage. Default 5 s.
    public var reconnectWait: Duration = .seconds(5)
    /// The first pause before reconnecting, doubled up to
    /// `maximumReconnectDelay`. Defaults 100 ms and 5 s.
    public var initialReconnectDelay: Duration = .milliseconds(100)
    public var maximumReconnectDelay: Duration = .seconds(5)
    /// At most this many dead letters are read when listing or replaying
    /// them. Default 10 000.
    public var deadLetterScanLimit = 10_000

    /// Settings with the defaults above for `url`.
    public init(url: AMQPURL) {
        self.url = url
    }

    func prefetch(for language: Language) -> Int {
        max(1, min(prefetch[language] ?? 1, Int(UInt16.max)))
    }
}
