import CRabbitMQ
import CRabbitMQShim
import Foundation

/// One rabbitmq-c connection: owns the connection state (and its socket)
/// and turns its return codes into `AMQPError`.
///
/// Not thread-safe, like rabbitmq-c itself: it lives on one run-loop thread.
/// Every call may block up to the operation timeout.
final class AMQPConnection {
    private let state: amqp_connection_state_t
    private let endpoint: String
    /// False once a call failed; the connection is then only destroyed.
    private(set) var isHealthy = true

    /// Opens a socket, logs in and sets the heartbeat and RPC timeout.
    init(url: AMQPURL, heartbeat: Duration, timeout: Duration) throws(AMQPError) {
        endpoint = "\(url.host):\(url.port)"
        guard let state = amqp_new_connection() else {
            throw AMQPError(.connectFailed, "cannot allocate a connection to \(endpoint)")
        }
        self.state = state
        guard let socket = amqp_tcp_socket_new(state) else {
            isHealthy = false
            throw AMQPError(.connectFailed, "cannot create a socket for \(endpoint)")
        }

        var limit = Self.makeTimeval(timeout)
        let status = amqp_socket_open_noblock(socket, url.host, Int32(url.port), &limit)
        guard status == AMQP_STATUS_OK.rawValue else {
            isHealthy = false
            throw AMQPError(.connectFailed, "cannot connect to \(endpoint): \(Self.statusText(status))")
        }
        _ = amqp_set_handshake_timeout(state, &limit)
        _ = amqp_set_rpc_timeout(state, &limit)

        let seconds = Int32(max(0, heartbeat.milliseconds / 1_000))
        let reply = voyageur_amqp_login_plain(state, url.vhost, 0, 131_072, seconds, url.user, url.password)
        guard reply.reply_type == AMQP_RESPONSE_NORMAL else {
            isHealthy = false
            throw error(from: reply, doing: "log in as \(url.user) on vhost \(url.vhost)", code: .connectFailed)
        }
    }

    deinit {
        if isHealthy {
            _ = amqp_connection_close(state, AMQP_REPLY_SUCCESS)
        }
        amqp_destroy_connection(state)
    }

    /// The socket, for `poll`.
    var socket: Int32 { amqp_get_sockfd(state) }

    /// True when a frame may be read without touching the socket.
    var hasBufferedInput: Bool {
        amqp_frames_enqueued(state) != 0 || amqp_data_in_buffer(state) != 0
    }

    /// Marks the connection broken: it will not be closed politely.
    func markBroken() {
        isHealthy = false
    }

    // MARK: - Calls

    /// Runs a synchronous method (`amqp_queue_declare` and the like) and
    /// checks its reply.
    func rpc<Reply>(
        _ what: @autoclosure () -> String,
        _ call: (amqp_connection_state_t) -> UnsafeMutablePointer<Reply>?
    ) throws(AMQPError) -> Reply {
        let result = call(state)
        let reply = amqp_get_rpc_reply(state)
        guard reply.reply_type == AMQP_RESPONSE_NORMAL, let result else {
            isHealthy = false
            throw error(from: reply, doing: what(), code: .brokerRefused)
        }
        return result.pointee
    }

    /// Runs an asynchronous method (`amqp_basic_ack`, `amqp_basic_publish`)
    /// and checks its status.
    func send(_ what: @autoclosure () -> String, _ call: (amqp_connection_state_t) -> Int32) throws(AMQPError) {
        let status = call(state)
        guard status == AMQP_STATUS_OK.rawValue else {
            isHealthy = false
            throw AMQPError(.disconnected, "cannot \(what()) on \(endpoint): \(Self.statusText(status))")
        }
    }

    /// Runs a call that returns an RPC reply (`amqp_basic_get`,
    /// `amqp_read_message`) and checks it.
    func reply(_ what: @autoclosure () -> String, _ call: (amqp_connection_state_t) -> amqp_rpc_reply_t)
        throws(AMQPError) -> amqp_rpc_reply_t
    {
        let reply = call(state)
        guard reply.reply_type == AMQP_RESPONSE_NORMAL else {
            isHealthy = false
            throw error(from: reply, doing: what(), code: .brokerRefused)
        }
        return reply
    }

