/// A configuration value that cannot be used, naming its variable.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The environment variable (or option) at fault.
    public var variable: String
    /// What is wrong with it; never the value of a secret.
    public var message: String

    public init(variable: String, message: String) {
        self.variable = variable
        self.message = message
    }

    public var description: String { "\(variable): \(message)" }
}
