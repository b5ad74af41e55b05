import Foundation
import Testing

@testable import VoyageurControl

@Suite("Flag snapshots")
struct FlagSnapshotTests {
    @Test("the defaults hold every flag at its default, version 0, never loaded")
    func defaults() {
        let snapshot = FlagSnapshot.defaults
        for flag in FeatureFlag.allCases {
            #expect(snapshot[flag] == flag.defaultState)
        }
        #expect(snapshot.version == 0)
        #expect(snapshot.loadedAt == nil)
        #expect(!snapshot.isEmergencyActive)
    }

    @Test("a flag is on for a subject only inside its rollout")
    func rolloutForSubject() {
        let snapshot = FlagSnapshot.defaults.setting(
            .frenchGeneration, to: FlagState(enabled: true, rolloutPercentage: 10))
        #expect(snapshot.isEnabled(.frenchGeneration, for: "user-42"))  // bucket 10
        let atNine = snapshot.setting(
            .frenchGeneration, to: FlagState(enabled: true, rolloutPercentage: 9))
        #expect(!atNine.isEnabled(.frenchGeneration, for: "user-42"))
        #expect(atNine.isEnabled(.frenchGeneration))
    }

    @Test("the emergency switch ignores its rollout percentage")
    func emergencyHasNoRollout() {
        let snapshot = FlagSnapshot.defaults.setting(
            .emergencyFallback, to: FlagState(enabled: true, rolloutPercentage: 0))
        #expect(snapshot.isEnabled(.emergencyFallback, for: "anyone"))
    }

    @Test("emergency turns on the switch and turns off the five generation flags")
    func applyingEmergency() {
        let before = FlagSnapshot.defaults.setting(
            .spanishGeneration, to: FlagState(enabled: true, rolloutPercentage: 30))
        let after = before.applyingEmergency()
        #expect(after.isEmergencyActive)
        for flag in FeatureFlag.disabledByEmergency {
            #expect(!after.isEnabled(flag), "\(flag.name)")
        }
        #expect(after[.spanishGeneration].rolloutPercentage == 30)
        #expect(after.applyingEmergency() == after)
    }

    @Test("clearing the emergency restores the saved states")
    func clearingEmergency() {
        let before = FlagSnapshot.defaults
            .setting(.directGeneration, to: FlagState(enabled: false))
            .setting(.frenchGeneration, to: FlagState(enabled: true, rolloutPercentage: 25))
        let saved = before.emergencySavedStates
        #expect(Set(saved.keys) == Set(FeatureFlag.disabledByEmergency))

        let cleared = before.applyingEmergency().clearingEmergency(restoring: saved)
        #expect(cleared == before)
    }

    @Test("clearing with nothing saved only turns the switch off")
    func clearingWithoutSavedStates() {
        let manual = FlagSnapshot.defaults
            .setting(.emergencyFallback, to: FlagState(enabled: true))
            .setting(.directGeneration, to: FlagState(enabled: false))
        let cleared = manual.clearingEmergency(restoring: [:])
        #expect(!cleared.isEmergencyActive)
        #expect(!cleared.isEnabled(.directGeneration))
    }

    @Test("a snapshot round-trips through JSON keyed by flag name")
    func codableRoundTrip() throws {
        let snapshot = FlagSnapshot.defaults
            .setting(.frenchGeneration, to: FlagState(enabled: true, rolloutPercentage: 30))
            .stamped(version: 7, loadedAt: Date(timeIntervalSince1970: 1_700_000_000))
        let data = try JSONEncoder().encode(snapshot)
        #expect(String(decoding: data, as: UTF8.self).contains("french_generation_enabled"))
        #expect(try JSONDecoder().decode(FlagSnapshot.self, from: data) == snapshot)
    }

    @Test("decoding skips unknown flags and defaults missing ones")
    func decodingIsLenient() throws {
        let json = #"""
            {"version": 3, "flags": {
                "french_generation_enabled": {"enabled": false, "rolloutPercentage": 100},
                "quality_enhancement_enabled": {"enabled": true, "rolloutPercentage": 100}
            }}
            """#
        let snapshot = try JSONDecoder().decode(FlagSnapshot.self, from: Data(json.utf8))
        #expect(snapshot.version == 3)
        #expect(!snapshot.isEnabled(.frenchGeneration))
        #expect(snapshot[.spanishGeneration] == FeatureFlag.spanishGeneration.defaultState)
    }
}