    /// Reads the next frame without blocking; nil when none is there.
    /// Services heartbeats as a side effect.
    func nextFrame() throws(AMQPError) -> amqp_frame_t? {
        var frame = amqp_frame_t()
        var immediately = timeval(tv_sec: 0, tv_usec: 0)
        let status = amqp_simple_wait_frame_noblock(state, &frame, &immediately)
        if status == AMQP_STATUS_TIMEOUT.rawValue { return nil }
        guard status == AMQP_STATUS_OK.rawValue else {
            isHealthy = false
            throw AMQPError(.disconnected, "lost the connection to \(endpoint): \(Self.statusText(status))")
        }
        return frame
    }

    /// Reads the content of a message whose method frame (basic.deliver or
    /// basic.get-ok, with `deliveryTag` and `routingKey`) was just read on
    /// `channel`, copying what Voyageur uses.
    func readMessage(on channel: UInt16, deliveryTag: UInt64, routingKey: amqp_bytes_t) throws(AMQPError)
        -> AMQPIncomingMessage
    {
        let routingKey = String(bytes: routingKey)
        var message = amqp_message_t()
        let reply = amqp_read_message(state, channel, &message, 0)
        guard reply.reply_type == AMQP_RESPONSE_NORMAL else {
            isHealthy = false
            throw error(from: reply, doing: "read a message", code: .protocolFailure)
        }
        defer { amqp_destroy_message(&message) }

        let properties = message.properties
        let flags = UInt32(properties._flags)
        let hasID = flags & UInt32(AMQP_BASIC_MESSAGE_ID_FLAG) != 0
        let hasHeaders = flags & UInt32(AMQP_BASIC_HEADERS_FLAG) != 0
        return AMQPIncomingMessage(
            channel: channel,
            deliveryTag: deliveryTag,
            routingKey: routingKey,
            messageID: hasID ? String(bytes: properties.message_id) : "",
            headers: hasHeaders ? AMQPFieldValue.decode(properties.headers) : [:],
            body: Data(bytes: message.body)
        )
    }

    /// Lets rabbitmq-c reuse the memory of frames already handled.
    func releaseBuffers() {
        amqp_maybe_release_buffers(state)
    }

    // MARK: - Errors

    private func error(from reply: amqp_rpc_reply_t, doing what: String, code: AMQPError.Code) -> AMQPError {
        switch reply.reply_type {
        case AMQP_RESPONSE_SERVER_EXCEPTION:
            let method = reply.reply
            if method.id == AMQPMethod.channelClose, let decoded = method.decoded {
                let close = decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
                return AMQPError(
                    code,
                    "cannot \(what) on \(endpoint): \(String(bytes: close.reply_text))",
                    replyCode: Int(close.reply_code)
                )
            }
            if method.id == AMQPMethod.connectionClose, let decoded = method.decoded {
                let close = decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
                return AMQPError(
                    code,
                    "cannot \(what) on \(endpoint): \(String(bytes: close.reply_text))",
                    replyCode: Int(close.reply_code)
                )
            }
            return AMQPError(.protocolFailure, "cannot \(what) on \(endpoint): unexpected broker reply")
        case AMQP_RESPONSE_LIBRARY_EXCEPTION:
            let status = reply.library_error
            let failure: AMQPError.Code = status == AMQP_STATUS_TIMEOUT.rawValue ? .timedOut : .disconnected
            return AMQPError(
                code == .connectFailed ? .connectFailed : failure,
                "cannot \(what) on \(endpoint): \(Self.statusText(status))"
            )
        default:
            return AMQPError(.protocolFailure, "cannot \(what) on \(endpoint): no reply")
        }
    }

    static func statusText(_ status: Int32) -> String {
        guard let text = amqp_error_string2(status) else { return "status \(status)" }
        return String(cString: text)
    }

    static func makeTimeval(_ duration: Duration) -> timeval {
        let milliseconds = max(duration.milliseconds, 1)
        return Glibc.timeval(tv_sec: Int(milliseconds / 1_000), tv_usec: Int(milliseconds % 1_000) * 1_000)
    }
}
