import Foundation

/// The exit codes every Voyageur command uses.
public enum ExitCode: Int32, Sendable {
    case success = 0
    /// Degraded, or the command did not get what it wanted.
    case failure = 1
    /// Unhealthy.
    case unhealthy = 2
    /// The command line is wrong (EX_USAGE).
    case usage = 64
    /// The input data is wrong (EX_DATAERR).
    case dataError = 65
    /// Configuration is wrong (EX_CONFIG).
    case configuration = 78

    /// Ends the process with this code.
    public func exit() -> Never {
        Foundation.exit(rawValue)
    }
}

/// Writes a line to standard error, for command-line messages.
public func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Flushes standard output, so a reader of a pipe sees lines as they come.
public func flushStandardOutput() {
    fflush(nil)
}
