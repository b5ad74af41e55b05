import Foundation
import VoyageurCore

/// The headers Voyageur carries on its messages, and how a message becomes
/// a delivery or a dead letter.
enum AMQPHeaders {
    /// 1 on first publication, one more on each retry.
    static let attempt = "x-voyageur-attempt"
    /// The error history, a JSON array of strings, oldest first.
    static let errors = "x-voyageur-errors"
    /// Milliseconds since the epoch of the first publication; kept on retries.
    static let publishedAt = "x-voyageur-published-at"
    /// The language code, so a dead letter knows its queue.
    static let language = "x-voyageur-language"
    /// Why a job was dead-lettered by a worker.
    static let reason = "x-voyageur-reason"
    /// Milliseconds since the epoch of the dead-lettering.
    static let deadAt = "x-voyageur-dead-at"
    /// Added by quorum queues: earlier unsuccessful deliveries.
    static let deliveryCount = "x-delivery-count"

    static func make(
        language: Language,
        attempt: Int,
        errors: [String],
        publishedAt: Date
    ) -> [(String, AMQPFieldValue)] {
        [
            (Self.attempt, .integer(Int64(attempt))),
            (Self.errors, .string(encode(errors))),
            (Self.publishedAt, .integer(milliseconds(publishedAt))),
            (Self.language, .string(language.code)),
        ]
    }

    static func delivery(from message: AMQPIncomingMessage, language: Language, tag: UInt64) -> Delivery {
        let headers = message.headers
        let attempt = Int(headers[Self.attempt]?.integer ?? 1)
        let redeliveries = Int(headers[deliveryCount]?.integer ?? 0)
        return Delivery(
            tag: tag,
            jobID: message.messageID,
            language: language,
            body: message.body,
            attempt: max(1, attempt) + max(0, redeliveries),
            redeliveries: max(0, redeliveries),
            publishedAt: headers[publishedAt]?.integer.map(date) ?? Date(),
            errorHistory: decode(headers[errors]?.string)
        )
    }

    static func deadLetter(from message: AMQPIncomingMessage, deliveryLimit: Int) -> DeadLetter {
        let headers = message.headers
        let code = headers[language]?.string ?? message.routingKey
        let latestDeath = latestDeath(headers)
        let brokerReason = latestDeath?["reason"]?.string
        var attempts = Int(headers[attempt]?.integer ?? 1)
        if let redeliveries = headers[deliveryCount]?.integer {
            attempts += Int(redeliveries)
        } else if brokerReason == "delivery_limit" {
            attempts += deliveryLimit
        }
        let reason =
            headers[reason]?.string
            ?? brokerReason.map { brokerDeathReason($0, deliveryLimit: deliveryLimit) }
            ?? "dead-lettered by the broker"
        return DeadLetter(
            jobID: message.messageID,
            language: Language(rawValue: code) ?? .english,
            reason: reason,
            attempts: attempts,
            errorHistory: decode(headers[errors]?.string),
            deadAt: headers[deadAt]?.integer.map(date) ?? latestDeath?["time"]?.integer.map(secondsDate) ?? Date(),
            body: message.body
        )
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000).rounded())
    }

    static func encode(_ errors: [String]) -> String {
        String(decoding: JSONValue.array(errors.map(JSONValue.string)).encodedData(), as: UTF8.self)
    }

    static func decode(_ text: String?) -> [String] {
        guard let text, case .array(let values)? = try? JSONValue(parsing: Data(text.utf8)) else { return [] }
        return values.compactMap { value in
            if case .string(let error) = value { return error }
            return nil
        }
    }

    private static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
    }

    private static func brokerDeathReason(_ reason: String, deliveryLimit: Int) -> String {
        switch reason {
        case "delivery_limit": return DeadLetter.deliveryLimitReason(deliveryLimit)
        case "rejected": return "rejected without requeue"
        case "expired": return "expired in the queue"
        case "maxlen": return "the queue was full"
        default: return reason
        }
    }

    /// The broker's record of the message's latest dead-lettering. `x-death`
    /// holds one entry per queue and reason, the most recent first; the
    /// `x-first-death-*` headers name the earliest, which for a job that
    /// went through a retry queue is its delay expiring, not why it died.
    private static func latestDeath(_ headers: [String: AMQPFieldValue]) -> [String: AMQPFieldValue]? {
        guard case .array(let deaths)? = headers["x-death"], case .table(let latest)? = deaths.first else {
            return nil
        }
        return latest
    }

    private static func secondsDate(_ seconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(seconds))
    }
}
