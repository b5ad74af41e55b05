import VoyageurCore
import VoyageurGeneration

/// Writes the figures of a prompt the way a reader of its language reads
/// them (`1,234.50`, `1 234,50`, `1.234,50`), so that the model copies them
/// in the right form and ``NumberExtractor`` reads them back.
struct PromptNumberFormat: Sendable {
    private let style: NumberStyle

    init(_ language: Language) {
        switch language {
        case .english:
            style = NumberStyle(decimalMark: ".", groupSeparator: ",")
        case .french:
            // A plain space: models copy it reliably, and readers accept it;
            // French leaves four-digit numbers whole.
            style = NumberStyle(decimalMark: ",", groupSeparator: " ", groupsFourDigits: false)
        case .spanish:
            style = NumberStyle(decimalMark: ",", groupSeparator: ".")
        }
    }

    /// The score on its scale: `7.6/10`.
    func score(_ value: Double) -> String {
        style.decimal(value, places: 1) + "/10"
    }

    /// A price level: two decimals.
    func price(_ value: Double) -> String {
        style.decimal(value, places: 2)
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
        return style.trimmed(value, places: places)
    }
}
