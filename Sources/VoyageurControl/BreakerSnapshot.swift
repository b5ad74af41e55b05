import Foundation
import VoyageurCore

/// A breaker's state and counts at one moment, for heartbeats, health
/// output and `voyageurctl breakers status --json`.
///
/// Made by ``CircuitBreaker/snapshot(now:date:)``, which never changes the
/// breaker: an open breaker whose recovery timeout has passed still reads
/// `open`, with ``isRecoveryDue`` set, until the next call is asked for.
public struct BreakerSnapshot: Sendable, Hashable, Codable {
    /// The breaker's route.
    public let route: Route
    /// The breaker's language.
    public let language: Language
    /// The state.
    public let state: BreakerState
    /// Whether an operator forced it open; it stays open until closed or
    /// reset.
    public let isForcedOpen: Bool
    /// Failures in a row: in the closed state, those counted toward the
    /// threshold; when open, those that opened it.
    public let consecutiveFailures: Int
    /// Successful probes in the current half-open state.
    public let halfOpenSuccesses: Int
    /// Probes in flight in the current half-open state (at most the
    /// half-open limit); 0 in other states.
    public let halfOpenInFlight: Int
    /// Calls in flight that the breaker will count.
    public let inFlight: Int
    /// When it last opened (wall clock); `nil` unless open or half-open.
    public let openedAt: Date?
    /// Seconds until an open breaker lets probes through; `nil` when not
    /// open or forced open, 0 when due.
    public let recoversInSeconds: Double?
    /// Whether it is open, not forced, and past its recovery timeout.
    public let isRecoveryDue: Bool
    /// Successes counted since start or the last reset.
    public let totalSuccesses: Int
    /// Failures counted since start or the last reset.
    public let totalFailures: Int
    /// Calls refused since start or the last reset.
    public let totalRejections: Int

    /// The breaker's key.
    public var key: BreakerKey {
        BreakerKey(route: route, language: language)
    }

    /// Creates a snapshot; the breaker makes them.
    public init(
        key: BreakerKey,
        state: BreakerState,
        isForcedOpen: Bool,
        consecutiveFailures: Int,
        halfOpenSuccesses: Int,
        halfOpenInFlight: Int,
        inFlight: Int,
        openedAt: Date?,
        recoversInSeconds: Double?,
        isRecoveryDue: Bool,
        totalSuccesses: Int,
        totalFailures: Int,
        totalRejections: Int
    ) {
        self.route = key.route
        self.language = key.language
        self.state = state
        self.isForcedOpen = isForcedOpen
        self.consecutiveFailures = consecutiveFailures
        self.halfOpenSuccesses = halfOpenSuccesses
        self.halfOpenInFlight = halfOpenInFlight
        self.inFlight = inFlight
        self.openedAt = openedAt
        self.recoversInSeconds = recoversInSeconds
        self.isRecoveryDue = isRecoveryDue
        self.totalSuccesses = totalSuccesses
        self.totalFailures = totalFailures
        self.totalRejections = totalRejections
    }
}
