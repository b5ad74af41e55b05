import Foundation

/// A message to publish.
struct AMQPOutgoingMessage: Sendable {
    var exchange: String
    var routingKey: String
    var messageID: String
    var body: Data
    var headers: [(String, AMQPFieldValue)]
    /// Per-message TTL in milliseconds, for the retry delay queues.
    var expiration: Int64?
}

/// A message received from the broker, copied out of rabbitmq-c's memory.
struct AMQPIncomingMessage: Sendable {
    var channel: UInt16
    var deliveryTag: UInt64
    var routingKey: String
    var messageID: String
    var headers: [String: AMQPFieldValue]
    var body: Data
}
