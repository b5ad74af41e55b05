extension RoutePlan {
    /// Applies the breakers to the plan (DESIGN §4 step 6).
    ///
    /// `admits` is asked about the candidates' breakers in order — the
    /// planned route first, then the alternates — at most once each, and no
    /// more after the first `true`. So a closure that acquires a permit
    /// acquires at most one, for the route decided:
    ///
    /// ```swift
    /// var permit: BreakerPermit?
    /// let decision = plan.gated(onOpen: settings.onOpen) { key in
    ///     permit = breakers[key].acquire(now: now).permit
    ///     return permit != nil
    /// }
    /// ```
    ///
    /// A template plan is a ``RouteDecision/fallback(_:)`` with the flag's
    /// reason, whatever the policy. When every breaker refuses, the reason
    /// names the planned route's breaker (`breaker direct/fr open`), and
    /// `onOpen` chooses between the template and a deferral.
    public func gated(
        onOpen: OpenBreakerPolicy,
        admits: (BreakerKey) throws -> Bool
    ) rethrows -> RouteDecision {
        if let fallbackReason {
            return .fallback(fallbackReason)
        }

        let keys = breakerKeys
        guard let plannedKey = keys.first else {
            return .fallback(.routesDisabled)
        }
        for key in keys where try admits(key) {
            let reroutedBy: FallbackReason? = key == plannedKey ? nil : .breakerOpen(plannedKey)
            return .generate(key.route, reroutedBy: reroutedBy)
        }

        let reason = FallbackReason.breakerOpen(plannedKey)
        switch onOpen {
        case .fallback:
            return .fallback(reason)
        case .defer:
            return .defer(reason)
        }
    }

    /// Applies the breakers, given the keys of those that refuse calls.
    ///
    /// The same as ``gated(onOpen:admits:)`` with
    /// `{ !openBreakers.contains($0) }`.
    public func gated(openBreakers: Set<BreakerKey>, onOpen: OpenBreakerPolicy) -> RouteDecision {
        gated(onOpen: onOpen) { !openBreakers.contains($0) }
    }
}
