import Foundation

extension ExplanationRequest {
    /// The request as schema v1 JSON, keys sorted, with its id filled in.
    ///
    /// This is what `voyageur-enqueue` publishes, so a worker decodes the
    /// same request the producer validated.
    public func jsonData() -> Data {
        var indicators: [String: JSONValue] = [:]
        for indicator in analysis.indicators {
            indicators[indicator.name] = .object([
                "score": .number(indicator.score),
                "weight": .number(indicator.weight),
                "raw": .object(indicator.raw.mapValues { .number($0) }),
            ])
        }
        var analysisFields: [String: JSONValue] = [
            "score": .number(analysis.score),
            "indicators": .object(indicators),
        ]
        if let price = analysis.price {
            analysisFields["price"] = .number(price)
        }
        var fields: [String: JSONValue] = [
            "id": .string(id),
            "symbol": .string(symbol),
            "language": .string(language.code),
            "detail": .string(detail.rawValue),
            "subject": .string(subject),
            "analysis": .object(analysisFields),
        ]
        if let deadline {
            fields["deadline"] = .string(Timestamp.format(deadline))
        }
        if forceRegenerate {
            fields["force_regenerate"] = .bool(true)
        }
        return JSONValue.object(fields).encodedData()
    }
}
