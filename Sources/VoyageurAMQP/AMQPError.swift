import VoyageurCore

/// A failure of the RabbitMQ queue.
///
/// Descriptions name the broker by host and port only; they never carry the
/// URL's password.
public struct AMQPError: Error, StorageFailure, CustomStringConvertible, Sendable {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) {
            self.name = name
        }

        public var description: String { name }

        /// The broker URL is malformed.
        public static let invalidURL = Code("invalid URL")
        /// No connection to the broker now; it is being re-established.
        public static let disconnected = Code("disconnected")
        /// Connecting or logging in failed.
        public static let connectFailed = Code("connect failed")
        /// The broker refused an operation (a channel or connection exception).
        public static let brokerRefused = Code("broker refused")
        /// The broker did not confirm a publish (basic.nack).
        public static let publishRejected = Code("publish rejected")
        /// The broker did not answer in time.
        public static let timedOut = Code("timed out")
        /// The queue was shut down.
        public static let closed = Code("closed")
        /// The broker sent something this client cannot use.
        public static let protocolFailure = Code("protocol failure")
    }

    public var code: Code
    /// What failed, in words; never carries credentials or payloads.
    public var message: String
    /// For a broker refusal, the AMQP reply code (e.g. 404, 406, 320).
    public var replyCode: Int?

    public init(_ code: Code, _ message: String, replyCode: Int? = nil) {
        self.code = code
        self.message = message
        self.replyCode = replyCode
    }

    /// True when waiting helps: the broker is unreachable, restarting or
    /// pushing back; false for configuration faults such as a bad URL or a
    /// queue declared with other arguments.
    public var isOutage: Bool {
        switch code {
        case .disconnected, .connectFailed, .publishRejected, .timedOut, .protocolFailure:
            return true
        case .brokerRefused:
            // 320 connection-forced (shutdown), 541 internal error, 506
            // resource error: the broker's state, not ours.
            return replyCode.map { [320, 505, 506, 541].contains($0) } ?? true
        default:
            return false
        }
    }

    public var description: String {
        if let replyCode {
            return "AMQP \(code): \(message) (reply \(replyCode))"
        }
        return "AMQP \(code): \(message)"
    }
}
