import Foundation
import VoyageurCore

/// How log lines are rendered.
public enum LogFormat: String, Sendable, CaseIterable {
    /// `ts=… level=info msg="Job stored" job.id=…`
    case logfmt
    /// One JSON object per line.
    case json

    /// Renders one record as a line without the trailing newline.
    public func render(_ record: LogRecord) -> String {
        let timestamp = record.date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        switch self {
        case .logfmt:
            var line = "ts=\(timestamp) level=\(record.level) msg=\(Self.logfmtValue(record.message))"
            for key in record.metadata.keys.sorted() {
                line += " \(key)=\(Self.logfmtValue(record.metadata[key] ?? ""))"
            }
            return line
        case .json:
            var fields = record.metadata.mapValues(JSONValue.string)
            fields["ts"] = .string(timestamp)
            fields["level"] = .string(record.level.description)
            fields["msg"] = .string(record.message)
            return String(decoding: JSONValue.object(fields).encodedData(), as: UTF8.self)
        }
    }

    /// Quotes a value when it holds spaces, quotes, `=` or control characters.
    static func logfmtValue(_ value: String) -> String {
        let needsQuotes =
            value.isEmpty
            || value.unicodeScalars.contains {
                $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\\" || $0.value < 0x20
            }
        guard needsQuotes else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case _ where scalar.value < 0x20: quoted += "\\u{\(String(scalar.value, radix: 16))}"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}

/// Where rendered log lines go. Each line is one `write(2)`, so lines from
/// concurrent tasks never interleave.
public final class LogSink: Sendable {
    private let descriptor: Int32?

    private init(descriptor: Int32?) {
        self.descriptor = descriptor
    }

    /// Standard error, as systemd's journal expects.
    public static let standardError = LogSink(descriptor: STDERR_FILENO)

    /// Drops every line.
    public static let discarding = LogSink(descriptor: nil)

    func write(_ line: String) {
        guard let descriptor else { return }
        var bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return Foundation.write(descriptor, base + offset, buffer.count - offset)
            }
            if written <= 0 {
                if written < 0 && errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
