import Foundation

/// Valid requests written for end-to-end runs.
enum RequestFiles {
    /// `count` requests, one JSON object per line, with ids `prefix-N`,
    /// spread over the languages and detail levels.
    static func jsonLines(count: Int, prefix: String) -> Data {
        let languages = ["en", "fr", "es"]
        let details = ["summary", "standard", "detailed"]
        var lines: [String] = []
        for index in 0..<count {
            let score = Double(index % 100) / 10
            let rsi = 30 + Double(index % 40)
            lines.append(
                """
                {"id":"\(prefix)-\(index)","symbol":"SYM\(index % 7)","language":"\(languages[index % 3])",\
                "detail":"\(details[(index / 3) % 3])","subject":"user-\(index)","analysis":{"score":\(score),\
                "price":\(100 + index % 50).25,"indicators":{"rsi14":{"score":0.62,"weight":0.08,"raw":{"rsi":\(rsi)}},\
                "sma50vs200":{"score":0.3,"weight":0.12,"raw":{"sma50":101.5,"sma200":104.25}}}}}
                """
            )
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// One request as a line of JSON.
    static func requestLine(id: String, language: String, subject: String, score: Double = 7.5) -> String {
        """
        {"id":"\(id)","symbol":"AAPL","language":"\(language)","detail":"summary","subject":"\(subject)",\
        "analysis":{"score":\(score),"indicators":{"rsi14":{"score":0.7,"weight":0.08,"raw":{"rsi":61.5}}}}}
        """
    }

    /// One request as a JSON document.
    static func request(id: String, language: String, subject: String) -> Data {
        Data((requestLine(id: id, language: language, subject: subject) + "\n").utf8)
    }
}
