import Foundation
import VoyageurCore

/// Names one circuit breaker: a route that calls a backend, in a language.
///
/// Written `direct/fr` in logs and fallback reasons.
public struct BreakerKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The route guarded; `direct` or `translation`.
    public let route: Route
    /// The language of the jobs on that route.
    public let language: Language

    /// Creates a key. A worker keeps breakers only for ``all``; the template
    /// route has none.
    public init(route: Route, language: Language) {
        self.route = route
        self.language = language
    }

    /// Every breaker a worker keeps: direct for each language, translation
    /// for French and Spanish.
    public static let all: [BreakerKey] = Language.allCases.flatMap { language in
        Route.breakerRoutes.compactMap { route in
            route == .translation && language == .english
                ? nil
                : BreakerKey(route: route, language: language)
        }
    }

    /// `route/language`, e.g. `direct/fr`.
    public var description: String { "\(route.rawValue)/\(language.code)" }

    /// Parses an operator's `ROUTE LANG` pair, e.g. `direct` `fr`.
    ///
    /// - Throws: ``ControlError`` naming the route or the language.
    public static func parse(route: String, language: String) throws(ControlError) -> BreakerKey {
        let parsedRoute = try Route.parseBreakerRoute(route)
        let code = language.trimmingCharacters(in: .whitespaces).lowercased()
        guard let parsedLanguage = Language(rawValue: code) else {
            throw ControlError(.unknownLanguage, input: language)
        }
        return BreakerKey(route: parsedRoute, language: parsedLanguage)
    }
}
