import Foundation

extension JobResult {
    /// The result as one JSON object with snake_case keys, as
    /// `voyageur-enqueue --wait` and `voyageurctl results --json` print it.
    public var json: JSONValue {
        var fields: [String: JSONValue] = [
            "job_id": .string(jobID),
            "status": .string(status.rawValue),
            "attempts": .number(Double(attempts)),
            "queue_wait_ms": .number(Self.milliseconds(queueWait)),
            "generation_ms": .number(Self.milliseconds(generationTime)),
            "worker_id": .string(workerID),
            "completed_at": .string(Timestamp.format(completedAt)),
        ]
        let optional: [(String, String?)] = [
            ("route", route?.rawValue),
            ("method", method?.rawValue),
            ("symbol", symbol),
            ("language", language?.code),
            ("detail", detail?.rawValue),
            ("subject", subject),
            ("recommendation", recommendation?.rawValue),
            ("text", text),
            ("reason", reason),
            ("model", model),
            ("fingerprint", fingerprint),
        ]
        for case (let key, let value?) in optional {
            fields[key] = .string(value)
        }
        if let quality {
            fields["quality"] = .number((quality * 1_000).rounded() / 1_000)
        }
        return .object(fields)
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        (duration.seconds * 1_000_000).rounded() / 1_000
    }
}
