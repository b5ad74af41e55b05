import Foundation

/// Reads `VOYAGEUR_*` variables once, refusing invalid values with the
/// variable named.
public struct EnvironmentReader: Sendable {
    private let values: [String: String]

    /// - Parameter values: the environment; the process's own by default.
    public init(_ values: [String: String] = ProcessInfo.processInfo.environment) {
        self.values = values
    }

    /// The raw value, nil when unset or empty.
    public func string(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    public func string(_ name: String, default fallback: String) -> String {
        string(name) ?? fallback
    }

    public func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError(
                variable: name,
                message: "must be a whole number from \(range.lowerBound) to \(range.upperBound) (got \"\(text)\")"
            )
        }
        return value
    }

    public func duration(_ name: String, default fallback: Duration) throws -> Duration {
        guard let text = string(name) else { return fallback }
        guard let value = DurationText.parse(text) else {
            throw ConfigurationError(
                variable: name,
                message: "must be a duration such as 500ms, 30s, 5m or 2h (got \"\(text)\")"
            )
        }
        return value
    }

    public func bool(_ name: String, default fallback: Bool) throws -> Bool {
        guard let text = string(name) else { return fallback }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            throw ConfigurationError(variable: name, message: "must be 1 or 0, true or false (got \"\(text)\")")
        }
    }

    /// A value from a fixed set of choices.
    public func choice<T: RawRepresentable>(_ name: String, default fallback: T) throws -> T
    where T.RawValue == String, T: CaseIterable {
        guard let text = string(name) else { return fallback }
        guard let value = T(rawValue: text.lowercased()) else {
            let choices = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigurationError(variable: name, message: "must be one of \(choices) (got \"\(text)\")")
        }
        return value
    }
}
