import Foundation

/// The request files under `jobs/samples`, found from this source file's path.
enum SampleFiles {
    /// The repository root: three levels above `Tests/VoyageurCoreTests/SampleFiles.swift`.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static let samples = root.appendingPathComponent("jobs/samples")
    static let invalid = samples.appendingPathComponent("invalid")
    static let batch = samples.appendingPathComponent("batch.jsonl")

    /// The names of the files in `directory` ending in `.extension`, sorted;
    /// empty when the directory is missing, which the suites report as a failure.
    static func names(in directory: URL, extension: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".\(`extension`)") }.sorted()
    }

    static func contents(of name: String, in directory: URL) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// The lines of `batch.jsonl` that hold a request.
    static func batchLines() throws -> [String] {
        let text = try String(contentsOf: batch, encoding: .utf8)
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
}
