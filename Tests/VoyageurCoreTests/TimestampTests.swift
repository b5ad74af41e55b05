import Foundation
import Testing
import VoyageurCore

@Suite("Timestamp")
struct TimestampTests {
    @Test(
        "RFC 3339 timestamps are read with any fraction and offset",
        arguments: [
            ("2026-12-03T14:00:00Z", 0.0),
            ("2026-12-03T14:00:00.5Z", 0.5),
            ("2026-12-03T14:00:00.123456Z", 0.123456),
            ("2026-12-03T15:00:00+01:00", 0.0),
            ("2026-12-03T08:30:00-05:30", 0.0),
        ]
    )
    func parses(text: String, offset: TimeInterval) throws {
        let base = try #require(Timestamp.parse("2026-12-03T14:00:00Z"))

        let date = try #require(Timestamp.parse(text))

        #expect(abs(date.timeIntervalSince(base) - offset) < 1e-6)
    }

    @Test(
        "a timestamp that is not RFC 3339, or names a time that does not exist, is refused",
        arguments: [
            "2026-12-03", "2026-12-03 14:00:00Z", "2026-12-03T14:00:00", "2026-12-03T14:00Z",
            "20261203T140000Z", "2026-12-03T14:00:00+0100", "2026-02-29T09:00:00Z",
            "2030-02-30T09:00:00Z", "2026-04-31T09:00:00Z", "2026-13-01T09:00:00Z",
            "2026-12-03T24:00:00Z", "2026-12-03T14:60:00Z", "2026-12-03T14:00:00+24:00",
            "tomorrow", "",
        ]
    )
    func refuses(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test("February 29 is read in leap years only")
    func readsLeapDays() {
        #expect(Timestamp.parse("2028-02-29T00:00:00Z") != nil)
        #expect(Timestamp.parse("2000-02-29T00:00:00Z") != nil)
        #expect(Timestamp.parse("2100-02-29T00:00:00Z") == nil)
    }

    @Test("every millisecond reads back as written")
    func roundTripsMilliseconds() {
        let texts = (0..<1000).map { millisecond in
            let digits = String(millisecond)
            let fraction = String(repeating: "0", count: 3 - digits.count) + digits
            return "2026-12-03T14:00:00.\(fraction)Z"
        }

        let changed = texts.filter { text in
            Timestamp.parse(text).map(Timestamp.format) != text
        }

        #expect(changed == [])
    }

    @Test("formatting rounds to the nearest millisecond, in UTC")
    func roundsToMilliseconds() throws {
        let date = try #require(Timestamp.parse("2026-12-03T23:59:59.9996+01:00"))

        #expect(Timestamp.format(date) == "2026-12-03T23:00:00.000Z")
    }
}
