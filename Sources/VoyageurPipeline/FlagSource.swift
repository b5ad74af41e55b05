import Foundation
import Synchronization
import VoyageurControl
import VoyageurCore
import VoyageurRuntime

/// The flag values a worker decides by: a snapshot read from the control
/// store, refreshed when the store's revision changes, and saved on disk so
/// that a worker started while the store is unreachable still obeys the
/// operators' last word.
public final class FlagSource: Sendable {
    private struct State {
        var snapshot: FlagSnapshot
        var source: WorkerHeartbeat.FlagSource
        var unreachableSince: Date?
        var isReportedUnreachable = false
    }

    private let store: any ControlStore
    private let snapshotFile: URL?
    private let logger: Logger
    private let state: Mutex<State>

    /// - Parameter snapshotFile: where the last snapshot read is kept; nil
    ///   keeps none.
    public init(store: any ControlStore, snapshotFile: URL?, logger: Logger) {
        self.store = store
        self.snapshotFile = snapshotFile
        self.logger = logger
        self.state = Mutex(State(snapshot: .defaults, source: .defaults))
    }

    /// The snapshot in force.
    public var current: FlagSnapshot { state.withLock { $0.snapshot } }

    /// Where the snapshot in force came from.
    public var source: WorkerHeartbeat.FlagSource { state.withLock { $0.source } }

    /// When the store was last found unreachable, if ever.
    public var unreachableSince: Date? { state.withLock { $0.unreachableSince } }

    /// Reads the store, or, when it is unreachable, the snapshot on disk.
    public func start() async {
        if await refresh(force: true) { return }
        guard let saved = loadSavedSnapshot() else {
            logger.warning("Flag store unreachable and no snapshot saved; using defaults")
            return
        }
        state.withLock {
            $0.snapshot = saved
            $0.source = .snapshotFile
        }
        logger.warning(
            "Flag store unreachable; using last snapshot",
            [
                "flags.revision": String(saved.version),
                "flags.loaded_at": saved.loadedAt.map(Timestamp.format) ?? "-",
            ]
        )
    }

    /// Reloads the flags when their revision changed, or always when
    /// `force` is set. Returns false when the store could not be read.
    @discardableResult
    public func refresh(force: Bool) async -> Bool {
        do {
            let revision = try await store.controlRevision()
            let known = state.withLock { $0.source == .store ? $0.snapshot.version : nil }
            if force || revision != known {
                let snapshot = try await store.flags()
                let previous = state.withLock { state -> FlagSnapshot? in
                    defer {
                        state.snapshot = snapshot
                        state.source = .store
                    }
                    return state.source == .store ? state.snapshot : nil
                }
                if previous?.states != snapshot.states {
                    logChange(from: previous, to: snapshot)
                    save(snapshot)
                }
            }
            let wasUnreachable = state.withLock { state -> Bool in
                defer { state.isReportedUnreachable = false }
                return state.isReportedUnreachable
            }
            if wasUnreachable {
                logger.notice("Flag store reachable again", ["flags.revision": String(revision)])
            }
            return true
        } catch {
            let isFirst = state.withLock { state -> Bool in
                state.unreachableSince = Date()
                defer { state.isReportedUnreachable = true }
                return !state.isReportedUnreachable
            }
            if isFirst {
                logger.warning(
                    "Flag store unreachable; keeping the flags in force", ["error": String(describing: error)])
            }
            return false
        }
    }

    private func logChange(from previous: FlagSnapshot?, to snapshot: FlagSnapshot) {
        if snapshot.isEmergencyActive && previous?.isEmergencyActive != true {
            logger.critical("Emergency fallback enabled", ["flags.revision": String(snapshot.version)])
        }
        for flag in FeatureFlag.allCases where previous?[flag] != snapshot[flag] {
            logger.info(
                "Feature flag changed",
                [
                    "flag.name": flag.name,
                    "flag.enabled": String(snapshot[flag].enabled),
                    "flag.rollout": String(snapshot[flag].rolloutPercentage),
                    "flags.revision": String(snapshot.version),
                ]
            )
        }
    }

    private func save(_ snapshot: FlagSnapshot) {
        guard let snapshotFile else { return }
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            encoder.dateEncodingStrategy = .iso8601
            try encoder.encode(snapshot).write(to: snapshotFile, options: .atomic)
        } catch {
            logger.warning(
                "Flag snapshot not saved",
                ["file": snapshotFile.path, "error": String(describing: error)]
            )
        }
    }

    private func loadSavedSnapshot() -> FlagSnapshot? {
        guard let snapshotFile, let data = try? Data(contentsOf: snapshotFile) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(FlagSnapshot.self, from: data)
    }
}
