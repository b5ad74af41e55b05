/// A configuration variable with a value Voyageur cannot use.
public struct LLMConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The environment variable at fault, e.g. `VOYAGEUR_LLM_URL`.
    public var variable: String
    /// What the value must look like; never carries the URL's credentials.
    public var message: String

    public init(variable: String, message: String) {
        self.variable = variable
        self.message = message
    }

    public var description: String { "\(variable) \(message)" }
}
