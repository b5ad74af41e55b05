import VoyageurCore

/// What a worker does with a job once flags and breakers have spoken.
public enum RouteDecision: Sendable, Hashable {
    /// Generate on this route; its breaker admitted the call.
    ///
    /// `reroutedBy` names the breaker that refused the planned route when
    /// an alternate is taken; `nil` when the planned route is taken.
    case generate(Route, reroutedBy: FallbackReason?)
    /// Write the template explanation, recorded as a `fallback` with this
    /// reason (a flag, or a breaker).
    case fallback(FallbackReason)
    /// Retry the job later: every breaker refused it and the policy is
    /// ``OpenBreakerPolicy/defer``.
    case `defer`(FallbackReason)

    /// The route to run now; `nil` when the job is deferred.
    public var route: Route? {
        switch self {
        case .generate(let route, _):
            return route
        case .fallback:
            return .template
        case .defer:
            return nil
        }
    }

    /// Why the job left its planned route, if it did.
    public var reason: FallbackReason? {
        switch self {
        case .generate(_, let reroutedBy):
            return reroutedBy
        case .fallback(let reason), .defer(let reason):
            return reason
        }
    }
}
