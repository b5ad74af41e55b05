import Foundation
import Synchronization
import VoyageurControl
import VoyageurCore
import VoyageurRuntime

/// A worker's circuit breakers, one per (route, language), with the
/// operators' overrides applied and every transition logged.
///
/// Safe to use from any task; each call holds the lock only for the state
/// change, never across I/O.
public final class BreakerBoard: Sendable {
    private struct State {
        var breakers: [BreakerKey: CircuitBreaker]
        var appliedRevisions: [BreakerKey: Int64] = [:]
    }

    private let state: Mutex<State>
    private let logger: Logger
    private let clock = ContinuousClock()

    /// What a job does when every breaker on its routes refuses it.
    public let onOpen: OpenBreakerPolicy

    public init(settings: BreakerSettings, logger: Logger) {
        self.onOpen = settings.onOpen
        var breakers: [BreakerKey: CircuitBreaker] = [:]
        for key in BreakerKey.all {
            breakers[key] = CircuitBreaker(key: key, settings: settings)
        }
        self.state = Mutex(State(breakers: breakers))
        self.logger = logger
    }

    /// A permit to call the backend by `key`, or nil while its breaker
    /// refuses calls.
    public func acquire(_ key: BreakerKey) -> BreakerPermit? {
        let now = clock.now
        let admission = state.withLock { state -> BreakerAdmission? in
            state.breakers[key]?.acquire(now: now)
        }
        log(admission?.transitions ?? [])
        return admission?.permit
    }

    /// Reports how the call behind `permit` went, releasing the permit.
    public func record(_ outcome: BreakerOutcome, permit: BreakerPermit) {
        let now = clock.now
        let transitions = state.withLock { state in
            state.breakers[permit.key]?.record(outcome, permit: permit, now: now) ?? []
        }
        log(transitions)
    }

    /// Moves open breakers whose recovery time has passed to half-open.
    public func tick() {
        let now = clock.now
        let transitions = state.withLock { state in
            state.breakers.keys.sorted { $0.description < $1.description }
                .flatMap { state.breakers[$0]?.tick(now: now) ?? [] }
        }
        log(transitions)
    }

    /// Applies overrides this board has not yet applied; each is applied
    /// once, so a breaker closed by an operator can trip again later.
    public func apply(_ overrides: [BreakerOverride]) {
        let now = clock.now
        let transitions = state.withLock { state -> [BreakerTransition] in
            var transitions: [BreakerTransition] = []
            for override in overrides where override.revision > state.appliedRevisions[override.key] ?? 0 {
                state.appliedRevisions[override.key] = override.revision
                guard var breaker = state.breakers[override.key] else { continue }
                switch override.command {
                case .open: transitions += breaker.forceOpen(now: now)
                case .close: transitions += breaker.forceClose()
                case .reset: transitions += breaker.reset()
                }
                state.breakers[override.key] = breaker
            }
            return transitions
        }
        log(transitions)
    }

    /// Every breaker's state and counts, for heartbeats.
    public func snapshots() -> [BreakerSnapshot] {
        let now = clock.now
        let date = Date()
        return state.withLock { state in
            BreakerKey.all.compactMap { state.breakers[$0]?.snapshot(now: now, date: date) }
        }
    }

    private func log(_ transitions: [BreakerTransition]) {
        for transition in transitions {
            switch transition.to {
            case .open: logger.error(transition.message, transition.metadata)
            case .halfOpen: logger.warning(transition.message, transition.metadata)
            case .closed: logger.notice(transition.message, transition.metadata)
            }
        }
    }
}
