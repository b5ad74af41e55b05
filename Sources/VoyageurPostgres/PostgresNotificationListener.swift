import Foundation
import Synchronization

/// Listens on one channel over a connection of its own, on a thread of its
/// own, and yields each notification's payload.
///
/// It reconnects with backoff when the connection breaks (the server
/// restarted) and LISTENs again; after each (re)connect it yields what
/// `onConnect` reads, so a change made while it was away is not missed.
final class PostgresNotificationListener: Sendable {
    private let url: String
    private let channel: String
    private let onConnect: @Sendable (PostgresConnection) throws -> String?
    private let yield: @Sendable (String) -> Void
    private let finish: @Sendable () -> Void
    private let isStopped = Mutex(false)

    /// How long one wait for input lasts, which bounds how late ``stop()``
    /// is noticed.
    private static let pollInterval: Int32 = 200
    private static let maximumBackoff: Duration = .seconds(5)

    /// - Parameter channel: an SQL identifier; it is quoted, never bound.
    init(
        url: String,
        channel: String,
        onConnect: @escaping @Sendable (PostgresConnection) throws -> String?,
        yield: @escaping @Sendable (String) -> Void,
        finish: @escaping @Sendable () -> Void
    ) {
        self.url = url
        self.channel = channel
        self.onConnect = onConnect
        self.yield = yield
        self.finish = finish
    }

    /// Starts the thread; it runs until ``stop()``.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "voyageur.postgres.listen"
        thread.start()
    }

    /// Asks the thread to close its connection and end, within about
    /// 200 ms.
    func stop() {
        isStopped.withLock { $0 = true }
    }

    private var shouldStop: Bool {
        isStopped.withLock { $0 }
    }

    private func run() {
        var backoff: Duration = .milliseconds(100)
        while !shouldStop {
            guard let connection = try? listen() else {
                sleep(backoff)
                backoff = min(backoff * 2, Self.maximumBackoff)
                continue
            }
            backoff = .milliseconds(100)
            receive(on: connection)
        }
        finish()
    }

    /// Connects, LISTENs, and yields the state read right after.
    private func listen() throws -> PostgresConnection {
        let connection = try PostgresConnection(url: url, connectTimeout: .seconds(5))
        let quoted = "\"" + channel.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        try connection.execute("LISTEN \(quoted)")
        if let current = try onConnect(connection) {
            yield(current)
        }
        return connection
    }

    /// Yields payloads until the connection breaks or the listener stops.
    private func receive(on connection: PostgresConnection) {
        while !shouldStop {
            var descriptor = pollfd(fd: connection.socket, events: Int16(POLLIN), revents: 0)
            guard descriptor.fd >= 0 else { return }
            let ready = poll(&descriptor, 1, Self.pollInterval)
            if ready < 0 && errno != EINTR {
                return
            }
            guard ready > 0 else { continue }
            guard connection.consumeInput() else { return }
            for payload in connection.notifications() {
                yield(payload)
            }
        }
    }

    /// Sleeps in short steps, so that a stop is noticed.
    private func sleep(_ duration: Duration) {
        let deadline = ContinuousClock.now + duration
        while !shouldStop && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}
