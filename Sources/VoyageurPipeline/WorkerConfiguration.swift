import Foundation
import VoyageurControl
import VoyageurCore
import VoyageurRuntime

/// How a worker runs, from `VOYAGEUR_*` variables and its command line.
public struct WorkerConfiguration: Sendable {
    /// Names the worker in logs, leases and results; `host:pid` by default.
    public var workerID: String
    /// The queues it consumes.
    public var languages: [Language]
    /// Jobs processed at once per language (`VOYAGEUR_CONCURRENCY_EN|FR|ES`,
    /// defaults en 2, fr 3, es 3).
    public var concurrency: [Language: Int]
    /// Time given to jobs in flight after SIGTERM (`VOYAGEUR_SHUTDOWN_GRACE`,
    /// default 30 s).
    public var shutdownGrace: Duration
    /// Exit once the queues are empty instead of waiting for more.
    public var drain: Bool
    /// How long an idle consumer waits before looking again, at most
    /// (`VOYAGEUR_POLL_INTERVAL`, default 100 ms; embedded queue only).
    public var pollInterval: Duration
    /// Processing settings.
    public var processing: JobProcessor.Settings
    /// Breaker thresholds (`VOYAGEUR_BREAKER_FAILURE_THRESHOLD`,
    /// `_RECOVERY_TIMEOUT`, `_SUCCESS_THRESHOLD`, `_HALF_OPEN_MAX_CALLS`) and
    /// what an open breaker does to a job (`VOYAGEUR_ON_OPEN`).
    public var breakers: BreakerSettings
    /// How often the worker checks for flag and override changes and writes
    /// its heartbeat.
    public var fleetTiming: FleetControl.Timing

    public static let defaultConcurrency: [Language: Int] = [.english: 2, .french: 3, .spanish: 3]

    public init(
        workerID: String,
        languages: [Language] = Language.allCases,
        concurrency: [Language: Int] = defaultConcurrency,
        shutdownGrace: Duration = .seconds(30),
        drain: Bool = false,
        pollInterval: Duration = .milliseconds(100),
        processing: JobProcessor.Settings? = nil,
        breakers: BreakerSettings = .defaults,
        fleetTiming: FleetControl.Timing = FleetControl.Timing()
    ) {
        self.workerID = workerID
        self.languages = languages
        self.concurrency = concurrency
        self.shutdownGrace = shutdownGrace
        self.drain = drain
        self.pollInterval = pollInterval
        self.processing = processing ?? JobProcessor.Settings(workerID: workerID)
        self.breakers = breakers
        self.fleetTiming = fleetTiming
    }

    /// Reads the worker's variables.
    ///
    /// - Throws: ``ConfigurationError`` naming the variable at fault.
    public init(environment: EnvironmentReader, workerID: String?, languages: [Language], drain: Bool) throws {
        let id = workerID ?? Self.defaultWorkerID()
        var concurrency: [Language: Int] = [:]
        for language in Language.allCases {
            concurrency[language] = try environment.integer(
                "VOYAGEUR_CONCURRENCY_\(language.code.uppercased())",
                default: Self.defaultConcurrency[language] ?? 2,
                in: 1...256
            )
        }
        self.init(
            workerID: id,
            languages: languages,
            concurrency: concurrency,
            shutdownGrace: try environment.duration("VOYAGEUR_SHUTDOWN_GRACE", default: .seconds(30)),
            drain: drain,
            pollInterval: try environment.duration("VOYAGEUR_POLL_INTERVAL", default: .milliseconds(100)),
            processing: JobProcessor.Settings(
                workerID: id,
                cacheTTL: try environment.duration("VOYAGEUR_CACHE_TTL", default: .seconds(3_600)),
                maxAttempts: try environment.integer("VOYAGEUR_MAX_ATTEMPTS", default: 5, in: 1...100),
                retryBaseDelay: try environment.duration("VOYAGEUR_RETRY_BASE_DELAY", default: .seconds(1))
            ),
            breakers: BreakerSettings(
                failureThreshold: try environment.integer(
                    "VOYAGEUR_BREAKER_FAILURE_THRESHOLD", default: 5, in: 1...1_000),
                recoveryTimeout: try environment.duration("VOYAGEUR_BREAKER_RECOVERY_TIMEOUT", default: .seconds(60)),
                successThreshold: try environment.integer(
                    "VOYAGEUR_BREAKER_SUCCESS_THRESHOLD", default: 2, in: 1...1_000),
                halfOpenMaxCalls: try environment.integer(
                    "VOYAGEUR_BREAKER_HALF_OPEN_MAX_CALLS", default: 3, in: 1...1_000),
                onOpen: try environment.choice("VOYAGEUR_ON_OPEN", default: OpenBreakerPolicy.fallback)
            ),
            fleetTiming: FleetControl.Timing(
                heartbeatInterval: try environment.duration("VOYAGEUR_HEARTBEAT_INTERVAL", default: .seconds(2))
            )
        )
    }

    /// `host:pid`.
    public static func defaultWorkerID() -> String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    }
}
