import Foundation

/// RFC 3339 timestamps, as requests and results carry them.
public enum Timestamp {
    private static let styles = [
        Date.ISO8601FormatStyle(),
        Date.ISO8601FormatStyle(includingFractionalSeconds: true),
    ]

    /// Parses `2026-12-03T14:00:00Z`, with or without fractional seconds and
    /// with a `Z` or `±hh:mm` UTC offset.
    ///
    /// Returns nil for anything else, including dates and times that do not
    /// exist, such as `2026-02-30T09:00:00Z` or `2026-12-03T25:00:00Z`.
    public static func parse(_ text: String) -> Date? {
        // The ISO 8601 parser rolls impossible fields over (February 30 becomes
        // March 2) and takes offsets without a colon, so RFC 3339's shape and
        // field ranges are checked first.
        guard hasRFC3339Fields(text) else { return nil }
        for style in styles {
            if let date = try? style.parse(text) {
                return date
            }
        }
        return nil
    }

    /// Formats `date` in UTC with millisecond precision, rounded to the
    /// nearest millisecond, so that `parse(format(date))` reads back a
    /// timestamp that formats the same.
    public static func format(_ date: Date) -> String {
        // The fractional-seconds style truncates the binary value, which
        // turns `.002` into `.001` for about half of all milliseconds.
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = (milliseconds / 1000).rounded(.down)
        let fraction = Int(milliseconds - seconds * 1000)
        let whole = Date(timeIntervalSince1970: seconds).formatted(styles[0])
        let digits = String(fraction)
        let padded = String(repeating: "0", count: 3 - digits.count) + digits
        return "\(whole.dropLast()).\(padded)Z"
    }

    private static func hasRFC3339Fields(_ text: String) -> Bool {
        let pattern =
            #/
            ([0-9]{4}) - ([0-9]{2}) - ([0-9]{2})
            T ([0-9]{2}) : ([0-9]{2}) : ([0-9]{2}) (?: \. [0-9]+ )?
            (?: Z | [+-] ([0-9]{2}) : ([0-9]{2}) )
            /#
        guard let match = text.wholeMatch(of: pattern) else { return false }
        let fields = match.output
        guard
            let year = Int(fields.1), let month = Int(fields.2), let day = Int(fields.3),
            let hour = Int(fields.4), let minute = Int(fields.5), let second = Int(fields.6)
        else {
            return false
        }
        let offsetHour = fields.7.flatMap { Int($0) } ?? 0
        let offsetMinute = fields.8.flatMap { Int($0) } ?? 0

        return (1...12).contains(month)
            && (1...daysInMonth(month, of: year)).contains(day)
            && (0...23).contains(hour) && (0...59).contains(minute)
            && (0...60).contains(second)  // 60: a leap second
            && (0...23).contains(offsetHour) && (0...59).contains(offsetMinute)
    }

    private static func daysInMonth(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
