extension String {
    /// The text with its first letter in upper case, for the start of a sentence.
    var sentenceCased: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}

extension Array where Element == String {
    /// The items as a list in running text: `a`, `a and b`, `a, b and c`.
    func joinedAsList(conjunction: String) -> String {
        switch count {
        case 0: return ""
        case 1: return self[0]
        default:
            return dropLast().joined(separator: ", ") + " \(conjunction) " + self[count - 1]
        }
    }
}
