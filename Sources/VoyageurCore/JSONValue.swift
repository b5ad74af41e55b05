import Foundation

/// A parsed JSON document that keeps booleans, numbers and strings apart,
/// so validation can say exactly which type a field has.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses UTF-8 JSON text strictly (RFC 8259), at most 64 levels deep.
    ///
    /// - Throws: when `data` is not one valid JSON document.
    public init(parsing data: Data) throws {
        var parser = JSONParser(data)
        self = try parser.parseDocument()
    }

    /// Compact JSON with sorted keys, numbers that read back exactly.
    public func encodedData() -> Data {
        var writer = JSONWriter()
        writer.write(self)
        return Data(writer.bytes)
    }

    /// A short name of the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
