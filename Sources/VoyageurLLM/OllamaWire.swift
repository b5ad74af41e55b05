/// The JSON of Ollama's `POST /api/chat` and `GET /api/tags`, as far as
/// Voyageur reads it.
enum OllamaWire {
    struct Message: Codable {
        var role: String
        var content: String
    }

    struct Options: Encodable {
        var numCtx: Int
        var numPredict: Int
        var temperature: Double
        var stop: [String]?

        enum CodingKeys: String, CodingKey {
            case temperature, stop
            case numCtx = "num_ctx"
            case numPredict = "num_predict"
        }
    }

    struct Request: Encodable {
        var model: String
        var messages: [Message]
        var stream = false
        var keepAlive: String
        var options: Options

        enum CodingKeys: String, CodingKey {
            case model, messages, stream, options
            case keepAlive = "keep_alive"
        }
    }

    struct Response: Decodable {
        var model: String?
        var message: Message
        var doneReason: String?
        var promptEvalCount: Int?
        var evalCount: Int?

        enum CodingKeys: String, CodingKey {
            case model, message
            case doneReason = "done_reason"
            case promptEvalCount = "prompt_eval_count"
            case evalCount = "eval_count"
        }
    }

    struct TagList: Decodable {
        struct Model: Decodable {
            var name: String
        }

        var models: [Model]
    }
}
