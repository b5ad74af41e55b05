import Foundation
import Testing
import VoyageurCore

/// A small valid request, and ways to break it one rule at a time.
enum RequestFixture {
    /// AAPL in English with two indicators; every optional field absent.
    static let json = """
        {
          "symbol": "AAPL",
          "language": "en",
          "analysis": {
            "score": 7.8,
            "indicators": {
              "rsi14": {"score": 0.62, "weight": 0.08, "raw": {"rsi": 56.1}},
              "sentiment": {"score": 0.81, "weight": 0.1, "raw": {}}
            }
          }
        }
        """

    static var document: JSONValue {
        try! JSONValue(parsing: Data(json.utf8))
    }

    /// A change to the fixture at a dotted path such as `analysis.score`.
    enum Edit: Sendable {
        case set(String, JSONValue)
        case remove(String)
    }

    /// The fixture with `edits` applied, as compact JSON.
    static func data(with edits: [Edit] = []) -> Data {
        var document = document
        for edit in edits {
            switch edit {
            case .set(let path, let value):
                document = document.replacing(at: keys(path), with: value)
            case .remove(let path):
                document = document.replacing(at: keys(path), with: nil)
            }
        }
        return document.encodedData()
    }

    private static func keys(_ path: String) -> [String] {
        path.split(separator: ".").map(String.init)
    }

    /// The `field: message` lines the decoder reports for `data`; empty when it decodes.
    static func errors(decoding data: Data) -> [String] {
        do {
            _ = try RequestDecoder().decode(data)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// Decodes `text`, failing the test with the decoder's reasons if it does not.
    static func decode(
        _ text: String,
        decoder: RequestDecoder = RequestDecoder(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ExplanationRequest {
        do {
            return try decoder.decode(Data(text.utf8))
        } catch {
            Issue.record("refused: \(error.description)", sourceLocation: sourceLocation)
            throw error
        }
    }
}

extension JSONValue {
    /// This value with the member at `path` replaced, or removed when `value` is nil.
    fileprivate func replacing(at path: [String], with value: JSONValue?) -> JSONValue {
        guard let key = path.first, case .object(var fields) = self else {
            return value ?? self
        }
        if path.count == 1 {
            fields[key] = value
        } else {
            let member = fields[key] ?? .object([:])
            fields[key] = member.replacing(at: Array(path.dropFirst()), with: value)
        }
        return .object(fields)
    }
}
