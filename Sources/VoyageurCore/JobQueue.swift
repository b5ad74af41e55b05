import Foundation

/// A request ready to publish: its bytes go to the queue of its language.
public struct OutgoingJob: Sendable, Hashable {
    /// The message id; the job id of a valid request.
    public var jobID: String
    public var language: Language
    public var body: Data

    public init(jobID: String, language: Language, body: Data) {
        self.jobID = jobID
        self.language = language
        self.body = body
    }
}

/// A job taken from a queue. Settle every delivery exactly once.
public struct Delivery: Sendable, Hashable {
    /// The backend's handle for settling this delivery.
    public var tag: UInt64
    /// The message id the job was published with.
    public var jobID: String
    public var language: Language
    public var body: Data
    /// 1 on the first delivery, counting redeliveries and retries.
    public var attempt: Int
    /// Earlier deliveries of this job that ended unsettled: its worker
    /// stopped or died while holding it. Retries do not count.
    public var redeliveries: Int
    /// When the job was first published, for the queue-wait figure.
    public var publishedAt: Date
    /// The errors of earlier attempts, oldest first.
    public var errorHistory: [String]

    public init(
        tag: UInt64,
        jobID: String,
        language: Language,
        body: Data,
        attempt: Int,
        redeliveries: Int = 0,
        publishedAt: Date,
        errorHistory: [String] = []
    ) {
        self.tag = tag
        self.jobID = jobID
        self.language = language
        self.body = body
        self.attempt = attempt
        self.redeliveries = redeliveries
        self.publishedAt = publishedAt
        self.errorHistory = errorHistory
    }
}

/// What to do with a delivery once its job is handled.
public enum Settlement: Sendable, Hashable {
    /// Done: remove it from the queue.
    case ack
    /// Deliver it again after `delay`, recording `error` in its history.
    case retry(after: Duration, error: String)
    /// Move it to the dead letters with `reason`.
    case deadLetter(reason: String)
}

/// A job in the dead letters, as operators see it.
public struct DeadLetter: Sendable, Hashable {
    public var jobID: String
    public var language: Language
    public var reason: String
    public var attempts: Int
    public var errorHistory: [String]
    public var deadAt: Date
    public var body: Data

    public init(
        jobID: String,
        language: Language,
        reason: String,
        attempts: Int,
        errorHistory: [String],
        deadAt: Date,
        body: Data
    ) {
        self.jobID = jobID
        self.language = language
        self.reason = reason
        self.attempts = attempts
        self.errorHistory = errorHistory
        self.deadAt = deadAt
        self.body = body
    }
}

extension DeadLetter {
    /// The reason given to a job dead-lettered because it kept coming back
    /// unsettled, whoever dead-letters it: the worker at its last delivery,
    /// or the queue itself when even that delivery was lost.
    public static func deliveryLimitReason(_ limit: Int) -> String {
        "delivery limit of \(limit) reached: the job kept coming back unsettled"
    }
}

extension JobQueue {
    /// Nothing to do for a queue that is polled: it holds no job that was
    /// not received.
    public func stopReceiving() async {}

    /// Sleeps `timeout`: a queue that must be polled.
    public func waitForJobs(in language: Language, timeout: Duration) async {
        try? await Task.sleep(for: timeout)
    }
}

/// Counts of one language's queue.
public struct QueueDepth: Sendable, Hashable {
    public var language: Language
    /// Waiting to be taken now.
    public var ready: Int
    /// Taken by a worker and not yet settled.
    public var inFlight: Int
    /// Waiting for a retry delay to pass.
    public var delayed: Int
    /// In the dead letters.
    public var dead: Int

    public init(language: Language, ready: Int, inFlight: Int, delayed: Int, dead: Int) {
        self.language = language
        self.ready = ready
        self.inFlight = inFlight
        self.delayed = delayed
        self.dead = dead
    }

    /// Jobs that will still be delivered: ready, in flight or delayed.
    public var pending: Int { ready + inFlight + delayed }
}

/// A work queue with one queue per language: the port that the embedded
/// SQLite queue and RabbitMQ implement.
///
/// Implementations are safe to call from any task and never block the
/// caller's thread on I/O.
public protocol JobQueue: AnyObject, Sendable {
    /// Publishes jobs durably; returns once every one is stored by the queue.
    func publish(_ jobs: [OutgoingJob]) async throws

    /// Takes up to `limit` ready jobs from `language`'s queue without waiting;
    /// an empty answer means nothing is ready now.
    func receive(from language: Language, limit: Int) async throws -> [Delivery]

    /// Waits until a job of `language` may be ready, at most `timeout`: a
    /// queue that is told of new jobs (a broker pushing them) returns as
    /// soon as one arrives, one that is not sleeps `timeout`. A hint only;
    /// `receive` may still find nothing.
    func waitForJobs(in language: Language, timeout: Duration) async

    /// Stops taking jobs for this process: a queue that pushes jobs (a
    /// broker) stops pushing, and hands back at once those pushed but not
    /// yet received, so that other workers get them. Deliveries already
    /// received can still be settled or released.
    func stopReceiving() async

    /// Settles deliveries in one step; a delivery whose lease was lost is
    /// skipped, as its job will be delivered again.
    func settle(_ settlements: [(Delivery, Settlement)]) async throws

    /// Hands unsettled deliveries back to their queue at once, e.g. at shutdown.
    func release(_ deliveries: [Delivery]) async throws

    /// Counts per language.
    func depth(of languages: [Language]) async throws -> [QueueDepth]

    /// The newest dead letters, at most `limit`.
    func deadLetters(limit: Int) async throws -> [DeadLetter]

    /// Puts dead letters back on their queues with a fresh attempt count;
    /// all of them when `jobIDs` is empty. Returns the ids replayed.
    func replayDeadLetters(jobIDs: [String]) async throws -> [String]
}
