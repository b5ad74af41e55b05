import Foundation
import VoyageurCore

extension Route {
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
