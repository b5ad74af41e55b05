import Foundation
import VoyageurControl
import VoyageurCore
import VoyageurRuntime

/// Keeps a worker in step with the fleet: reloads flags and breaker
/// overrides as soon as their revision changes, moves recovered breakers to
/// half-open, and writes the worker's heartbeat.
public struct FleetControl: Sendable {
    /// How often things happen.
    public struct Timing: Sendable {
        /// How often the store's revision is checked (default 500 ms).
        public var pollInterval: Duration
        /// How often flags are reloaded even without a change (default 5 s).
        public var fullRefreshInterval: Duration
        /// How often the heartbeat is written (`VOYAGEUR_HEARTBEAT_INTERVAL`,
        /// default 2 s).
        public var heartbeatInterval: Duration

        public init(
            pollInterval: Duration = .milliseconds(500),
            fullRefreshInterval: Duration = .seconds(5),
            heartbeatInterval: Duration = .seconds(2)
        ) {
            self.pollInterval = pollInterval
            self.fullRefreshInterval = fullRefreshInterval
            self.heartbeatInterval = heartbeatInterval
        }
    }

    /// What the worker reports about its work, read at each heartbeat.
    public struct Activity: Sendable {
        public var inFlight: Int
        public var processed: Int
        public var isStopping: Bool
    }

    public let store: any ControlStore
    public let flags: FlagSource
    public let breakers: BreakerBoard
    private let timing: Timing
    private let logger: Logger

    public init(store: any ControlStore, flags: FlagSource, breakers: BreakerBoard, timing: Timing, logger: Logger) {
        self.store = store
        self.flags = flags
        self.breakers = breakers
        self.timing = timing
        self.logger = logger
    }

    /// Loads flags and overrides before the first job is taken.
    func prepare() async {
        await flags.start()
        await applyOverrides()
    }

    /// Runs until `isFinished` says so, then writes a last heartbeat. A
    /// store that announces changes is also listened to, so a change
    /// applies at once rather than at the next poll.
    func run(
        identity: WorkerIdentity,
        isFinished: @escaping @Sendable () -> Bool,
        activity: @escaping @Sendable () -> Activity
    ) async {
        await withTaskGroup(of: Void.self) { group in
            if let notifying = store as? any ControlChangeNotifying {
                group.addTask {
                    for await _ in notifying.controlChanges() {
                        await flags.refresh(force: false)
                        await applyOverrides()
                    }
                }
            }
            await poll(identity: identity, isFinished: isFinished, activity: activity)
            group.cancelAll()
        }
    }

    private func poll(
        identity: WorkerIdentity,
        isFinished: @Sendable () -> Bool,
        activity: @Sendable () -> Activity
    ) async {
        let clock = ContinuousClock()
        var lastFullRefresh = clock.now
        var lastHeartbeat = clock.now - timing.heartbeatInterval
        var knownRevision = flags.current.version

        while !isFinished() && !Task.isCancelled {
            let isFullRefreshDue = clock.now - lastFullRefresh >= timing.fullRefreshInterval
            if await flags.refresh(force: isFullRefreshDue) {
                if isFullRefreshDue { lastFullRefresh = clock.now }
                let revision = flags.current.version
                if revision != knownRevision || isFullRefreshDue {
                    knownRevision = revision
                    await applyOverrides()
                }
            }
            breakers.tick()
            if clock.now - lastHeartbeat >= timing.heartbeatInterval {
                lastHeartbeat = clock.now
                await beat(identity, activity())
            }
            try? await Task.sleep(for: timing.pollInterval)
        }
        await beat(identity, activity())
    }

    private func applyOverrides() async {
        do {
            breakers.apply(try await store.breakerOverrides())
        } catch {
            logger.debug("Breaker overrides not read", ["error": String(describing: error)])
        }
    }

    private func beat(_ identity: WorkerIdentity, _ activity: Activity) async {
        let flags = flags.current
        let heartbeat = WorkerHeartbeat(
            workerID: identity.workerID,
            host: identity.host,
            pid: identity.pid,
            languages: identity.languages,
            startedAt: identity.startedAt,
            updatedAt: Date(),
            inFlight: activity.inFlight,
            processed: activity.processed,
            isStopping: activity.isStopping,
            flagSource: self.flags.source,
            flagRevision: flags.version,
            flagsLoadedAt: flags.loadedAt,
            flagStoreUnreachableSince: self.flags.unreachableSince,
            breakers: breakers.snapshots()
        )
        do {
            try await store.saveHeartbeat(heartbeat)
        } catch {
            logger.debug("Heartbeat not written", ["error": String(describing: error)])
        }
    }
}

/// Who a worker is, as its heartbeat says.
struct WorkerIdentity: Sendable {
    var workerID: String
    var host: String
    var pid: Int32
    var languages: [Language]
    var startedAt: Date
}
