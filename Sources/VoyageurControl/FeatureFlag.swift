import Foundation
import VoyageurCore

/// One of the six flags that decide how explanations are generated.
///
/// The raw value is the flag's name, as operators, the database and the logs
/// spell it. A flag's ``defaultState`` applies until an operator overrides
/// it; overrides are durable.
public enum FeatureFlag: String, CaseIterable, Sendable, Hashable, Codable,
    CodingKeyRepresentable
{
    /// The master switch for French and Spanish generation by the LLM.
    case multilingualLLM = "multilingual_llm_enabled"
    /// French generation; its rollout picks the subjects that get it.
    case frenchGeneration = "french_generation_enabled"
    /// Spanish generation; its rollout picks the subjects that get it.
    case spanishGeneration = "spanish_generation_enabled"
    /// The direct route: generate in the target language.
    case directGeneration = "direct_generation_enabled"
    /// The translation route: generate English, then translate.
    case translationPipeline = "translation_pipeline_enabled"
    /// The kill switch: every job takes the template route.
    case emergencyFallback = "emergency_fallback_enabled"

    /// The flag's name, e.g. `french_generation_enabled`.
    public var name: String { rawValue }

    /// Whether the flag is on when no operator has changed it.
    ///
    /// Every flag but ``emergencyFallback`` defaults to on.
    public var defaultEnabled: Bool {
        switch self {
        case .multilingualLLM, .frenchGeneration, .spanishGeneration,
            .directGeneration, .translationPipeline:
            return true
        case .emergencyFallback:
            return false
        }
    }

    /// The state the flag has when no operator has changed it.
    public var defaultState: FlagState {
        FlagState(enabled: defaultEnabled, rolloutPercentage: Rollout.maximumPercentage)
    }

    /// Whether the flag's rollout percentage is consulted.
    ///
    /// The emergency switch is all or nothing: its percentage is kept but
    /// ignored, so it can never be on for some subjects only.
    public var hasRollout: Bool {
        self != .emergencyFallback
    }

    /// The flags an emergency turns off, in the order they are listed.
    public static let disabledByEmergency: [FeatureFlag] = [
        .multilingualLLM, .frenchGeneration, .spanishGeneration,
        .directGeneration, .translationPipeline,
    ]

    /// The flag that gates generation in a language, if any.
    ///
    /// English has none: it is stopped only by the emergency switch.
    public static func generation(for language: Language) -> FeatureFlag? {
        switch language {
        case .english:
            return nil
        case .french:
            return .frenchGeneration
        case .spanish:
            return .spanishGeneration
        }
    }

    /// Parses a flag name given by an operator.
    ///
    /// Surrounding spaces and letter case are ignored.
    ///
    /// - Throws: ``ControlError`` with code `unknownFlag`; its description
    ///   lists the valid names.
    public static func parse(_ name: String) throws(ControlError) -> FeatureFlag {
        let normalized = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let flag = FeatureFlag(rawValue: normalized) else {
            throw ControlError(.unknownFlag, input: name)
        }
        return flag
    }
}
