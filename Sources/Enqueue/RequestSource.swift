import Foundation
import VoyageurCore

/// Where requests come from: files, standard input or the command line, each
/// request with the place it was read, for error messages.
struct RequestSource {
    /// One request's bytes and where they were read.
    struct Entry {
        var location: String
        var body: Data
    }

    /// Reads `path`: a `.jsonl` file or `-` (standard input) holds one
    /// request per line, blank lines skipped; any other file holds one.
    static func entries(from path: String) throws -> [Entry] {
        if path == "-" {
            return lines(of: FileHandle.standardInput.readDataToEndOfFile(), name: "stdin")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageFailure("cannot read \(path)")
        }
        if path.hasSuffix(".jsonl") {
            return lines(of: data, name: path)
        }
        return [Entry(location: "\(path):1", body: data)]
    }

    private static func lines(of data: Data, name: String) -> [Entry] {
        var entries: [Entry] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let isBlank = line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == 9 }
            if !isBlank {
                entries.append(Entry(location: "\(name):\(lineNumber)", body: Data(line)))
            }
        }
        return entries
    }

    /// Builds one request from `--symbol`, `--language`, `--analysis FILE`
    /// and friends, as JSON, so it passes through the same validation.
    static func entry(
        symbol: String?,
        language: String?,
        detail: String?,
        subject: String?,
        id: String?,
        deadline: String?,
        forceRegenerate: Bool,
        analysisPath: String?
    ) throws -> Entry {
        var fields: [String: JSONValue] = [:]
        fields["symbol"] = symbol.map(JSONValue.string)
        fields["language"] = language.map(JSONValue.string)
        fields["detail"] = detail.map(JSONValue.string)
        fields["subject"] = subject.map(JSONValue.string)
        fields["id"] = id.map(JSONValue.string)
        fields["deadline"] = deadline.map(JSONValue.string)
        if forceRegenerate {
            fields["force_regenerate"] = .bool(true)
        }
        if let analysisPath {
            guard let data = FileManager.default.contents(atPath: analysisPath) else {
                throw UsageFailure("cannot read \(analysisPath)")
            }
            guard let analysis = try? JSONValue(parsing: data) else {
                throw DataFailure(["\(analysisPath):1: analysis: is not valid JSON"])
            }
            fields["analysis"] = analysis
        }
        return Entry(location: "command line", body: JSONValue.object(fields).encodedData())
    }
}

/// A command line that cannot be carried out as given (exit 64).
struct UsageFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Input that breaks the request schema (exit 65), one line per error.
struct DataFailure: Error {
    var lines: [String]
    init(_ lines: [String]) { self.lines = lines }
}
