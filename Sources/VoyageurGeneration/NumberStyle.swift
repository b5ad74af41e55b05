import VoyageurCore

/// Writes numbers the way a reader of one language expects them.
///
/// English `1,234.5`; French `1 234,5` with a narrow no-break space between
/// thousands; Spanish `1.234,5`. Rounding is fixed per kind of value so that a
/// number in the text can always be traced back to the analysis.
public struct NumberStyle: Sendable {
    /// The thousands separator French typography uses: U+202F.
    static let narrowNoBreakSpace = "\u{202F}"

    let decimalMark: String
    let groupSeparator: String
    /// Whether `1234` is grouped (`1,234`) or left whole, as some styles
    /// leave four-digit numbers.
    let groupsFourDigits: Bool

    /// A style of its own, e.g. for text a model is to copy.
    public init(decimalMark: String, groupSeparator: String, groupsFourDigits: Bool = true) {
        self.decimalMark = decimalMark
        self.groupSeparator = groupSeparator
        self.groupsFourDigits = groupsFourDigits
    }

    /// The template writer's typography for `language`.
    init(language: Language) {
        switch language {
        case .english:
            self.init(decimalMark: ".", groupSeparator: ",")
        case .french:
            self.init(decimalMark: ",", groupSeparator: Self.narrowNoBreakSpace)
        case .spanish:
            self.init(decimalMark: ",", groupSeparator: ".")
        }
    }

    /// The overall score with one decimal, on its scale: `7.2/10`.
    func score(_ value: Double) -> String {
        decimal(value, places: 1) + "/10"
    }

    /// A price or price level, with two decimals: `1,234.50`.
    func price(_ value: Double) -> String {
        decimal(value, places: 2)
    }

    /// An oscillator reading such as the RSI, with one decimal: `72.1`.
    func oscillator(_ value: Double) -> String {
        decimal(value, places: 1)
    }

    /// A small signed quantity such as the MACD histogram, with three
    /// significant digits and no trailing zeros: `-0.0042`, `0.42`, `1.25`.
    func fine(_ value: Double) -> String {
        guard value != 0, value.isFinite else { return decimal(value, places: 0) }
        let magnitude = Int((abs(value)).log10Floor)
        return trimmed(value, places: min(6, max(2, 2 - magnitude)))
    }

    /// `value` rounded to `places` decimals, without trailing zeros (nor a
    /// trailing decimal mark).
    public func trimmed(_ value: Double, places: Int) -> String {
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

    /// `value` rounded to `places` decimals, with grouped thousands.
    public func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        var scale: Int64 = 1
        for _ in 0..<places {
            scale *= 10
        }
        let scaled = Int64((abs(value) * Double(scale)).rounded())
        let whole = group(String(scaled / scale))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + whole }

        let fraction = String(scaled % scale)
        let padding = String(repeating: "0", count: places - fraction.count)
        return sign + whole + decimalMark + padding + fraction
    }

    private func group(_ digits: String) -> String {
        guard digits.count != 4 || groupsFourDigits else { return digits }
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start =
                digits.index(end, offsetBy: -3, limitedBy: digits.startIndex)
                ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: groupSeparator)
    }
}

extension Double {
    /// `⌊log₁₀ self⌋` for a positive value, without Foundation.
    fileprivate var log10Floor: Double {
        var exponent = 0.0
        var value = self
        while value >= 10 {
            value /= 10
            exponent += 1
        }
        while value < 1 {
            value *= 10
            exponent -= 1
        }
        return exponent
    }
}
