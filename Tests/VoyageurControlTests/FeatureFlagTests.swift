import Foundation
import Testing
import VoyageurCore

@testable import VoyageurControl

@Suite("Feature flags")
struct FeatureFlagTests {
    @Test("the six flags have the original's names and defaults")
    func defaults() {
        let defaults = Dictionary(
            uniqueKeysWithValues: FeatureFlag.allCases.map { ($0.name, $0.defaultEnabled) })
        #expect(
            defaults == [
                "multilingual_llm_enabled": true,
                "french_generation_enabled": true,
                "spanish_generation_enabled": true,
                "direct_generation_enabled": true,
                "translation_pipeline_enabled": true,
                "emergency_fallback_enabled": false,
            ])
        #expect(FeatureFlag.allCases.allSatisfy { $0.defaultState.rolloutPercentage == 100 })
    }

    @Test("flag names parse, ignoring case and spaces")
    func parses() throws {
        #expect(try FeatureFlag.parse("french_generation_enabled") == .frenchGeneration)
        #expect(try FeatureFlag.parse(" Emergency_Fallback_Enabled ") == .emergencyFallback)
    }

    @Test("an unknown flag name is refused with every valid name listed")
    func refusesUnknownName() {
        do {
            _ = try FeatureFlag.parse("french")
            Issue.record("parsed an unknown flag")
        } catch {
            #expect(error.code == .unknownFlag)
            #expect(error.description.hasPrefix("Invalid flag name: \"french\""))
            for flag in FeatureFlag.allCases {
                #expect(error.description.contains(flag.name))
            }
        }
    }

    @Test("only French and Spanish have a language flag")
    func languageFlags() {
        #expect(FeatureFlag.generation(for: .english) == nil)
        #expect(FeatureFlag.generation(for: .french) == .frenchGeneration)
        #expect(FeatureFlag.generation(for: .spanish) == .spanishGeneration)
    }

    @Test("flag states decode and refuse a percentage above 100")
    func flagStateCoding() throws {
        let decoder = JSONDecoder()
        let state = try decoder.decode(
            FlagState.self, from: Data(#"{"enabled":true,"rolloutPercentage":30}"#.utf8))
        #expect(state == FlagState(enabled: true, rolloutPercentage: 30))
        #expect(throws: DecodingError.self) {
            try decoder.decode(
                FlagState.self, from: Data(#"{"enabled":true,"rolloutPercentage":101}"#.utf8))
        }
    }

    @Test("a saved map of flag states encodes keyed by flag name")
    func savedStatesEncodeByName() throws {
        let saved: [FeatureFlag: FlagState] = [.frenchGeneration: FlagState(enabled: false)]
        let json = String(decoding: try JSONEncoder().encode(saved), as: UTF8.self)
        #expect(json.contains(#""french_generation_enabled":{"#))
        let decoded = try JSONDecoder().decode([FeatureFlag: FlagState].self, from: Data(json.utf8))
        #expect(decoded == saved)
    }

    @Test("breaker keys parse from an operator's route and language")
    func parsesBreakerKey() throws {
        let key = try BreakerKey.parse(route: "Direct", language: "fr")
        #expect(key == BreakerKey(route: .direct, language: .french))
        #expect(key.description == "direct/fr")
        #expect(throws: ControlError(.unknownRoute, input: "template")) {
            try BreakerKey.parse(route: "template", language: "fr")
        }
        #expect(throws: ControlError(.unknownLanguage, input: "de")) {
            try BreakerKey.parse(route: "direct", language: "de")
        }
    }

    @Test("a worker keeps five breakers: no translation breaker for English")
    func allBreakerKeys() {
        #expect(BreakerKey.all.count == 5)
        #expect(!BreakerKey.all.contains(BreakerKey(route: .translation, language: .english)))
    }
}
