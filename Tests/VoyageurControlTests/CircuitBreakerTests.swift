import Foundation
import Testing
import VoyageurCore

@testable import VoyageurControl

/// A breaker under test with a clock the test moves by hand.
struct BreakerHarness {
    static let key = BreakerKey(route: .direct, language: .french)

    var breaker: CircuitBreaker
    var now = ContinuousClock.now
    var transitions: [BreakerTransition] = []

    init(settings: BreakerSettings = .defaults) {
        breaker = CircuitBreaker(key: Self.key, settings: settings)
    }

    mutating func advance(_ duration: Duration) {
        now = now + duration
    }

    mutating func acquire() -> BreakerPermit? {
        let admission = breaker.acquire(now: now)
        transitions += admission.transitions
        return admission.permit
    }

    mutating func record(_ outcome: BreakerOutcome, _ permit: BreakerPermit) {
        transitions += breaker.record(outcome, permit: permit, now: now)
    }

    /// Acquires a permit and records `outcome` for it; false if refused.
    @discardableResult
    mutating func call(_ outcome: BreakerOutcome) -> Bool {
        guard let permit = acquire() else {
            return false
        }
        record(outcome, permit)
        return true
    }

    /// Trips the breaker with the threshold of failures in a row.
    mutating func trip() {
        for _ in 0..<breaker.settings.failureThreshold {
            call(.failure)
        }
    }

    var snapshot: BreakerSnapshot {
        breaker.snapshot(now: now, date: Date(timeIntervalSince1970: 1_000))
    }
}

@Suite("Circuit breaker transitions")
struct CircuitBreakerTests {
    @Test("the settings default to the original's values")
    func defaultSettings() {
        let settings = BreakerSettings.defaults
        #expect(settings.failureThreshold == 5)
        #expect(settings.recoveryTimeout == .seconds(60))
        #expect(settings.successThreshold == 2)
        #expect(settings.halfOpenMaxCalls == 3)
        #expect(settings.onOpen == .fallback)
    }

    @Test("four failures in a row leave it closed; the fifth opens it")
    func consecutiveFailuresOpen() {
        var harness = BreakerHarness()
        for _ in 0..<4 {
            harness.call(.failure)
        }
        #expect(harness.breaker.state == .closed)
        #expect(harness.breaker.consecutiveFailures == 4)

        harness.call(.failure)
        #expect(harness.breaker.state == .open)
        #expect(harness.transitions.count == 1)
        let opened = harness.transitions[0]
        #expect(opened.from == .closed && opened.to == .open)
        #expect(opened.cause == .failureThreshold)
        #expect(opened.consecutiveFailures == 5)
        #expect(opened.message == "Circuit breaker OPENED")
        #expect(opened.metadata["breaker.route"] == "direct")
        #expect(opened.metadata["breaker.language"] == "fr")
        #expect(opened.metadata["breaker.failures"] == "5")
    }

    @Test(
        "a success in closed resets the failure count",
        arguments: [BreakerOutcome.success, .slowSuccess]
    )
    func successResetsCount(outcome: BreakerOutcome) {
        var harness = BreakerHarness()
        for _ in 0..<4 {
            harness.call(.failure)
        }
        harness.call(outcome)
        #expect(harness.breaker.consecutiveFailures == 0)
        for _ in 0..<4 {
            harness.call(.failure)
        }
        #expect(harness.breaker.state == .closed)
        #expect(harness.transitions.isEmpty)
    }

    @Test("an inconclusive call neither counts nor resets")
    func inconclusiveCountsNothing() {
        var harness = BreakerHarness()
        harness.call(.failure)
        harness.call(.inconclusive)
        #expect(harness.breaker.consecutiveFailures == 1)
        #expect(harness.snapshot.inFlight == 0)
    }

    @Test("an open breaker refuses calls until the recovery timeout has passed")
    func openRejectsUntilRecovery() {
        var harness = BreakerHarness()
        harness.trip()

        harness.advance(.seconds(59))
        let admission = harness.breaker.acquire(now: harness.now)
        #expect(admission.permit == nil)
        #expect(admission.retryAfter == .seconds(1))
        #expect(harness.breaker.state == .open)
        #expect(harness.snapshot.totalRejections == 1)

        harness.advance(.seconds(1))
        #expect(harness.acquire() != nil)
        #expect(harness.breaker.state == .halfOpen)
    }

    @Test("after the recovery timeout it turns half-open and reports it")
    func halfOpenAfterRecovery() {
        var harness = BreakerHarness()
        harness.trip()
        harness.advance(.seconds(60))

        let transitions = harness.breaker.tick(now: harness.now)
        #expect(transitions.map(\.to) == [.halfOpen])
        #expect(transitions.first?.cause == .recoveryTimeout)
        #expect(transitions.first?.message == "Circuit breaker HALF_OPEN")
        #expect(harness.breaker.tick(now: harness.now).isEmpty)
    }

