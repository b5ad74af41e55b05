import Foundation
import VoyageurCore

/// Reads and writes durations as operators type them: `250ms`, `30s`, `5m`,
/// `2h`, `30d`; a bare number is seconds.
public enum DurationText {
    /// Parses `text`; nil when it is not a non-negative duration.
    public static func parse(_ text: String) -> Duration? {
        let units: [(suffix: String, seconds: Double)] = [
            ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400),
        ]
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            let number = trimmed.dropLast(unit.suffix.count)
            if let value = Double(number), value >= 0, value.isFinite {
                return .milliseconds(Int64((value * unit.seconds * 1_000).rounded()))
            }
        }
        if let value = Double(trimmed), value >= 0, value.isFinite {
            return .milliseconds(Int64((value * 1_000).rounded()))
        }
        return nil
    }

    /// Formats `duration` briefly: `42µs`, `250ms`, `30s`, `1.5s`.
    public static func format(_ duration: Duration) -> String {
        let milliseconds = duration.milliseconds
        if milliseconds < 1 { return "\(Int((duration.seconds * 1_000_000).rounded()))µs" }
        if milliseconds < 1_000 { return "\(milliseconds)ms" }
        if milliseconds % 1_000 == 0 { return "\(milliseconds / 1_000)s" }
        return "\(Double(milliseconds) / 1_000)s"
    }
}
