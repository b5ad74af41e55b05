import Testing
import VoyageurCore

@testable import VoyageurControl

@Suite("Route planning from flags")
struct RoutePlannerTests {
    static func planner(_ changes: [FeatureFlag: FlagState] = [:]) -> RoutePlanner {
        RoutePlanner(snapshot: FlagSnapshot(states: changes))
    }

    static func planner(rolling flag: FeatureFlag, at percentage: Int) -> RoutePlanner {
        planner([flag: FlagState(enabled: true, rolloutPercentage: percentage)])
    }

    /// A subject whose bucket for `flag` is above `percentage`.
    static func subject(outside percentage: Int, of flag: FeatureFlag) -> String {
        (0...).lazy.map { "user-\($0)" }
            .first { Rollout.bucket(flag: flag, subject: $0) > percentage } ?? ""
    }

    @Test("with default flags English goes direct with no alternate")
    func englishDefaults() {
        let plan = Self.planner().plan(language: .english, subject: "AAPL")
        #expect(plan.route == .direct)
        #expect(plan.alternates.isEmpty)
        #expect(plan.fallbackReason == nil)
    }

    @Test(
        "with default flags French and Spanish go direct with translation as the alternate",
        arguments: [Language.french, .spanish]
    )
    func multilingualDefaults(language: Language) {
        let plan = Self.planner().plan(language: language, subject: "AAPL")
        #expect(plan.route == .direct)
        #expect(plan.alternates == [.translation])
        #expect(plan.candidates == [.direct, .translation])
    }

    @Test("the emergency switch sends every language to the template", arguments: Language.allCases)
    func emergency(language: Language) {
        let planner = RoutePlanner(snapshot: FlagSnapshot.defaults.applyingEmergency())
        let plan = planner.plan(language: language, subject: "user-42")
        #expect(plan.route == .template)
        #expect(plan.fallbackReason?.description == "emergency_fallback_enabled")
    }

    @Test("the emergency switch alone stops English, even with the other flags on")
    func emergencyAloneStopsEnglish() {
        let planner = Self.planner([.emergencyFallback: FlagState(enabled: true)])
        #expect(planner.plan(language: .english, subject: "x").route == .template)
        #expect(
            planner.plan(language: .french, subject: "x").fallbackReason
                == .flagOff(.emergencyFallback))
    }

    @Test("English ignores the master, language, direct and translation flags")
    func englishIgnoresOtherFlags() {
        var off: [FeatureFlag: FlagState] = [:]
        for flag in FeatureFlag.disabledByEmergency {
            off[flag] = FlagState(enabled: false, rolloutPercentage: 0)
        }
        let plan = Self.planner(off).plan(language: .english, subject: "user-42")
        #expect(plan.route == .direct)
    }

    @Test(
        "the master flag off sends French and Spanish to the template",
        arguments: [Language.french, .spanish]
    )
    func masterOff(language: Language) {
        let plan = Self.planner([.multilingualLLM: FlagState(enabled: false)])
            .plan(language: language, subject: "AAPL")
        #expect(plan.route == .template)
        #expect(plan.fallbackReason?.description == "multilingual_llm_enabled")
    }

    @Test("a subject outside the master rollout takes the template")
    func masterRollout() {
        let subject = Self.subject(outside: 5, of: .multilingualLLM)
        let plan = Self.planner(rolling: .multilingualLLM, at: 5)
            .plan(language: .spanish, subject: subject)
        #expect(plan.fallbackReason?.description == "multilingual_llm_enabled rollout 5%")
    }

    @Test("the French flag off stops French only")
    func languageFlagOff() {
        let planner = Self.planner([.frenchGeneration: FlagState(enabled: false)])
        let french = planner.plan(language: .french, subject: "AAPL")
        #expect(french.route == .template)
        #expect(french.fallbackReason?.description == "french_generation_enabled")
        #expect(planner.plan(language: .spanish, subject: "AAPL").route == .direct)
        #expect(planner.plan(language: .english, subject: "AAPL").route == .direct)
    }

    @Test("the Spanish flag off stops Spanish only")
    func spanishFlagOff() {
        let planner = Self.planner([.spanishGeneration: FlagState(enabled: false)])
        #expect(
            planner.plan(language: .spanish, subject: "AAPL").fallbackReason
                == .flagOff(.spanishGeneration))
        #expect(planner.plan(language: .french, subject: "AAPL").route == .direct)
    }

    @Test("a subject outside the language rollout takes the template, naming the percentage")
    func languageRollout() {
        // user-42 is in bucket 10 for french_generation_enabled.
        let outside = Self.planner(rolling: .frenchGeneration, at: 9)
            .plan(language: .french, subject: "user-42")
        #expect(outside.route == .template)
        #expect(outside.fallbackReason?.description == "french_generation_enabled rollout 9%")

        let inside = Self.planner(rolling: .frenchGeneration, at: 10)
            .plan(language: .french, subject: "user-42")
        #expect(inside.route == .direct)
    }

    @Test("Spanish rollout at 30% lets in only subjects in buckets 1 to 30")
    func spanishRollout() {
        let planner = Self.planner(rolling: .spanishGeneration, at: 30)
        for index in 0..<200 {
            let subject = "subject-\(index)"
            let isInside = Rollout.bucket(flag: .spanishGeneration, subject: subject) <= 30
            let plan = planner.plan(language: .spanish, subject: subject)
            #expect((plan.route == .direct) == isInside, "\(subject)")
        }
    }

    @Test("the direct flag off sends French to translation with no alternate")
    func directOff() {
        let plan = Self.planner([.directGeneration: FlagState(enabled: false)])
            .plan(language: .french, subject: "AAPL")
        #expect(plan.route == .translation)
        #expect(plan.alternates.isEmpty)
    }

    @Test("the translation flag off leaves direct with no alternate")
    func translationOff() {
        let plan = Self.planner([.translationPipeline: FlagState(enabled: false)])
            .plan(language: .spanish, subject: "AAPL")
        #expect(plan.route == .direct)
        #expect(plan.alternates.isEmpty)
    }

    @Test("both routes off send French to the template")
    func bothRoutesOff() {
        let plan = Self.planner([
            .directGeneration: FlagState(enabled: false),
            .translationPipeline: FlagState(enabled: false),
        ]).plan(language: .french, subject: "AAPL")
        #expect(plan.route == .template)
        #expect(plan.fallbackReason == .routesDisabled)
        #expect(
            plan.fallbackReason?.description
                == "direct_generation_enabled and translation_pipeline_enabled off")
    }

    @Test("a subject outside the direct rollout takes translation")
    func directRollout() {
        let subject = Self.subject(outside: 20, of: .directGeneration)
        let plan = Self.planner(rolling: .directGeneration, at: 20)
            .plan(language: .french, subject: subject)
        #expect(plan.route == .translation)
    }

    @Test("a request is planned by its subject, which defaults to its symbol")
    func plansRequest() {
        let analysis = Analysis(
            score: 7, indicators: [Indicator(name: "rsi14", score: 0.6, weight: 0.1)])
        let planner = Self.planner(rolling: .frenchGeneration, at: 9)
        let bySubject = ExplanationRequest(
            id: "job-1", symbol: "AAPL", language: .french, subject: "user-42", analysis: analysis)
        #expect(planner.plan(for: bySubject).route == .template)
        let bySymbol = ExplanationRequest(
            id: "job-2", symbol: "user-42", language: .french, analysis: analysis)
        #expect(planner.plan(for: bySymbol) == planner.plan(language: .french, subject: "user-42"))
    }
}
