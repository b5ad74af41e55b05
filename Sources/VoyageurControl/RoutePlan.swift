import VoyageurCore

/// What the flags allow for one job: a route, the routes to try instead
/// when its breaker refuses, or the template route and why.
///
/// Made by ``RoutePlanner``; turned into a ``RouteDecision`` by
/// ``gated(onOpen:admits:)`` once the breakers have been asked.
public struct RoutePlan: Sendable, Hashable {
    /// The job's language.
    public let language: Language
    /// The route the flags choose.
    public let route: Route
    /// Routes to try, in order, when the breaker of ``route`` refuses.
    ///
    /// Empty for the template route and for English.
    public let alternates: [Route]
    /// Why the flags chose the template route; `nil` for a generating route.
    public let fallbackReason: FallbackReason?

    private init(
        language: Language,
        route: Route,
        alternates: [Route],
        fallbackReason: FallbackReason?
    ) {
        self.language = language
        self.route = route
        self.alternates = alternates
        self.fallbackReason = fallbackReason
    }

    /// A plan that takes the template route for a reason.
    public static func template(language: Language, reason: FallbackReason) -> RoutePlan {
        RoutePlan(language: language, route: .template, alternates: [], fallbackReason: reason)
    }

    /// A plan that generates on `route`, or else on the alternates in order.
    ///
    /// Routes without a breaker (the template route) are dropped from the
    /// alternates; a `route` without one makes a template plan with reason
    /// ``FallbackReason/routesDisabled``.
    public static func generate(
        language: Language,
        route: Route,
        alternates: [Route] = []
    ) -> RoutePlan {
        guard route.hasBreaker else {
            return .template(language: language, reason: .routesDisabled)
        }
        return RoutePlan(
            language: language,
            route: route,
            alternates: alternates.filter { $0.hasBreaker && $0 != route },
            fallbackReason: nil
        )
    }

    /// The generating routes in the order to try them: ``route`` then the
    /// ``alternates``; empty for a template plan.
    public var candidates: [Route] {
        route.hasBreaker ? [route] + alternates : []
    }

    /// The breakers to ask, in the order of ``candidates``.
    public var breakerKeys: [BreakerKey] {
        candidates.map { BreakerKey(route: $0, language: language) }
    }
}
