/// How a job's explanation is produced.
///
/// The raw value is the name used in results, logs and the CLI.
public enum Route: String, CaseIterable, Sendable, Hashable, Codable {
    /// Generate in the target language.
    case direct
    /// Generate in English, then translate; French and Spanish only.
    case translation
    /// The deterministic template writer; needs no backend and has no
    /// breaker, so it is always available.
    case template
}
