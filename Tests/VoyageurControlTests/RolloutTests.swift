import Testing

@testable import VoyageurControl

@Suite("Rollout buckets")
struct RolloutTests {
    static let subjects = (0..<1_000).map { "user-\($0)" }

    @Test("buckets are in 1...100")
    func bucketRange() {
        for subject in Self.subjects {
            let bucket = Rollout.bucket(flag: .frenchGeneration, subject: subject)
            #expect((1...100).contains(bucket))
        }
    }

    @Test("raising the percentage never turns a subject off")
    func monotonic() {
        for subject in Self.subjects {
            var wasOn = false
            for percentage in 0...100 {
                let isOn = Rollout.isEnabled(
                    flag: .spanishGeneration, subject: subject, percentage: percentage)
                #expect(!wasOn || isOn, "\(subject) off at \(percentage)%")
                wasOn = isOn
            }
        }
    }

    @Test("about p% of distinct subjects are enabled", arguments: [10, 30, 50])
    func distribution(percentage: Int) {
        let enabled = Self.subjects.filter {
            Rollout.isEnabled(flag: .frenchGeneration, subject: $0, percentage: percentage)
        }
        let expected = percentage * 10
        #expect(abs(enabled.count - expected) <= 50, "\(enabled.count) of 1000")
    }

    @Test("0% is never and 100% is always")
    func extremes() {
        for subject in Self.subjects.prefix(200) {
            #expect(!Rollout.isEnabled(flag: .frenchGeneration, subject: subject, percentage: 0))
            #expect(Rollout.isEnabled(flag: .frenchGeneration, subject: subject, percentage: 100))
        }
    }

    @Test("a subject is on exactly when its bucket is at most the percentage")
    func bucketBoundary() {
        // user-42 is in bucket 10 for french_generation_enabled.
        #expect(Rollout.isEnabled(flag: .frenchGeneration, subject: "user-42", percentage: 10))
        #expect(!Rollout.isEnabled(flag: .frenchGeneration, subject: "user-42", percentage: 9))
    }

    @Test("the bucket depends on the flag name as well as the subject")
    func perFlagBuckets() {
        let french = Self.subjects.map { Rollout.bucket(flag: .frenchGeneration, subject: $0) }
        let spanish = Self.subjects.map { Rollout.bucket(flag: .spanishGeneration, subject: $0) }
        #expect(french != spanish)
    }

    @Test(
        "operator percentages parse",
        arguments: [("0", 0), ("30", 30), (" 45% ", 45), ("100", 100)]
    )
    func parsesPercentage(text: String, expected: Int) throws {
        #expect(try Rollout.percentage(parsing: text) == expected)
    }

    @Test("bad percentages are refused", arguments: ["-1", "101", "abc", "", "12.5"])
    func refusesPercentage(text: String) {
        #expect(throws: ControlError(.invalidPercentage, input: text)) {
            try Rollout.percentage(parsing: text)
        }
    }
}
