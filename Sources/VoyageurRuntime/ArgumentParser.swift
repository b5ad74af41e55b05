/// A command-line option a command accepts.
public struct OptionSpec: Sendable, Hashable {
    /// The long name without dashes, e.g. `language`.
    public var name: String
    /// Whether it takes a value (`--language fr` or `--language=fr`).
    public var takesValue: Bool
    /// Whether it may be given more than once.
    public var isRepeatable: Bool

    public static func flag(_ name: String) -> OptionSpec {
        OptionSpec(name: name, takesValue: false, isRepeatable: false)
    }

    public static func value(_ name: String, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, takesValue: true, isRepeatable: repeatable)
    }
}

/// A command line that does not follow a command's usage; exit 64.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// The options and positional arguments of one command line.
public struct ParsedArguments: Sendable {
    public private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Parses `arguments` against `options`. `--help` and `-h` are always
    /// accepted; `--` ends the options.
    ///
    /// - Throws: ``UsageError`` for an unknown option, a missing value, or a
    ///   non-repeatable option given twice.
    public init(_ arguments: some Sequence<String>, options: [OptionSpec]) throws(UsageError) {
        let specs = Dictionary(uniqueKeysWithValues: (options + [.flag("help")]).map { ($0.name, $0) })
        var iterator = arguments.makeIterator()
        var onlyPositionals = false

        while let argument = iterator.next() {
            // `-` is standard input and `-5` a number, not options.
            let isNumber = argument.count > 1 && argument.dropFirst().first?.isNumber == true
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" || isNumber {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument == "-h" {
                flags.insert("help")
                continue
            }
            guard argument.hasPrefix("--") else {
                throw UsageError("unknown option \(argument)")
            }
            let body = argument.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let inlineValue = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            guard let spec = specs[name] else {
                throw UsageError("unknown option --\(name)")
            }
            if !spec.takesValue {
                guard inlineValue == nil else { throw UsageError("--\(name) takes no value") }
                flags.insert(name)
                continue
            }
            guard let value = inlineValue ?? iterator.next() else {
                throw UsageError("--\(name) needs a value")
            }
            if values[name] != nil && !spec.isRepeatable {
                throw UsageError("--\(name) is given more than once")
            }
            values[name, default: []].append(value)
        }
    }

    /// Whether a flag was given.
    public func has(_ name: String) -> Bool { flags.contains(name) }

    /// The value of an option, nil when absent (the last one if repeated).
    public func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable option, in order.
    public func values(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether help was asked for.
    public var wantsHelp: Bool { has("help") }
}
