import VoyageurCore

/// Chooses a job's route from a flag snapshot, per the flag semantics of
/// DESIGN §5.
///
/// Pure and cheap: no I/O, and the same snapshot, language and subject
/// always give the same plan. In order:
///
/// 1. emergency switch on → template (`emergency_fallback_enabled`);
/// 2. English → direct; no other flag applies to it;
/// 3. French or Spanish: the master flag, then the language's flag, each
///    off or with the subject outside its rollout → template, naming it;
/// 4. direct on for the subject → direct, with translation as the alternate
///    when that is on too; else translation on → translation; else template
///    (both routes off).
///
/// Every flag but the emergency switch honours its rollout percentage for
/// the subject, so the direct flag can be rolled out over translation.
public struct RoutePlanner: Sendable {
    /// The flags the plans are made from.
    public let snapshot: FlagSnapshot

    /// Creates a planner for one snapshot; make another when it changes.
    public init(snapshot: FlagSnapshot) {
        self.snapshot = snapshot
    }

    /// The plan for a request, keyed by its language and subject.
    public func plan(for request: ExplanationRequest) -> RoutePlan {
        plan(language: request.language, subject: request.subject)
    }

    /// The plan for a job in `language` whose rollout subject is `subject`.
    public func plan(language: Language, subject: String) -> RoutePlan {
        if snapshot.isEmergencyActive {
            return .template(language: language, reason: .flagOff(.emergencyFallback))
        }

        guard let languageFlag = FeatureFlag.generation(for: language) else {
            return .generate(language: language, route: .direct)
        }

        for flag in [FeatureFlag.multilingualLLM, languageFlag] {
            if let reason = refusal(of: flag, for: subject) {
                return .template(language: language, reason: reason)
            }
        }

        let isDirectOn = snapshot.isEnabled(.directGeneration, for: subject)
        let isTranslationOn = snapshot.isEnabled(.translationPipeline, for: subject)
        switch (isDirectOn, isTranslationOn) {
        case (true, true):
            return .generate(language: language, route: .direct, alternates: [.translation])
        case (true, false):
            return .generate(language: language, route: .direct)
        case (false, true):
            return .generate(language: language, route: .translation)
        case (false, false):
            return .template(language: language, reason: .routesDisabled)
        }
    }

    /// Why `flag` is off for `subject`, or `nil` when it is on.
    private func refusal(of flag: FeatureFlag, for subject: String) -> FallbackReason? {
        let state = snapshot[flag]
        guard state.enabled else {
            return .flagOff(flag)
        }
        guard flag.hasRollout,
            !Rollout.isEnabled(flag: flag, subject: subject, percentage: state.rolloutPercentage)
        else {
            return nil
        }
        return .outsideRollout(flag, percentage: state.rolloutPercentage)
    }
}
