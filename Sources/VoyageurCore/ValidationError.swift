/// A rule of the request schema that an input breaks.
///
/// `description` reads `field: message`, e.g.
/// `analysis.score: must be a number from 0 to 10 (got 11)`.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The dotted path of the offending field, or `request` for the whole body.
    public var field: String
    /// What is wrong, naming the rule.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// Every rule an input breaks, in field order.
public struct ValidationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [ValidationError]

    public init(_ errors: [ValidationError]) {
        self.errors = errors
    }

    /// The first error's `field: message`, which is what a rejected job records.
    public var reason: String { errors.first?.description ?? "request: invalid" }

    public var description: String { errors.map(\.description).joined(separator: "; ") }
}
