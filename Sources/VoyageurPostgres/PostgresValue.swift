import Foundation

/// A value bound to a statement parameter, sent in PostgreSQL's text format.
enum PostgresValue: Sendable {
    case null
    case text(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    /// An instant, sent as seconds since 1970; bind it as
    /// `to_timestamp($n::float8)`.
    case timestamp(Date)
    /// A `text[]`; bind it as `$n::text[]`.
    case textArray([String])

    static func optional(_ text: String?) -> PostgresValue { text.map(PostgresValue.text) ?? .null }

    static func optional(_ number: Double?) -> PostgresValue { number.map(PostgresValue.double) ?? .null }

    /// The parameter as PostgreSQL's text input reads it; nil for SQL NULL.
    var literal: String? {
        switch self {
        case .null:
            return nil
        case .text(let text):
            return text
        case .integer(let number):
            return String(number)
        case .double(let number):
            return Self.literal(number)
        case .bool(let value):
            return value ? "t" : "f"
        case .timestamp(let date):
            return Self.literal(date.timeIntervalSince1970)
        case .textArray(let elements):
            return "{" + elements.map(Self.quotedElement).joined(separator: ",") + "}"
        }
    }

    private static func literal(_ number: Double) -> String {
        if number.isNaN {
            return "NaN"
        }
        if number.isInfinite {
            return number < 0 ? "-Infinity" : "Infinity"
        }
        return "\(number)"
    }

    /// An array element in double quotes, with `\` and `"` escaped.
    private static func quotedElement(_ element: String) -> String {
        var quoted = "\""
        for character in element {
            if character == "\\" || character == "\"" {
                quoted.append("\\")
            }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
