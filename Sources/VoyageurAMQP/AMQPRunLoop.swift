import Foundation
import Synchronization

/// The thread that owns the broker connection: it connects (again, with
/// backoff, whenever the connection is lost), runs the commands other
/// threads submit, and reads frames (deliveries, confirms, heartbeats) in
/// between, sleeping in `poll` when there is nothing to do.
///
/// rabbitmq-c is not thread-safe, and its calls block: only this thread
/// makes them, never a task of the cooperative pool.
final class AMQPRunLoop: Sendable {
    /// Work for the thread. `run` may complete its caller later (when
    /// confirms arrive); `fail` completes it when the command cannot run.
    struct Command: Sendable {
        var deadline: ContinuousClock.Instant
        var run: @Sendable (AMQPSession) throws(AMQPError) -> Void
        var fail: @Sendable (AMQPError) -> Void
    }

    let consumers = AMQPConsumerState()
    private let settings: AMQPQueueSettings
    private let topology: AMQPTopology
    private let commands = Mutex<[Command]>([])
    private let wake = AMQPWakeSignal()
    private let isStopping = Atomic(false)
    private let stopped = Mutex<[CheckedContinuation<Void, Never>]?>([])

    init(settings: AMQPQueueSettings) {
        self.settings = settings
        self.topology = AMQPTopology(settings: settings)
    }

    func start() {
        let thread = Thread { [self] in
            run()
        }
        thread.name = "voyageur.amqp"
        thread.start()
    }

    /// Queues `command` for the thread; it waits for a connection until
    /// its deadline.
    func submit(_ command: Command) {
        guard !isStopping.load(ordering: .acquiring) else {
            command.fail(AMQPError(.closed, "the queue was shut down"))
            return
        }
        commands.withLock { $0.append(command) }
        wake.signal()
    }

    /// Runs `body` on the thread and waits for it to complete its
    /// completion; fails as an outage when no connection comes within
    /// `wait`.
    func perform<Value: Sendable>(
        waiting wait: Duration,
        _ body: @escaping @Sendable (AMQPSession, AMQPCompletion<Value>) throws(AMQPError) -> Void
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let completion = AMQPCompletion(continuation)
            submit(
                Command(
                    deadline: .now + wait,
                    run: { session throws(AMQPError) in try body(session, completion) },
                    fail: { completion.resume(.failure($0)) }
                )
            )
        }
    }

    /// Stops the thread, failing what is queued, and closes the connection.
    func stop() async {
        isStopping.store(true, ordering: .releasing)
        wake.signal()
        await withCheckedContinuation { continuation in
            let isDone = stopped.withLock { waiters in
                waiters?.append(continuation)
                return waiters == nil
            }
            if isDone {
                continuation.resume()
            }
        }
    }

    /// Asks the thread to stop without waiting for it.
    func requestStop() {
        isStopping.store(true, ordering: .releasing)
        wake.signal()
    }

    // MARK: - Thread

    private func run() {
        var delay = settings.initialReconnectDelay
        var generation: UInt16 = 0
        while !isStopping.load(ordering: .acquiring) {
            generation &+= 1
            let session: AMQPSession
            do {
                session = try AMQPSession(
                    settings: settings,
                    topology: topology,
                    consumers: consumers,
                    generation: generation
                )
            } catch {
                consumers.disconnected(error)
                sleep(for: delay)
                delay = min(delay * 2, settings.maximumReconnectDelay)
                continue
            }

            delay = settings.initialReconnectDelay
            consumers.connected(generation: generation)
            let error = serve(session)
            consumers.disconnected(AMQPError(.disconnected, error.message))
            session.failAll(AMQPError(.disconnected, error.message))
        }

        let closed = AMQPError(.closed, "the queue was shut down")
        for command in takeCommands() {
            command.fail(closed)
        }
        consumers.disconnected(closed)
        let waiters = stopped.withLock { waiters in
            defer { waiters = nil }
            return waiters ?? []
        }
        for waiter in waiters {
            waiter.resume()
        }
    }

    private func takeCommands() -> [Command] {
        commands.withLock { queued in
            defer { queued = [] }
            return queued
        }
    }

    /// Serves one connection until it fails or the loop stops; returns why.
    private func serve(_ session: AMQPSession) -> AMQPError {
        // Heartbeats go out from `processInput`, so the thread wakes at
        // least a few times per heartbeat interval.
        let idle = min(.seconds(1), settings.heartbeat / 4)
        while !isStopping.load(ordering: .acquiring) {
            for command in takeCommands() {
                do throws(AMQPError) {
                    try command.run(session)
                } catch {
                    command.fail(error)
                    return error
                }
            }

            let frames: Int
            do {
                frames = try session.processInput()
            } catch {
                return error
            }
            if let error = session.overdueConfirm {
                return error
            }
            if frames == 0 {
                let hasCommands = commands.withLock { !$0.isEmpty }
                let timeout: Duration = hasCommands || session.connection.hasBufferedInput ? .zero : idle
                wake.wait(socket: session.connection.socket, timeout: timeout)
            }
        }
        return AMQPError(.closed, "the queue was shut down")
    }

    /// Sleeps between connection attempts, failing the commands whose
    /// deadline passes meanwhile.
    private func sleep(for delay: Duration) {
        let end = ContinuousClock.now + delay
        while !isStopping.load(ordering: .acquiring) {
            let now = ContinuousClock.now
            let expired = commands.withLock { queued in
                let expired = queued.filter { $0.deadline <= now }
                queued.removeAll { $0.deadline <= now }
                return expired
            }
            let error = consumers.lastError ?? AMQPError(.disconnected, "no connection to the broker")
            for command in expired {
                command.fail(AMQPError(.disconnected, error.message))
            }
            guard now < end else { return }
            wake.wait(socket: -1, timeout: min(end - now, .milliseconds(100)))
        }
    }
}
