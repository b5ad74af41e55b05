import Foundation

/// Turns the bytes of a message into an ``ExplanationRequest``, applying every
/// rule of schema v1 and reporting each broken one with its field.
///
/// The same decoder runs in `voyageur-enqueue` and in the worker, so a request
/// refused before publishing and one rejected from the queue carry the same
/// messages.
public struct RequestDecoder: Sendable {
    /// The largest request accepted, in bytes.
    public static let maximumSize = 65_536

    private let makeID: @Sendable () -> String

    /// - Parameter makeID: supplies the id of a request that has none;
    ///   a lower-case UUID by default.
    public init(makeID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }) {
        self.makeID = makeID
    }

    /// Decodes and validates one request.
    ///
    /// - Throws: ``ValidationFailure`` listing every rule broken, in schema order.
    public func decode(_ data: Data) throws(ValidationFailure) -> ExplanationRequest {
        guard data.count <= Self.maximumSize else {
            throw ValidationFailure([
                ValidationError(
                    field: "request",
                    message: "is \(data.count) bytes; the limit is \(Self.maximumSize)"
                )
            ])
        }
        guard let document = try? JSONValue(parsing: data) else {
            throw ValidationFailure([ValidationError(field: "request", message: "is not valid JSON")])
        }
        return try decode(document)
    }

    /// Validates an already parsed document.
    public func decode(_ document: JSONValue) throws(ValidationFailure) -> ExplanationRequest {
        guard case .object(let fields) = document else {
            throw ValidationFailure([
                ValidationError(field: "request", message: "must be a JSON object, not \(document.typeName)")
            ])
        }
        var check = FieldChecker()

        let id = check.optionalID(fields["id"])
        let symbol = check.symbol(fields["symbol"])
        let language = check.language(fields["language"])
        let detail = check.detail(fields["detail"])
        let subject = check.subject(fields["subject"])
        let analysis = check.analysis(fields["analysis"])
        let deadline = check.deadline(fields["deadline"])
        let forceRegenerate = check.flag(fields["force_regenerate"], field: "force_regenerate")
        check.rejectUnknown(fields, known: Self.requestFields, prefix: "")

        guard check.errors.isEmpty, let symbol, let language, let analysis else {
            throw ValidationFailure(check.errors)
        }
        return ExplanationRequest(
            id: id ?? makeID(),
            symbol: symbol,
            language: language,
            detail: detail ?? .standard,
            subject: subject,
            analysis: analysis,
            deadline: deadline,
            forceRegenerate: forceRegenerate ?? false
        )
    }

    static let requestFields: Set<String> = [
        "id", "symbol", "language", "detail", "subject", "analysis", "deadline", "force_regenerate",
    ]
}
