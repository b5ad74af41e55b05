import Foundation
import VoyageurCore

/// An operator's command for one breaker, obeyed by every worker.
public enum BreakerCommand: String, Sendable, Hashable, Codable, CaseIterable {
    /// Hold the breaker open until closed or reset.
    case open
    /// Close it and clear its counts.
    case close
    /// Close it and clear its counts and totals.
    case reset
}

/// A breaker command as stored: the latest one per breaker wins.
public struct BreakerOverride: Sendable, Hashable {
    public var key: BreakerKey
    public var command: BreakerCommand
    /// Increases with every change to flags or overrides, fleet-wide; a worker
    /// applies an override once, when its revision is new to it.
    public var revision: Int64
    public var issuedAt: Date
    public var issuedBy: String

    public init(key: BreakerKey, command: BreakerCommand, revision: Int64, issuedAt: Date, issuedBy: String) {
        self.key = key
        self.command = command
        self.revision = revision
        self.issuedAt = issuedAt
        self.issuedBy = issuedBy
    }
}

/// What a worker reports about itself every few seconds.
public struct WorkerHeartbeat: Sendable, Hashable, Codable {
    /// Where a worker's flag values came from.
    public enum FlagSource: String, Sendable, Hashable, Codable {
        /// Read from the store at the last refresh.
        case store
        /// The store was unreachable; the snapshot saved on disk is in force.
        case snapshotFile = "snapshot_file"
        /// The store was unreachable and no snapshot was saved: defaults.
        case defaults
    }

    public var workerID: String
    public var host: String
    public var pid: Int32
    public var languages: [Language]
    public var startedAt: Date
    public var updatedAt: Date
    public var inFlight: Int
    public var processed: Int
    public var isStopping: Bool
    public var flagSource: FlagSource
    /// The revision of the flag values in force.
    public var flagRevision: Int64
    /// When the flag values in force were read from the store.
    public var flagsLoadedAt: Date?
    /// The last time the flag store could not be read, if ever.
    public var flagStoreUnreachableSince: Date?
    public var breakers: [BreakerSnapshot]

    public init(
        workerID: String,
        host: String,
        pid: Int32,
        languages: [Language],
        startedAt: Date,
        updatedAt: Date,
        inFlight: Int,
        processed: Int,
        isStopping: Bool,
        flagSource: FlagSource,
        flagRevision: Int64,
        flagsLoadedAt: Date?,
        flagStoreUnreachableSince: Date?,
        breakers: [BreakerSnapshot]
    ) {
        self.workerID = workerID
        self.host = host
        self.pid = pid
        self.languages = languages
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.inFlight = inFlight
        self.processed = processed
        self.isStopping = isStopping
        self.flagSource = flagSource
        self.flagRevision = flagRevision
        self.flagsLoadedAt = flagsLoadedAt
        self.flagStoreUnreachableSince = flagStoreUnreachableSince
        self.breakers = breakers
    }
}

/// Durable, fleet-wide control state: flag values, breaker overrides and
/// worker heartbeats. SQLite and PostgreSQL implement it.
///
/// Every change bumps one revision counter, so a worker can tell with one
/// cheap read whether anything changed.
public protocol ControlStore: AnyObject, Sendable {
    /// The revision of the latest change to flags or overrides.
    func controlRevision() async throws -> Int64

    /// Every flag's stored value (defaults for flags never set), stamped
    /// with the current revision.
    func flags() async throws -> FlagSnapshot

    /// Sets one flag's value; returns the new snapshot.
    func setFlag(_ flag: FeatureFlag, to state: FlagState, by actor: String) async throws -> FlagSnapshot

    /// Turns on the emergency fallback and off every generation flag in one
    /// transaction, saving their values; false when it was already on.
    func enableEmergency(by actor: String) async throws -> Bool

    /// Turns the emergency fallback off and restores the saved values in one
    /// transaction; false when it was not on.
    func clearEmergency(by actor: String) async throws -> Bool

    /// Bumps the revision so that every worker reloads at once.
    func touch(by actor: String) async throws -> Int64

    /// The latest override of every breaker that has one.
    func breakerOverrides() async throws -> [BreakerOverride]

    /// Records a command for `keys`, in one transaction.
    func setBreakerOverride(_ command: BreakerCommand, for keys: [BreakerKey], by actor: String) async throws

    /// Stores a worker's heartbeat, replacing its previous one.
    func saveHeartbeat(_ heartbeat: WorkerHeartbeat) async throws

    /// Every worker's latest heartbeat, newest first.
    func heartbeats() async throws -> [WorkerHeartbeat]
}

/// A control store that announces changes as they are committed, so workers
/// react at once instead of at their next poll.
public protocol ControlChangeNotifying: Sendable {
    /// The revision after each change; may repeat, and ends when the
    /// consuming task is cancelled.
    func controlChanges() -> AsyncStream<Int64>
}
