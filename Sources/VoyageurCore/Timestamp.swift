import Foundation

/// RFC 3339 timestamps, as requests and results carry them.
public enum Timestamp {
    private static let styles = [
        Date.ISO8601FormatStyle(),
        Date.ISO8601FormatStyle(includingFractionalSeconds: true),
    ]

    /// Parses `2026-12-03T14:00:00Z`, with or without fractional seconds and
    /// with a `Z` or numeric UTC offset.
    public static func parse(_ text: String) -> Date? {
        for style in styles {
            if let date = try? style.parse(text) {
                return date
            }
        }
        return nil
    }

    /// Formats `date` in UTC with millisecond precision.
    public static func format(_ date: Date) -> String {
        date.formatted(styles[1])
    }
}
