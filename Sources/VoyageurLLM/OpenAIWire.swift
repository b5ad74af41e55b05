/// The JSON of `POST /v1/chat/completions` and `GET /v1/models`, as far as
/// Voyageur reads it.
enum OpenAIWire {
    struct Message: Codable {
        var role: String
        var content: String?
    }

    struct Request: Encodable {
        var model: String
        var messages: [Message]
        var maxTokens: Int
        var temperature: Double
        var stop: [String]?
        var stream = false

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature, stop, stream
            case maxTokens = "max_tokens"
        }
    }

    struct Response: Decodable {
        struct Choice: Decodable {
            var message: Message
            var finishReason: String?

            enum CodingKeys: String, CodingKey {
                case message
                case finishReason = "finish_reason"
            }
        }

        struct Usage: Decodable {
            var promptTokens: Int?
            var completionTokens: Int?

            enum CodingKeys: String, CodingKey {
                case promptTokens = "prompt_tokens"
                case completionTokens = "completion_tokens"
            }
        }

        var model: String?
        var choices: [Choice]
        var usage: Usage?
    }

    struct ModelList: Decodable {
        struct Model: Decodable {
            var id: String
        }

        var data: [Model]
    }
}
