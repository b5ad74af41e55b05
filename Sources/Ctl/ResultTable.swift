import Foundation
import VoyageurCore
import VoyageurRuntime

/// Human-readable result listings.
enum ResultTable {
    /// One row per result, columns aligned.
    static func render(_ results: [JobResult]) -> String {
        guard !results.isEmpty else { return "No results." }
        let header = ["JOB", "SYMBOL", "LANG", "DETAIL", "STATUS", "METHOD", "REC", "WORDS", "WAIT", "GEN", "WORKER"]
        let rows = results.map { result -> [String] in
            [
                result.jobID,
                result.symbol ?? "-",
                result.language?.code ?? "-",
                result.detail?.rawValue ?? "-",
                result.status.rawValue,
                result.method?.rawValue ?? "-",
                result.recommendation.flatMap { rec in result.language.map { rec.word(in: $0) } } ?? "-",
                result.text.map { String($0.split(whereSeparator: \.isWhitespace).count) } ?? "-",
                DurationText.format(result.queueWait),
                DurationText.format(result.generationTime),
                result.workerID,
            ]
        }
        return TextTable(header: header, rows: rows).render()
    }

    /// Every field of one result, then its explanation.
    static func detail(_ result: JobResult) -> String {
        var lines: [(String, String)] = [
            ("Job", result.jobID),
            ("Status", result.status.rawValue),
            ("Method", result.method?.rawValue ?? "-"),
            ("Symbol", result.symbol ?? "-"),
            ("Language", result.language?.code ?? "-"),
            ("Detail", result.detail?.rawValue ?? "-"),
            ("Subject", result.subject ?? "-"),
            ("Recommendation", result.recommendation?.rawValue ?? "-"),
            ("Model", result.model ?? "-"),
            ("Attempts", String(result.attempts)),
            ("Quality", result.quality.map { String(format: "%.2f", $0) } ?? "-"),
            ("Queue wait", DurationText.format(result.queueWait)),
            ("Generation", DurationText.format(result.generationTime)),
            ("Worker", result.workerID),
            ("Completed", Timestamp.format(result.completedAt)),
        ]
        if let reason = result.reason {
            lines.append(("Reason", reason))
        }
        let width = lines.map(\.0.count).max() ?? 0
        var text = lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
            .joined(separator: "\n")
        if let explanation = result.text {
            text += "\n\n" + explanation
        }
        return text
    }
}

/// Columns padded to their widest cell.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    func render() -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return ([header] + rows).map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
