import VoyageurCore

/// An operator's input that names no flag, route or language, or an invalid
/// rollout percentage.
///
/// `description` is meant for the operator: it repeats the input and lists
/// what is accepted.
public struct ControlError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of input was refused.
    public enum Code: String, Sendable, Hashable {
        /// Not one of the ``FeatureFlag`` names.
        case unknownFlag
        /// Not a whole number from 0 to 100.
        case invalidPercentage
        /// Not a route that has a breaker (`direct`, `translation`).
        case unknownRoute
        /// Not `en`, `fr` or `es`.
        case unknownLanguage
    }

    /// What kind of input was refused.
    public var code: Code
    /// The refused input, as given.
    public var input: String

    /// Creates an error for a refused input.
    public init(_ code: Code, input: String) {
        self.code = code
        self.input = input
    }

    /// The operator-facing message, e.g.
    /// `Invalid flag name: "x"; valid names: multilingual_llm_enabled, …`.
    public var description: String {
        switch code {
        case .unknownFlag:
            let names = FeatureFlag.allCases.map(\.name).joined(separator: ", ")
            return "Invalid flag name: \"\(input)\"; valid names: \(names)"
        case .invalidPercentage:
            return "Invalid rollout percentage: \"\(input)\"; "
                + "percentage must be a whole number between 0 and 100"
        case .unknownRoute:
            let names = Route.breakerRoutes.map(\.rawValue).joined(separator: ", ")
            return "Invalid route: \"\(input)\"; valid routes: \(names)"
        case .unknownLanguage:
            return "Invalid language: \"\(input)\"; valid languages: en, fr, es"
        }
    }
}
