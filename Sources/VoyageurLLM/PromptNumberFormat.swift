import VoyageurCore

/// Writes the figures of a prompt the way a reader of its language reads
/// them (`1,234.50`, `1 234,50`, `1.234,50`), so that the model copies them
/// in the right form and ``NumberExtractor`` reads them back.
struct PromptNumberFormat: Sendable {
    let decimalMark: String
    let groupSeparator: String

    init(_ language: Language) {
        switch language {
        case .english:
            (decimalMark, groupSeparator) = (".", ",")
        case .french:
            // A plain space: models copy it reliably, and readers accept it.
            (decimalMark, groupSeparator) = (",", " ")
        case .spanish:
            (decimalMark, groupSeparator) = (",", ".")
        }
    }

    /// The score on its scale: `7.6/10`.
    func score(_ value: Double) -> String {
        decimal(value, places: 1) + "/10"
    }

    /// A price level: two decimals.
    func price(_ value: Double) -> String {
        decimal(value, places: 2)
    }

    /// Any other reading: two decimals from 1 up, three significant digits
    /// below (`-0.0042`), without trailing zeros.
    func value(_ value: Double) -> String {
        var places = 2
        var magnitude = abs(value)
        while magnitude > 0, magnitude < 1, places < 6 {
            magnitude *= 10
            if magnitude < 1 { places += 1 }
        }
        var text = decimal(value, places: places)
        guard text.contains(decimalMark) else { return text }
        while text.hasSuffix("0") {
            text.removeLast()
        }
        if text.hasSuffix(decimalMark) {
            text.removeLast(decimalMark.count)
        }
        return text
    }

    func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        var scale: Int64 = 1
        for _ in 0..<places {
            scale *= 10
        }
        let scaled = Int64((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        let whole = grouped(String(scaled / scale))
        guard places > 0 else { return sign + whole }
        let fraction = String(scaled % scale)
        return sign + whole + decimalMark + String(repeating: "0", count: places - fraction.count) + fraction
    }

    private func grouped(_ digits: String) -> String {
        guard digits.count > 4 || (digits.count == 4 && groupSeparator != " ") else { return digits }
        var groups: [String] = []
        var rest = Substring(digits)
        while rest.count > 3 {
            groups.insert(String(rest.suffix(3)), at: 0)
            rest = rest.dropLast(3)
        }
        groups.insert(String(rest), at: 0)
        return groups.joined(separator: groupSeparator)
    }
}
