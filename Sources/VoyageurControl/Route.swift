import Foundation
import VoyageurCore

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

    /// The routes that call a backend and so have a breaker.
    public static let breakerRoutes: [Route] = [.direct, .translation]

    /// Whether the route calls a backend, and so has a breaker.
    public var hasBreaker: Bool {
        switch self {
        case .direct, .translation:
            return true
        case .template:
            return false
        }
    }

    /// The result method a job on this route records when generation works.
    public var method: GenerationMethod {
        switch self {
        case .direct:
            return .direct
        case .translation:
            return .translation
        case .template:
            return .template
        }
    }

    /// Parses a route that has a breaker, as operators name it.
    ///
    /// - Throws: ``ControlError`` with code `unknownRoute` for anything but
    ///   `direct` or `translation`.
    public static func parseBreakerRoute(_ name: String) throws(ControlError) -> Route {
        let normalized = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let route = Route(rawValue: normalized), route.hasBreaker else {
            throw ControlError(.unknownRoute, input: name)
        }
        return route
    }
}
