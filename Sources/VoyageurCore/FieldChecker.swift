import Foundation

/// Checks the fields of a request one by one, collecting what is wrong.
struct FieldChecker {
    private(set) var errors: [ValidationError] = []

    private mutating func fail(_ field: String, _ message: String) {
        errors.append(ValidationError(field: field, message: message))
    }

    mutating func optionalID(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        guard case .string(let id) = value else {
            fail("id", "must be a string, not \(value.typeName)")
            return nil
        }
        guard (1...128).contains(id.count), id.unicodeScalars.allSatisfy(Self.isIDCharacter) else {
            fail("id", "must be 1–128 characters of A–Z, a–z, 0–9, '.', '_', ':', '-' (got \(quoted(id)))")
            return nil
        }
        return id
    }

    mutating func symbol(_ value: JSONValue?) -> String? {
        guard let text = requiredString(value, field: "symbol") else { return nil }
        let symbol = text.uppercased()
        guard (1...16).contains(symbol.count), symbol.unicodeScalars.allSatisfy(Self.isSymbolCharacter) else {
            fail("symbol", "must be 1–16 characters of A–Z, 0–9, '.', '^', '-' (got \(quoted(text)))")
            return nil
        }
        return symbol
    }

    mutating func language(_ value: JSONValue?) -> Language? {
        guard let code = requiredString(value, field: "language") else { return nil }
        guard let language = Language(rawValue: code) else {
            fail("language", "must be one of en, fr, es (got \(quoted(code)))")
            return nil
        }
        return language
    }

    mutating func detail(_ value: JSONValue?) -> DetailLevel? {
        guard let value else { return nil }
        guard case .string(let name) = value, let detail = DetailLevel(rawValue: name) else {
            fail("detail", "must be one of summary, standard, detailed (got \(shown(value)))")
            return nil
        }
        return detail
    }

    mutating func subject(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        guard case .string(let subject) = value, (1...256).contains(subject.count) else {
            fail("subject", "must be a string of 1–256 characters (got \(shown(value)))")
            return nil
        }
        return subject
    }

    mutating func analysis(_ value: JSONValue?) -> Analysis? {
        guard let value else {
            fail("analysis", "is required")
            return nil
        }
        guard case .object(let fields) = value else {
            fail("analysis", "must be an object, not \(value.typeName)")
            return nil
        }
        let score = number(fields["score"], field: "analysis.score", in: 0...10, required: true)
        let price = positivePrice(fields["price"])
        let indicators = indicators(fields["indicators"])
        rejectUnknown(fields, known: ["score", "price", "indicators"], prefix: "analysis.")
        guard let score, let indicators else { return nil }
        return Analysis(score: score, price: price, indicators: indicators)
    }

    mutating func deadline(_ value: JSONValue?) -> Date? {
        guard let value else { return nil }
        guard case .string(let text) = value, let date = Timestamp.parse(text) else {
            fail("deadline", "must be an RFC 3339 timestamp such as 2026-12-03T14:00:00Z (got \(shown(value)))")
            return nil
        }
        return date
    }

    mutating func flag(_ value: JSONValue?, field: String) -> Bool? {
        guard let value else { return nil }
        guard case .bool(let flag) = value else {
            fail(field, "must be true or false, not \(value.typeName)")
            return nil
        }
        return flag
    }

    mutating func rejectUnknown(_ fields: [String: JSONValue], known: Set<String>, prefix: String) {
        for name in fields.keys.sorted() where !known.contains(name) {
            fail(prefix + name, "is not a field of schema v1")
        }
    }

    // MARK: - Analysis parts

    private mutating func positivePrice(_ value: JSONValue?) -> Double? {
        guard let value else { return nil }
        guard case .number(let price) = value, price > 0 else {
            fail("analysis.price", "must be a number greater than 0 (got \(shown(value)))")
            return nil
        }
        return price
    }

    private mutating func indicators(_ value: JSONValue?) -> [Indicator]? {
        let field = "analysis.indicators"
        guard let value else {
            fail(field, "is required")
            return nil
        }
        guard case .object(let entries) = value else {
            fail(field, "must be an object of indicator name → {score, weight, raw}, not \(value.typeName)")
            return nil
        }
        guard !entries.isEmpty else {
            fail(field, "must hold at least one indicator")
            return nil
        }
        var indicators: [Indicator] = []
        for (name, value) in entries.sorted(by: { $0.key < $1.key }) {
            if let indicator = indicator(named: name, value) {
                indicators.append(indicator)
            }
        }
        return indicators.count == entries.count ? indicators : nil
    }

    private mutating func indicator(named name: String, _ value: JSONValue) -> Indicator? {
        let field = "analysis.indicators.\(name)"
        guard (1...64).contains(name.count), name.unicodeScalars.allSatisfy(Self.isIndicatorCharacter) else {
            fail(field, "name must be 1–64 characters of A–Z, a–z, 0–9, '_', '.', '-'")
            return nil
        }
        guard case .object(let fields) = value else {
            fail(field, "must be an object with score, weight and raw, not \(value.typeName)")
            return nil
        }
        let score = number(fields["score"], field: "\(field).score", in: 0...1, required: true)
        let weight = number(fields["weight"], field: "\(field).weight", in: 0...1, required: true)
        let raw = rawValues(fields["raw"], field: "\(field).raw")
        rejectUnknown(fields, known: ["score", "weight", "raw"], prefix: "\(field).")
        guard let score, let weight, let raw else { return nil }
        return Indicator(name: name, score: score, weight: weight, raw: raw)
    }

    private mutating func rawValues(_ value: JSONValue?, field: String) -> [String: Double]? {
        guard let value else { return [:] }
        guard case .object(let entries) = value else {
            fail(field, "must be an object of name → number, not \(value.typeName)")
            return nil
        }
        var raw: [String: Double] = [:]
        var isValid = true
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
            guard case .number(let number) = value else {
                fail("\(field).\(key)", "must be a number, not \(value.typeName)")
                isValid = false
                continue
            }
            raw[key] = number
        }
        return isValid ? raw : nil
    }

    // MARK: - Primitives

    private mutating func requiredString(_ value: JSONValue?, field: String) -> String? {
        guard let value else {
            fail(field, "is required")
            return nil
        }
        guard case .string(let text) = value else {
            fail(field, "must be a string, not \(value.typeName)")
            return nil
        }
        return text
    }

    private mutating func number(
        _ value: JSONValue?,
        field: String,
        in range: ClosedRange<Double>,
        required: Bool
    ) -> Double? {
        guard let value else {
            if required { fail(field, "is required") }
            return nil
        }
        let bounds = "from \(compactNumber(range.lowerBound)) to \(compactNumber(range.upperBound))"
        guard case .number(let number) = value, range.contains(number) else {
            fail(field, "must be a number \(bounds) (got \(shown(value)))")
            return nil
        }
        return number
    }

    private func shown(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .number(let number): compactNumber(number)
        case .bool(let flag): String(flag)
        default: value.typeName
        }
    }

    private func quoted(_ text: String) -> String {
        let clipped = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "\"\(clipped)\""
    }

    private static func isIDCharacter(_ c: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(c) || ".:_-".unicodeScalars.contains(c)
    }

    private static func isSymbolCharacter(_ c: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(c) || ("0"..."9").contains(c) || ".^-".unicodeScalars.contains(c)
    }

    private static func isIndicatorCharacter(_ c: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(c) || "_.-".unicodeScalars.contains(c)
    }

    private static func isASCIIAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(c) || ("a"..."z").contains(c) || ("0"..."9").contains(c)
    }
}
