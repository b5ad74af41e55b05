import Foundation
import Testing
import VoyageurCore

@testable import VoyageurControl

@Suite("Route gating by breakers")
struct RouteGatingTests {
    static let directFR = BreakerKey(route: .direct, language: .french)
    static let translationFR = BreakerKey(route: .translation, language: .french)
    static let frenchPlan = RoutePlan.generate(
        language: .french, route: .direct, alternates: [.translation])

    @Test("closed breakers keep the planned route")
    func allClosed() {
        let decision = Self.frenchPlan.gated(openBreakers: [], onOpen: .fallback)
        #expect(decision == .generate(.direct, reroutedBy: nil))
        #expect(decision.reason == nil)
    }

    @Test("an open direct breaker moves French to translation, noting why")
    func reroutesToAlternate() {
        let decision = Self.frenchPlan.gated(openBreakers: [Self.directFR], onOpen: .fallback)
        #expect(decision == .generate(.translation, reroutedBy: .breakerOpen(Self.directFR)))
        #expect(decision.route == .translation)
    }

    @Test("every breaker open gives the template, naming the planned route's breaker")
    func allOpenFallsBack() {
        let decision = Self.frenchPlan.gated(
            openBreakers: [Self.directFR, Self.translationFR], onOpen: .fallback)
        #expect(decision == .fallback(.breakerOpen(Self.directFR)))
        #expect(decision.reason?.description == "breaker direct/fr open")
        #expect(decision.route == .template)
    }

    @Test("every breaker open with the defer policy defers the job")
    func allOpenDefers() {
        let decision = Self.frenchPlan.gated(
            openBreakers: [Self.directFR, Self.translationFR], onOpen: .defer)
        #expect(decision == .defer(.breakerOpen(Self.directFR)))
        #expect(decision.route == nil)
    }

    @Test(
        "an open breaker with no alternate falls back or defers",
        arguments: OpenBreakerPolicy.allCases
    )
    func englishOpen(policy: OpenBreakerPolicy) {
        let directEN = BreakerKey(route: .direct, language: .english)
        let plan = RoutePlanner(snapshot: .defaults).plan(language: .english, subject: "AAPL")
        let decision = plan.gated(openBreakers: [directEN], onOpen: policy)
        switch policy {
        case .fallback:
            #expect(decision == .fallback(.breakerOpen(directEN)))
        case .defer:
            #expect(decision == .defer(.breakerOpen(directEN)))
        }
    }

    @Test("a translation-only plan names the translation breaker")
    func translationOnly() {
        let plan = RoutePlan.generate(language: .spanish, route: .translation)
        let key = BreakerKey(route: .translation, language: .spanish)
        #expect(
            plan.gated(openBreakers: [key], onOpen: .fallback)
                == .fallback(.breakerOpen(key)))
    }

    @Test("another language's open breaker changes nothing")
    func otherLanguage() {
        let directES = BreakerKey(route: .direct, language: .spanish)
        #expect(
            Self.frenchPlan.gated(openBreakers: [directES], onOpen: .defer)
                == .generate(.direct, reroutedBy: nil))
    }

    @Test("a template plan keeps its flag reason and asks no breaker, even with defer")
    func templatePlanAsksNothing() {
        let plan = RoutePlan.template(language: .french, reason: .flagOff(.frenchGeneration))
        var asked: [BreakerKey] = []
        let decision = plan.gated(onOpen: .defer) { key in
            asked.append(key)
            return false
        }
        #expect(decision == .fallback(.flagOff(.frenchGeneration)))
        #expect(asked.isEmpty)
    }

    @Test("breakers are asked in order, once each, stopping at the first that admits")
    func askingOrder() {
        var asked: [BreakerKey] = []
        _ = Self.frenchPlan.gated(onOpen: .fallback) { key in
            asked.append(key)
            return key == Self.translationFR
        }
        #expect(asked == [Self.directFR, Self.translationFR])

        asked = []
        _ = Self.frenchPlan.gated(onOpen: .fallback) { key in
            asked.append(key)
            return true
        }
        #expect(asked == [Self.directFR])
    }

    @Test("plan then gate with real breakers acquires exactly one permit")
    func gatingWithBreakers() {
        let now = ContinuousClock.now
        var breakers = Dictionary(
            uniqueKeysWithValues: BreakerKey.all.map { ($0, CircuitBreaker(key: $0)) })
        _ = breakers[Self.directFR]?.forceOpen(now: now)

        var permit: BreakerPermit?
        let plan = RoutePlanner(snapshot: .defaults).plan(language: .french, subject: "user-42")
        let decision = plan.gated(onOpen: .fallback) { key in
            permit = breakers[key]?.acquire(now: now).permit
            return permit != nil
        }

        #expect(decision == .generate(.translation, reroutedBy: .breakerOpen(Self.directFR)))
        #expect(permit?.key == Self.translationFR)
        let snapshot = breakers[Self.translationFR]?.snapshot(now: now, date: .init())
        #expect(snapshot?.inFlight == 1)
    }

    @Test("a plan drops alternates without a breaker")
    func planNormalisesRoutes() {
        let plan = RoutePlan.generate(
            language: .french, route: .direct, alternates: [.template, .direct, .translation])
        #expect(plan.alternates == [.translation])
        let templated = RoutePlan.generate(language: .french, route: .template)
        #expect(templated.fallbackReason == .routesDisabled)
        #expect(templated.candidates.isEmpty)
    }
}