    @Test("half-open lets three probes run at once and refuses a fourth")
    func halfOpenPermitLimit() {
        var harness = BreakerHarness()
        harness.trip()
        harness.advance(.seconds(60))

        let probes = (0..<3).compactMap { _ in harness.acquire() }
        #expect(probes.count == 3)
        #expect(probes.allSatisfy { $0.isProbe })
        #expect(harness.acquire() == nil)
        #expect(harness.snapshot.halfOpenInFlight == 3)

        harness.record(.success, probes[0])
        #expect(harness.breaker.state == .halfOpen)
        #expect(harness.acquire() != nil)
    }

    @Test("a half-open failure reopens it and releases its permit")
    func halfOpenFailureReleases() throws {
        var harness = BreakerHarness()
        harness.trip()
        harness.advance(.seconds(60))
        let probe = harness.acquire()
        let other = harness.acquire()

        harness.record(.failure, try #require(probe))
        #expect(harness.breaker.state == .open)
        #expect(harness.snapshot.inFlight == 0)
        #expect(harness.transitions.last?.cause == .probeFailure)
        #expect(harness.transitions.last?.from == .halfOpen)

        // The other probe was released with the reopening: its late outcome
        // counts nothing, and the next half-open has all three slots.
        harness.record(.success, try #require(other))
        #expect(harness.breaker.state == .open)
        harness.advance(.seconds(60))
        #expect((0..<3).compactMap { _ in harness.acquire() }.count == 3)
    }

    @Test("the reopened breaker waits a full recovery timeout from the probe failure")
    func reopenRestartsRecovery() {
        var harness = BreakerHarness()
        harness.trip()
        harness.advance(.seconds(60))
        harness.call(.failure)
        harness.advance(.seconds(30))
        #expect(harness.acquire() == nil)
        harness.advance(.seconds(30))
        #expect(harness.acquire() != nil)
    }

    @Test("two half-open successes close it with counts cleared")
    func twoSuccessesClose() {
        var harness = BreakerHarness()
        harness.trip()
        harness.advance(.seconds(60))

        harness.call(.success)
        #expect(harness.breaker.state == .halfOpen)
        harness.call(.slowSuccess)
        #expect(harness.breaker.state == .closed)
        #expect(harness.transitions.map(\.to) == [.open, .halfOpen, .closed])
        #expect(harness.transitions.last?.halfOpenSuccesses == 2)
        #expect(harness.transitions.last?.message == "Circuit breaker CLOSED")
        #expect(harness.breaker.consecutiveFailures == 0)
        #expect(harness.snapshot.openedAt == nil)

        // Closed again: it takes a full threshold of failures to reopen.
        for _ in 0..<4 {
            harness.call(.failure)
        }
        #expect(harness.breaker.state == .closed)
    }

    @Test("a permit is counted once, however often it is recorded")
    func permitCountedOnce() throws {
        var harness = BreakerHarness()
        let acquiredPermit = harness.acquire()
        let permit = try #require(acquiredPermit)
        for _ in 0..<5 {
            harness.record(.failure, permit)
        }
        #expect(harness.breaker.consecutiveFailures == 1)
        #expect(harness.breaker.state == .closed)
    }

    @Test("a permit from another breaker counts nothing")
    func foreignPermit() throws {
        var other = CircuitBreaker(key: BreakerKey(route: .translation, language: .french))
        let acquiredForeign = other.acquire(now: .now).permit
        let foreign = try #require(acquiredForeign)
        var harness = BreakerHarness(settings: BreakerSettings(failureThreshold: 1))
        _ = harness.acquire()
        harness.record(.failure, foreign)
        #expect(harness.breaker.state == .closed)
    }

    @Test("calls in flight when it opens count nothing afterwards")
    func staleClosedPermits() throws {
        var harness = BreakerHarness()
        let acquiredLate = harness.acquire()
        let late = try #require(acquiredLate)
        harness.trip()
        harness.advance(.seconds(60))
        _ = harness.breaker.tick(now: harness.now)
        harness.record(.failure, late)
        #expect(harness.breaker.state == .halfOpen)
    }

    @Test("reading the state of a due breaker does not change it")
    func readingChangesNothing() {
        var harness = BreakerHarness()
        harness.trip()
        harness.advance(.seconds(90))

        let snapshot = harness.snapshot
        #expect(snapshot.state == .open)
        #expect(snapshot.isRecoveryDue)
        #expect(snapshot.recoversInSeconds == 0)
        #expect(harness.breaker.state == .open)
        #expect(harness.snapshot == snapshot)
    }

    @Test("custom thresholds are honoured")
    func customSettings() throws {
        var harness = BreakerHarness(
            settings: BreakerSettings(
                failureThreshold: 2, recoveryTimeout: .milliseconds(500),
                successThreshold: 1, halfOpenMaxCalls: 1))
        harness.trip()
        #expect(harness.breaker.state == .open)
        harness.advance(.milliseconds(500))
        let acquiredProbe = harness.acquire()
        let probe = try #require(acquiredProbe)
        #expect(harness.acquire() == nil)
        harness.record(.success, probe)
        #expect(harness.breaker.state == .closed)
    }
}
