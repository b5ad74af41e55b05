import Foundation
import VoyageurCore

/// The circuit breaker of one (route, language): a pure state machine.
///
/// CLOSED counts failures in a row and opens at
/// ``BreakerSettings/failureThreshold``; OPEN refuses calls until
/// ``BreakerSettings/recoveryTimeout`` has passed since it opened, then the
/// next ``acquire(now:)`` or ``tick(now:)`` makes it HALF_OPEN; HALF_OPEN
/// lets at most ``BreakerSettings/halfOpenMaxCalls`` probes run at once,
/// closes after ``BreakerSettings/successThreshold`` successes and opens
/// again at the first failure.
///
/// The breaker never reads a clock: callers pass `now` (a monotonic
/// instant). State changes only in the `mutating` methods, each of which
/// returns the ``BreakerTransition``s to log; reading ``state`` or taking a
/// ``snapshot(now:date:)`` changes nothing. A forced open never heals by
/// itself. An outcome counts only in the state that gave its permit: calls
/// still running when the state changes are released without effect.
///
/// A value type: the owner (one per worker, behind its own isolation)
/// serialises access.
public struct CircuitBreaker: Sendable {
    /// The route and language guarded.
    public let key: BreakerKey
    /// Thresholds and timeouts.
    public let settings: BreakerSettings
    /// The current state.
    public private(set) var state: BreakerState = .closed
    /// Whether an operator forced it open.
    public private(set) var isForcedOpen = false
    /// Failures in a row (see ``BreakerSnapshot/consecutiveFailures``).
    public private(set) var consecutiveFailures = 0
    /// Successful probes in the current half-open state.
    public private(set) var halfOpenSuccesses = 0
    /// When it last opened; `nil` when closed.
    public private(set) var openedAt: ContinuousClock.Instant?

    /// Permits of the current state not yet recorded.
    private var outstanding: Set<UInt64> = []
    private var nextPermitID: UInt64 = 1
    private var totalSuccesses = 0
    private var totalFailures = 0
    private var totalRejections = 0

    /// Creates a closed breaker.
    public init(key: BreakerKey, settings: BreakerSettings = .defaults) {
        self.key = key
        self.settings = settings
    }

    /// Asks leave for one backend call.
    ///
    /// Applies a due recovery first (open → half-open). Closed: always
    /// admitted. Half-open: admitted while fewer than the limit of probes
    /// are in flight. Open: refused, with the time left until recovery
    /// unless forced.
    public mutating func acquire(now: ContinuousClock.Instant) -> BreakerAdmission {
        let transitions = tick(now: now)

        switch state {
        case .closed:
            return admit(isProbe: false, transitions: transitions)
        case .halfOpen:
            guard outstanding.count < settings.halfOpenMaxCalls else {
                return refuse(retryAfter: nil, transitions: transitions)
            }
            return admit(isProbe: true, transitions: transitions)
        case .open:
            return refuse(retryAfter: recoveryRemaining(now: now), transitions: transitions)
        }
    }

    /// Records how an admitted call ended, and releases its permit.
    ///
    /// Every permit must be recorded exactly once, failures included. A
    /// permit already recorded, from an earlier state or from another
    /// breaker is ignored.
    public mutating func record(
        _ outcome: BreakerOutcome,
        permit: BreakerPermit,
        now: ContinuousClock.Instant
    ) -> [BreakerTransition] {
        guard permit.key == key, outstanding.remove(permit.id) != nil else {
            return []
        }

        switch (state, outcome) {
        case (_, .inconclusive):
            return []
        case (.closed, .success), (.closed, .slowSuccess):
            totalSuccesses += 1
            consecutiveFailures = 0
            return []
        case (.closed, .failure):
            totalFailures += 1
            consecutiveFailures += 1
            guard consecutiveFailures >= settings.failureThreshold else {
                return []
            }
            return [open(now: now, cause: .failureThreshold)]
        case (.halfOpen, .success), (.halfOpen, .slowSuccess):
            totalSuccesses += 1
            halfOpenSuccesses += 1
            guard halfOpenSuccesses >= settings.successThreshold else {
                return []
            }
            return [close(cause: .probeSuccesses)]
        case (.halfOpen, .failure):
            totalFailures += 1
            consecutiveFailures += 1
            return [open(now: now, cause: .probeFailure)]
        case (.open, _):
            // Opening drops every outstanding permit, so none gets here.
            return []
        }
    }

