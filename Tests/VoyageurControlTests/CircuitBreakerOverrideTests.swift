import Foundation
import Testing
import VoyageurCore

@testable import VoyageurControl

@Suite("Circuit breaker operator overrides and snapshots")
struct CircuitBreakerOverrideTests {
    @Test("a forced-open breaker stays open after the recovery timeout")
    func forcedOpenNeverHeals() {
        var harness = BreakerHarness()
        harness.transitions = harness.breaker.forceOpen(now: harness.now)
        #expect(harness.transitions.first?.cause == .forcedOpen)
        #expect(harness.transitions.first?.message == "Circuit breaker OPENED")

        for _ in 0..<10 {
            harness.advance(.seconds(3_600))
            #expect(harness.breaker.tick(now: harness.now).isEmpty)
            let admission = harness.breaker.acquire(now: harness.now)
            #expect(admission.permit == nil)
            #expect(admission.retryAfter == nil)
        }
        #expect(harness.breaker.state == .open)
        #expect(harness.snapshot.isForcedOpen)
        #expect(!harness.snapshot.isRecoveryDue)
        #expect(harness.snapshot.recoversInSeconds == nil)
    }

    @Test("forcing open a breaker that tripped by itself stops it healing")
    func forceOpenWhileOpen() {
        var harness = BreakerHarness()
        harness.trip()
        #expect(harness.breaker.forceOpen(now: harness.now).isEmpty)
        harness.advance(.seconds(120))
        #expect(harness.acquire() == nil)
    }

    @Test("forcing open releases calls in flight")
    func forceOpenReleases() throws {
        var harness = BreakerHarness()
        let acquiredPermit = harness.acquire()
        let permit = try #require(acquiredPermit)
        _ = harness.breaker.forceOpen(now: harness.now)
        harness.record(.failure, permit)
        #expect(harness.snapshot.inFlight == 0)
        #expect(harness.snapshot.totalFailures == 0)
    }

    @Test("a forced close ends a forced open and the breaker works normally again")
    func forceCloseEndsForcedOpen() {
        var harness = BreakerHarness()
        _ = harness.breaker.forceOpen(now: harness.now)
        let transitions = harness.breaker.forceClose()
        #expect(transitions.map(\.to) == [.closed])
        #expect(transitions.first?.cause == .forcedClose)
        #expect(!harness.breaker.isForcedOpen)
        #expect(harness.acquire() != nil)

        harness.trip()
        #expect(harness.breaker.state == .open)
        harness.advance(.seconds(60))
        #expect(harness.acquire()?.isProbe == true)
    }

    @Test("a forced close keeps lifetime totals; a reset clears them")
    func resetClearsTotals() {
        var harness = BreakerHarness()
        harness.call(.success)
        harness.trip()
        _ = harness.breaker.forceClose()
        #expect(harness.snapshot.totalFailures == 5)
        #expect(harness.snapshot.totalSuccesses == 1)
        #expect(harness.breaker.consecutiveFailures == 0)

        _ = harness.breaker.forceOpen(now: harness.now)
        let transitions = harness.breaker.reset()
        #expect(transitions.first?.cause == .reset)
        let snapshot = harness.snapshot
        #expect(snapshot.state == .closed)
        #expect(!snapshot.isForcedOpen)
        #expect(snapshot.totalFailures == 0 && snapshot.totalSuccesses == 0)
    }

    @Test("closing a closed breaker changes no state but clears its failure count")
    func closeWhenClosed() {
        var harness = BreakerHarness()
        harness.call(.failure)
        #expect(harness.breaker.forceClose().isEmpty)
        #expect(harness.breaker.consecutiveFailures == 0)
    }

    @Test("a snapshot dates the opening and counts down the recovery")
    func snapshotOfOpenBreaker() {
        var harness = BreakerHarness()
        harness.trip()
        harness.advance(.seconds(20))
        let snapshot = harness.snapshot
        #expect(snapshot.route == .direct && snapshot.language == .french)
        #expect(snapshot.state == .open)
        #expect(snapshot.consecutiveFailures == 5)
        #expect(snapshot.openedAt == Date(timeIntervalSince1970: 980))
        #expect(snapshot.recoversInSeconds == 40)
        #expect(!snapshot.isRecoveryDue)
    }

    @Test("a snapshot encodes to JSON with the state's wire name and decodes back")
    func snapshotCodable() throws {
        var harness = BreakerHarness()
        harness.trip()
        harness.advance(.seconds(60))
        _ = harness.acquire()
        let snapshot = harness.snapshot
        let data = try JSONEncoder().encode(snapshot)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""state":"half_open""#))
        #expect(json.contains(#""halfOpenInFlight":1"#))
        #expect(try JSONDecoder().decode(BreakerSnapshot.self, from: data) == snapshot)
    }
}
