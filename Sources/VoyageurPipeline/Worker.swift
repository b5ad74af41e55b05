import Foundation
import Synchronization
import VoyageurCore
import VoyageurRuntime

/// Consumes the queues of its languages, turns each delivery into a stored
/// result and settles the delivery only once that result is committed.
///
/// Each language has its own consumer with as many jobs in flight as its
/// concurrency; finished results from all of them are committed together.
public final class Worker: Sendable {
    private let configuration: WorkerConfiguration
    private let queue: any JobQueue
    private let processor: JobProcessor
    private let committer: ResultCommitter
    private let control: FleetControl
    private let logger: Logger
    private let isStopping = Atomic(false)
    private let isFinished = Atomic(false)
    private let processed = Atomic(0)
    private let inFlight = Atomic(0)

    /// - Parameter control: keeps flags, breakers and the heartbeat in
    ///   step with the fleet; its flags and breakers must be the ones
    ///   `processor` decides by.
    public init(
        configuration: WorkerConfiguration,
        queue: any JobQueue,
        recorder: any OutcomeRecorder,
        processor: JobProcessor,
        control: FleetControl,
        logger: Logger
    ) {
        self.configuration = configuration
        self.queue = queue
        self.processor = processor
        self.committer = ResultCommitter(recorder: recorder, logger: logger)
        self.control = control
        self.logger = logger
    }

    /// Jobs settled since the worker started.
    public var processedCount: Int { processed.load(ordering: .relaxed) }

