import Foundation

/// Gradual rollout: which subjects a flag is on for, at a percentage.
///
/// Unleash-compatible: a subject's bucket is
/// `murmur3_32("<flag>:<subject>", seed 0) % 100 + 1`, in 1...100, and the
/// flag is on for the subject when `bucket ≤ percentage`. The bucket depends
/// only on the flag name and the subject, so every process, on every machine
/// and after every restart, gives a subject the same answer; and raising the
/// percentage never turns a subject off.
public enum Rollout {
    /// The smallest rollout percentage: on for nobody.
    public static let minimumPercentage = 0

    /// The largest rollout percentage, and the default: on for everybody.
    public static let maximumPercentage = 100

    /// The subject's bucket for a flag name, in 1...100.
    public static func bucket(flag: String, subject: String) -> Int {
        let hash = Murmur3.hash32("\(flag):\(subject)".utf8, seed: 0)
        return Int(hash % 100) + 1
    }

    /// The subject's bucket for a flag, in 1...100.
    public static func bucket(flag: FeatureFlag, subject: String) -> Int {
        bucket(flag: flag.name, subject: subject)
    }

    /// Whether a subject falls inside a rollout percentage.
    ///
    /// 0 (or less) is never, 100 (or more) is always.
    public static func isEnabled(flag: String, subject: String, percentage: Int) -> Bool {
        if percentage <= minimumPercentage {
            return false
        }
        if percentage >= maximumPercentage {
            return true
        }
        return bucket(flag: flag, subject: subject) <= percentage
    }

    /// Whether a subject falls inside a flag's rollout percentage.
    ///
    /// 0 (or less) is never, 100 (or more) is always.
    public static func isEnabled(flag: FeatureFlag, subject: String, percentage: Int) -> Bool {
        isEnabled(flag: flag.name, subject: subject, percentage: percentage)
    }

    /// Parses an operator's rollout percentage, such as `30` or `30%`.
    ///
    /// - Throws: ``ControlError`` with code `invalidPercentage` unless the
    ///   text is a whole number from 0 to 100.
    public static func percentage(parsing text: String) throws(ControlError) -> Int {
        var digits = text.trimmingCharacters(in: .whitespaces)
        if digits.hasSuffix("%") {
            digits.removeLast()
        }
        guard let value = Int(digits), (minimumPercentage...maximumPercentage).contains(value)
        else {
            throw ControlError(.invalidPercentage, input: text)
        }
        return value
    }
}
