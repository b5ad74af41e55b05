import Foundation

/// A broker address, `amqp://user:password@host:port/vhost`.
///
/// The user, password and vhost are percent-decoded (`%2f` is `/`); an
/// absent vhost is `/`, an absent port 5672, absent credentials
/// `guest`/`guest`. `description` masks the password.
public struct AMQPURL: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String
    public var vhost: String

    public init(host: String, port: Int = 5672, user: String, password: String, vhost: String = "/") {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.vhost = vhost
    }

    /// Parses an `amqp://` URL.
    ///
    /// - Throws: `AMQPError` with code `.invalidURL`; its message never
    ///   repeats the URL.
    public init(parsing text: String) throws(AMQPError) {
        let scheme = "amqp://"
        guard text.lowercased().hasPrefix(scheme) else {
            throw AMQPError(.invalidURL, "the broker URL must start with amqp:// (amqps is not supported)")
        }
        let rest = text.dropFirst(scheme.count)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var path = rest[authorityEnd...]
        if let query = path.firstIndex(of: "?") {
            path = path[..<query]
        }

        var user = "guest"
        var password = "guest"
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            let colon = userInfo.firstIndex(of: ":")
            user = try Self.decode(userInfo[..<(colon ?? userInfo.endIndex)], part: "user")
            if let colon {
                password = try Self.decode(userInfo[userInfo.index(after: colon)...], part: "password")
            }
        }

        let (host, port) = try Self.splitHostPort(hostPort)
        let vhostText = path.dropFirst()
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.vhost = vhostText.isEmpty ? "/" : try Self.decode(vhostText, part: "vhost")
    }

    /// The URL with the password replaced by `***`, for logs and errors.
    public var description: String {
        let vhostText = vhost.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "?"
        return "amqp://\(user):***@\(host):\(port)/\(vhostText)"
    }

    private static func splitHostPort(_ text: Substring) throws(AMQPError) -> (String, Int) {
        var host = text
        var portText: Substring = ""
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw AMQPError(.invalidURL, "the broker URL has an unterminated IPv6 address")
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(after: close)...].drop { $0 == ":" }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty else {
            throw AMQPError(.invalidURL, "the broker URL has no host")
        }
        guard !portText.isEmpty else { return (String(host), 5672) }
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw AMQPError(.invalidURL, "the broker URL has an invalid port")
        }
        return (String(host), port)
    }

    private static func decode(_ text: Substring, part: String) throws(AMQPError) -> String {
        guard let decoded = String(text).removingPercentEncoding else {
            throw AMQPError(.invalidURL, "the broker URL's \(part) has an invalid percent escape")
        }
        return decoded
    }
}