    /// Runs until `shutdown` fires, or, when draining, until the queues are
    /// empty. After a shutdown request no job is taken; jobs in flight get
    /// the shutdown grace to finish, and are handed back to the queue after it.
    public func run(until shutdown: ShutdownSignal) async {
        let identity = WorkerIdentity(
            workerID: configuration.workerID,
            host: ProcessInfo.processInfo.hostName,
            pid: ProcessInfo.processInfo.processIdentifier,
            languages: configuration.languages,
            startedAt: Date()
        )
        await control.prepare()
        logger.info(
            "Worker started",
            [
                "worker.languages": configuration.languages.map(\.code).joined(separator: ","),
                "worker.drain": String(configuration.drain),
                "flags.revision": String(control.flags.current.version),
                "flags.source": control.flags.source.rawValue,
            ]
        )

        // The control loop sleeps between its rounds; it is woken by
        // cancellation when the worker is done, to write its last heartbeat
        // at once.
        let fleet = Task {
            await self.control.run(
                identity: identity,
                isFinished: { self.isFinished.load(ordering: .relaxed) },
                activity: { self.activity }
            )
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.committer.run() }
            group.addTask {
                let signal = await shutdown.wait()
                self.stop(signal: signal)
                await self.queue.stopReceiving()
            }

            // The consumers end (drained, or stopped and their jobs settled);
            // then the signal waiter is released and the committer writes
            // what is left.
            await consumeAll()
            shutdown.trigger(0)
            committer.close()
            await group.waitForAll()
        }
        isFinished.store(true, ordering: .relaxed)
        fleet.cancel()
        await fleet.value
        logger.info("Worker stopped", ["worker.processed": String(processedCount)])
    }

    private var activity: FleetControl.Activity {
        FleetControl.Activity(
            inFlight: inFlight.load(ordering: .relaxed),
            processed: processed.load(ordering: .relaxed),
            isStopping: isStopping.load(ordering: .relaxed)
        )
    }

    private func stop(signal: Int32) {
        guard !isStopping.exchange(true, ordering: .relaxed) else { return }
        if signal != 0 {
            logger.info(
                "Shutdown requested; finishing jobs in flight",
                ["signal": String(signal), "shutdown.grace": DurationText.format(configuration.shutdownGrace)]
            )
        }
    }

    private func consumeAll() async {
        await withTaskGroup(of: Void.self) { group in
            for language in configuration.languages {
                group.addTask { await self.consume(language) }
            }
        }
    }

    private func consume(_ language: Language) async {
        let gate = CapacityGate(capacity: configuration.concurrency[language] ?? 1)
        let idle = IdleBackoff(maximum: configuration.pollInterval)
        let logger = logger.with(["queue.name": language.queueName])

        await withDiscardingTaskGroup { group in
            var emptyLooks = 0
            while !isStopping.load(ordering: .relaxed) {
                let free = await gate.waitForCapacity()
                let deliveries: [Delivery]
                do {
                    deliveries = try await queue.receive(from: language, limit: free)
                } catch {
                    logger.error("Queue unavailable", ["error": String(describing: error)])
                    try? await Task.sleep(for: .seconds(1))
                    continue
                }

                if deliveries.isEmpty {
                    // Drained only when the queue is seen empty twice, a
                    // moment apart: a job a broker has just pushed may still
                    // be on its way to this worker at the first look. The
                    // queue is asked only once nothing came for a moment:
                    // between two pushes of a broker the buffer is empty
                    // all the time, and asking costs the broker dearly.
                    if configuration.drain, idle.hasWaited(.milliseconds(15)), gate.inUse == 0,
                        await isEmpty(language)
                    {
                        emptyLooks += 1
                        if emptyLooks >= 2 {
                            logger.info("Queue drained")
                            break
                        }
                        try? await Task.sleep(for: .milliseconds(200))
                        continue
                    }
                    emptyLooks = 0
                    await queue.waitForJobs(in: language, timeout: idle.next())
                    continue
                }

                emptyLooks = 0
                idle.reset()
                gate.take(deliveries.count)
                inFlight.add(deliveries.count, ordering: .relaxed)
                for delivery in deliveries {
                    group.addTask {
                        await self.handle(delivery, logger: logger)
                        self.inFlight.subtract(1, ordering: .relaxed)
                        gate.release()
                    }
                }
            }
            if await !self.finishedInFlight(gate: gate) {
                logger.warning("Shutdown grace over; handing jobs back", ["jobs.in_flight": String(gate.inUse)])
                group.cancelAll()
            }
        }
    }

    /// Waits up to the shutdown grace for jobs in flight; false if some are
    /// still running after it.
    private func finishedInFlight(gate: CapacityGate) async -> Bool {
        let deadline = ContinuousClock.now + configuration.shutdownGrace
        while gate.inUse > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return gate.inUse == 0
    }

    private func handle(_ delivery: Delivery, logger: Logger) async {
        guard let outcome = await process(delivery, logger: logger) else {
            try? await queue.release([delivery])
            return
        }

        // Cancelled past the shutdown grace: whatever was produced may be
        // partial, so the job goes back untouched.
        if Task.isCancelled {
            try? await queue.release([delivery])
            return
        }

        if await committer.commit(outcome, for: delivery) {
            processed.add(1, ordering: .relaxed)
            if let result = outcome.result {
                logger.debug(
                    "Job stored",
                    [
                        "job.id": result.jobID,
                        "job.status": result.status.rawValue,
                        "job.method": result.method?.rawValue ?? "-",
                    ]
                )
            }
        } else {
            try? await queue.release([delivery])
        }
    }

    /// Processes `delivery`, waiting out a result store that cannot be read.
    ///
    /// The job keeps its slot meanwhile, so the worker takes no new work
    /// while the store is down, and the delivery is not handed back, which
    /// on a broker would count towards its delivery limit. Nil when the
    /// worker stops first.
    private func process(_ delivery: Delivery, logger: Logger) async -> JobOutcome? {
        var failures = 0
        while true {
            do {
                let outcome = try await processor.process(delivery)
                if failures > 0 {
                    logger.notice(
                        "Result store reachable again",
                        ["job.id": delivery.jobID, "store.failures": String(failures)]
                    )
                }
                return outcome
            } catch {
                failures += 1
                if failures == 1 || failures % 10 == 0 {
                    logger.error(
                        "Result store unavailable",
                        [
                            "job.id": delivery.jobID, "error": String(describing: error),
                            "store.failures": String(failures),
                        ]
                    )
                }
                if isStopping.load(ordering: .relaxed) || Task.isCancelled {
                    return nil
                }
                try? await Task.sleep(
                    for: RetryBackoff(base: .milliseconds(200), maximum: .seconds(5)).delay(afterAttempt: failures))
            }
        }
    }

    private func isEmpty(_ language: Language) async -> Bool {
        guard let depth = try? await queue.depth(of: [language]).first else { return false }
        return depth.pending == 0
    }
}

/// Polls faster right after work and backs off to a maximum when idle.
final class IdleBackoff: Sendable {
    private let current = Mutex(Duration.milliseconds(1))
    private let maximum: Duration

    init(maximum: Duration) {
        self.maximum = maximum
    }

    func next() -> Duration {
        current.withLock { value in
            defer { value = min(value * 2, maximum) }
            return value
        }
    }

    func reset() {
        current.withLock { $0 = .milliseconds(1) }
    }

    /// True once the pauses since the last reset add up to at least
    /// `duration` (or reached the maximum): nothing came for that long.
    func hasWaited(_ duration: Duration) -> Bool {
        // The pauses double from 1 ms, so the next one is their sum + 1 ms.
        current.withLock { $0 > duration || $0 >= maximum }
    }
}
