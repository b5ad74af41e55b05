/// The result of a cheap health probe: no generation is ever run.
public struct ServerHealth: Sendable, Hashable {
    /// Whether the server answered HTTP at all.
    public var isReachable: Bool
    /// Whether it answered that it can take requests now (a server still
    /// loading its model is reachable but not ready).
    public var isReady: Bool
    /// The HTTP status of the probe, when there was one.
    public var statusCode: Int?
    /// The models the server lists, when it lists any.
    public var models: [String]
    /// How long the probe took.
    public var latency: Duration
    /// A short reason when not ready; empty otherwise.
    public var detail: String

    public init(
        isReachable: Bool,
        isReady: Bool,
        statusCode: Int? = nil,
        models: [String] = [],
        latency: Duration,
        detail: String = ""
    ) {
        self.isReachable = isReachable
        self.isReady = isReady
        self.statusCode = statusCode
        self.models = models
        self.latency = latency
        self.detail = detail
    }
}
