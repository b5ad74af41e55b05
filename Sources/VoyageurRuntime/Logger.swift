import Foundation

/// A structured logger: constant messages, data in dotted metadata keys.
///
/// Create one per process from ``LogConfiguration`` and pass it down; libraries
/// never create their own. Copies are cheap and safe to use from any thread.
public struct Logger: Sendable {
    /// Severity, lowest first.
    public enum Level: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
        case trace, debug, info, notice, warning, error, critical

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .trace: "trace"
            case .debug: "debug"
            case .info: "info"
            case .notice: "notice"
            case .warning: "warning"
            case .error: "error"
            case .critical: "critical"
            }
        }

        /// Parses `debug`, `info`, ...; nil for anything else.
        public init?(name: String) {
            guard let level = Level.allCases.first(where: { $0.description == name.lowercased() }) else {
                return nil
            }
            self = level
        }
    }

    /// Metadata attached to a record: dotted keys, values rendered as text.
    public typealias Metadata = [String: String]

    /// Records below this level are dropped before their metadata is built.
    public var level: Level
    /// Metadata added to every record of this logger, e.g. `worker.id`.
    public var metadata: Metadata
    private let format: LogFormat
    private let sink: LogSink

    /// - Parameters:
    ///   - level: the lowest level written.
    ///   - format: logfmt or JSON lines.
    ///   - sink: where lines go; standard error by default.
    public init(level: Level = .info, format: LogFormat = .logfmt, sink: LogSink = .standardError) {
        self.level = level
        self.metadata = [:]
        self.format = format
        self.sink = sink
    }

    /// A logger that writes nothing, for tests.
    public static var disabled: Logger {
        var logger = Logger(sink: .discarding)
        logger.level = .critical
        return logger
    }

    /// A copy that adds `metadata` to every record.
    public func with(_ metadata: Metadata) -> Logger {
        var copy = self
        copy.metadata.merge(metadata) { _, new in new }
        return copy
    }

    public func log(_ level: Level, _ message: String, _ metadata: @autoclosure () -> Metadata = [:]) {
        guard level >= self.level else { return }
        var all = self.metadata
        all.merge(metadata()) { _, new in new }
        sink.write(format.render(LogRecord(date: Date(), level: level, message: message, metadata: all)))
    }

    public func trace(_ message: String, _ metadata: @autoclosure () -> Metadata = [:]) {
        log(.trace, message, metadata())
    }

    public func debug(_ message: String, _ metadata: @autoclosure () -> Metadata = [:]) {
        log(.debug, message, metadata())
    }

    public func info(_ message: String, _ metadata: @autoclosure () -> Metadata = [:]) {
        log(.info, message, metadata())
    }

    public func notice(_ message: String, _ metadata: @autoclosure () -> Metadata = [:]) {
        log(.notice, message, metadata())
    }

    public func warning(_ message: String, _ metadata: @autoclosure () -> Metadata = [:]) {
        log(.warning, message, metadata())
    }

    public func error(_ message: String, _ metadata: @autoclosure () -> Metadata = [:]) {
        log(.error, message, metadata())
    }

    public func critical(_ message: String, _ metadata: @autoclosure () -> Metadata = [:]) {
        log(.critical, message, metadata())
    }
}

/// One log line before it is rendered.
public struct LogRecord: Sendable {
    public var date: Date
    public var level: Logger.Level
    public var message: String
    public var metadata: Logger.Metadata
}
