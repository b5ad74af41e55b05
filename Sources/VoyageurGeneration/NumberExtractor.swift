import VoyageurCore

/// Finds the numbers a text quotes, read as a reader of its language reads them.
///
/// English `1,234.5`, French `1 234,5`, Spanish `1.234,5`; a sign directly
/// before the digits (`-0.0042`, `−3`) counts; `7,2/10` gives 7.2 and 10; a
/// percentage gives its number. Digits glued to a preceding letter belong to a
/// name (`rsi14`, `MM50`) and are skipped. When the grouping does not fit the
/// language, a lone separator of the other convention is read as a decimal
/// mark (`72.1` in Spanish text), and anything else is split into its parts.
public enum NumberExtractor {
    /// Every number quoted in `text`, in order of appearance.
    public static func numbers(in text: String, language: Language) -> [Double] {
        let convention = Convention(language: language)
        let characters = Array(text)
        var numbers: [Double] = []
        var index = 0

        while index < characters.count {
            guard characters[index].isASCIIDigit else {
                index += 1
                continue
            }
            let start = index
            let run = readRun(characters, from: start, convention: convention)
            index = run.end
            if start > 0, characters[start - 1].isLetter || characters[start - 1] == "_" {
                continue
            }

            let sign = sign(before: start, in: characters)
            for (offset, value) in convention.interpret(run.groups, run.separators).enumerated() {
                numbers.append(offset == 0 ? sign * value : value)
            }
        }
        return numbers
    }

    private struct Run {
        var groups: [String] = []
        var separators: [Character] = []
        var end = 0
    }

    private static func readRun(
        _ characters: [Character], from start: Int, convention: Convention
    ) -> Run {
        var run = Run()
        var current = ""
        var index = start
        while index < characters.count {
            let character = characters[index]
            if character.isASCIIDigit {
                current.append(character)
            } else if convention.separators.contains(character),
                index + 1 < characters.count, characters[index + 1].isASCIIDigit
            {
                run.groups.append(current)
                run.separators.append(character)
                current = ""
            } else {
                break
            }
            index += 1
        }
        run.groups.append(current)
        run.end = index
        return run
    }

    /// -1 when a minus sign directly before `start` belongs to the number.
    private static func sign(before start: Int, in characters: [Character]) -> Double {
        guard start > 0, "-−".contains(characters[start - 1]) else { return 1 }
        guard start > 1 else { return -1 }
        return startsToken(characters[start - 2]) ? -1 : 1
    }

    /// Whether a sign after `character` starts a number rather than a range
    /// or a compound word ("12-26", "50/200-day").
    private static func startsToken(_ character: Character) -> Bool {
        character.isWhitespace || "([{:;=«\"'".contains(character)
    }
}

/// How one language writes decimals and thousands.
private struct Convention {
    let decimalMark: Character
    let groupMarks: Set<Character>
    /// The decimal mark of the other convention, accepted when it cannot be a group mark.
    let foreignDecimalMark: Character
    let separators: Set<Character>

    init(language: Language) {
        let spaces: Set<Character> = ["\u{00A0}", "\u{202F}"]
        switch language {
        case .english:
            decimalMark = "."
            foreignDecimalMark = ","
            groupMarks = spaces.union([","])
        case .french:
            decimalMark = ","
            foreignDecimalMark = "."
            groupMarks = spaces.union([" "])
        case .spanish:
            decimalMark = ","
            foreignDecimalMark = "."
            groupMarks = spaces.union(["."])
        }
        separators = groupMarks.union([decimalMark, foreignDecimalMark])
    }

    /// The value of a run of digit groups, or each group on its own when the
    /// separators do not make one number.
    func interpret(_ groups: [String], _ separators: [Character]) -> [Double] {
        if separators.isEmpty {
            return [Double(groups[0])].compactMap { $0 }
        }
        if let last = separators.last, last == decimalMark,
            isGrouped(Array(groups.dropLast()), Array(separators.dropLast())),
            let value = Double(groups.dropLast().joined() + "." + groups[groups.count - 1])
        {
            return [value]
        }
        if isGrouped(groups, separators), let value = Double(groups.joined()) {
            return [value]
        }
        if separators == [foreignDecimalMark], let value = Double(groups[0] + "." + groups[1]) {
            return [value]
        }
        return groups.compactMap { Double($0) }
    }

    private func isGrouped(_ groups: [String], _ separators: [Character]) -> Bool {
        guard let first = groups.first, (1...3).contains(first.count) || separators.isEmpty else {
            return false
        }
        guard let mark = separators.first else { return true }
        return separators.allSatisfy { $0 == mark && groupMarks.contains($0) }
            && groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