    /// Makes an open breaker half-open when its recovery timeout has passed.
    ///
    /// ``acquire(now:)`` does this itself; call it on a timer to report the
    /// transition even when no job comes.
    public mutating func tick(now: ContinuousClock.Instant) -> [BreakerTransition] {
        guard state == .open, !isForcedOpen, recoveryRemaining(now: now) == .zero else {
            return []
        }
        let transition = makeTransition(to: .halfOpen, cause: .recoveryTimeout)
        state = .halfOpen
        consecutiveFailures = 0
        halfOpenSuccesses = 0
        outstanding.removeAll()
        return [transition]
    }

    /// Opens the breaker until an operator closes or resets it.
    ///
    /// The recovery timeout does not apply. Calls in flight are released
    /// without effect.
    public mutating func forceOpen(now: ContinuousClock.Instant) -> [BreakerTransition] {
        isForcedOpen = true
        guard state != .open else {
            return []
        }
        return [open(now: now, cause: .forcedOpen)]
    }

    /// Closes the breaker and clears its counts; lifetime totals are kept.
    ///
    /// It then works normally and can trip again.
    public mutating func forceClose() -> [BreakerTransition] {
        isForcedOpen = false
        guard state != .closed else {
            consecutiveFailures = 0
            return []
        }
        return [close(cause: .forcedClose)]
    }

    /// Returns the breaker to its initial state: closed, every count and
    /// total at zero.
    public mutating func reset() -> [BreakerTransition] {
        isForcedOpen = false
        totalSuccesses = 0
        totalFailures = 0
        totalRejections = 0
        guard state != .closed else {
            consecutiveFailures = 0
            return []
        }
        return [close(cause: .reset)]
    }

    /// The breaker's state and counts, without changing anything.
    ///
    /// - Parameters:
    ///   - now: the monotonic instant, for the recovery countdown.
    ///   - date: the wall-clock time at `now`, to date ``openedAt``.
    public func snapshot(now: ContinuousClock.Instant, date: Date) -> BreakerSnapshot {
        let remaining = recoveryRemaining(now: now)
        let openedDate = openedAt.map { date.addingTimeInterval(-(now - $0).seconds) }
        return BreakerSnapshot(
            key: key,
            state: state,
            isForcedOpen: isForcedOpen,
            consecutiveFailures: consecutiveFailures,
            halfOpenSuccesses: halfOpenSuccesses,
            halfOpenInFlight: state == .halfOpen ? outstanding.count : 0,
            inFlight: outstanding.count,
            openedAt: openedDate,
            recoversInSeconds: remaining?.seconds,
            isRecoveryDue: remaining == .zero,
            totalSuccesses: totalSuccesses,
            totalFailures: totalFailures,
            totalRejections: totalRejections
        )
    }

    /// Time left until an open, unforced breaker may turn half-open; zero
    /// when due, `nil` in any other case.
    private func recoveryRemaining(now: ContinuousClock.Instant) -> Duration? {
        guard state == .open, !isForcedOpen, let openedAt else {
            return nil
        }
        return max(.zero, settings.recoveryTimeout - (now - openedAt))
    }

    private mutating func admit(
        isProbe: Bool,
        transitions: [BreakerTransition]
    ) -> BreakerAdmission {
        let permit = BreakerPermit(key: key, id: nextPermitID, isProbe: isProbe)
        nextPermitID &+= 1
        outstanding.insert(permit.id)
        return BreakerAdmission(permit: permit, transitions: transitions, retryAfter: nil)
    }

    private mutating func refuse(
        retryAfter: Duration?,
        transitions: [BreakerTransition]
    ) -> BreakerAdmission {
        totalRejections += 1
        return BreakerAdmission(permit: nil, transitions: transitions, retryAfter: retryAfter)
    }

    private mutating func open(
        now: ContinuousClock.Instant,
        cause: BreakerTransition.Cause
    ) -> BreakerTransition {
        let transition = makeTransition(to: .open, cause: cause)
        state = .open
        openedAt = now
        halfOpenSuccesses = 0
        outstanding.removeAll()
        return transition
    }

    private mutating func close(cause: BreakerTransition.Cause) -> BreakerTransition {
        let transition = makeTransition(to: .closed, cause: cause)
        state = .closed
        openedAt = nil
        consecutiveFailures = 0
        halfOpenSuccesses = 0
        outstanding.removeAll()
        return transition
    }

    private func makeTransition(
        to target: BreakerState,
        cause: BreakerTransition.Cause
    ) -> BreakerTransition {
        BreakerTransition(
            key: key,
            from: state,
            to: target,
            cause: cause,
            consecutiveFailures: consecutiveFailures,
            halfOpenSuccesses: halfOpenSuccesses
        )
    }
}
