import Foundation
import VoyageurControl
import VoyageurCore
import VoyageurGeneration
import VoyageurRuntime

/// Decides what one delivery becomes: the steps of a job from validation to
/// a result, without touching the queue.
///
/// Every path ends in an outcome; nothing thrown escapes, so a bad job can
/// neither crash a worker nor block its queue.
public struct JobProcessor: Sendable {
    /// Settings that shape processing.
    public struct Settings: Sendable {
        /// Names the worker in results.
        public var workerID: String
        /// How long a generated result may be copied for an equal request.
        public var cacheTTL: Duration
        /// The lowest quality a result must have to be copied.
        public var cacheMinimumQuality: Double
        /// Attempts for a job whose generation fails transiently.
        public var maxAttempts: Int
        /// The first retry delay; doubled each attempt, with jitter.
        public var retryBaseDelay: Duration
        /// Unsettled deliveries after which a job is not processed again
        /// but recorded as `failed` and dead-lettered; the queue's own
        /// delivery limit, which stays as the last resort.
        public var deliveryLimit: Int

        public init(
            workerID: String,
            cacheTTL: Duration = .seconds(3_600),
            cacheMinimumQuality: Double = 0.7,
            maxAttempts: Int = 5,
            retryBaseDelay: Duration = .seconds(1),
            deliveryLimit: Int = 5
        ) {
            self.workerID = workerID
            self.cacheTTL = cacheTTL
            self.cacheMinimumQuality = cacheMinimumQuality
            self.maxAttempts = maxAttempts
            self.retryBaseDelay = retryBaseDelay
            self.deliveryLimit = deliveryLimit
        }
    }

    private let settings: Settings
    private let store: any ResultStore
    private let backend: any ExplanationBackend
    private let fallback = TemplateBackend()
    private let flags: FlagSource
    private let breakers: BreakerBoard
    private let decoder: RequestDecoder
    private let logger: Logger
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - flags: the flag values that choose each job's route.
    ///   - breakers: the worker's breakers, which gate the backend.
    public init(
        settings: Settings,
        store: any ResultStore,
        backend: any ExplanationBackend,
        flags: FlagSource,
        breakers: BreakerBoard,
        logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.settings = settings
        self.store = store
        self.backend = backend
        self.flags = flags
        self.breakers = breakers
        self.decoder = RequestDecoder()
        self.logger = logger
        self.now = now
    }

    /// Works out the outcome of `delivery`.
    ///
    /// - Throws: only when the result store cannot be read; the caller keeps
    ///   the delivery and tries later, as nothing was decided.
    public func process(_ delivery: Delivery) async throws -> JobOutcome {
        let startedAt = now()
        let queueWait = Duration.seconds(max(0, startedAt.timeIntervalSince(delivery.publishedAt)))

        let request: ExplanationRequest
        do {
            request = try decoder.decode(delivery.body)
        } catch {
            logger.warning("Job rejected", ["job.id": delivery.jobID, "job.reason": error.description])
            let result = rejected(delivery, reason: error.description, queueWait: queueWait, at: startedAt)
            return JobOutcome(result: result, settlement: .deadLetter(reason: error.description))
        }

        if let deadline = request.deadline, deadline < startedAt {
            let reason = "taken \(Timestamp.format(startedAt)), after its deadline \(Timestamp.format(deadline))"
            var result = base(request, status: .expired, queueWait: queueWait, at: startedAt)
            result.reason = reason
            return JobOutcome(result: result, settlement: .ack)
        }

        if try await store.hasResult(jobID: request.id) {
            logger.debug("Job already stored", ["job.id": request.id])
            return JobOutcome(result: nil, settlement: .ack)
        }

        // A job that keeps taking its workers down with it is not tried
        // again: this last delivery records why it stops, so that the
        // job has a result as well as a dead letter.
        if delivery.redeliveries >= settings.deliveryLimit {
            let reason = DeadLetter.deliveryLimitReason(settings.deliveryLimit)
            logger.error(
                "Job dead-lettered at its delivery limit",
                ["job.id": request.id, "job.redeliveries": String(delivery.redeliveries)]
            )
            var result = base(request, status: .failed, queueWait: queueWait, at: startedAt)
            result.reason = reason
            return JobOutcome(result: result, settlement: .deadLetter(reason: reason))
        }

        let fingerprint = Fingerprint.of(request)
        if let cached = try await cachedCopy(of: request, fingerprint: fingerprint) {
            var result = base(request, status: .succeeded, queueWait: queueWait, at: now())
            result.method = .cache
            result.text = cached.text
            result.model = cached.model
            result.quality = cached.quality
            result.reason = "copied from job \(cached.jobID)"
            result.fingerprint = fingerprint
            return JobOutcome(result: result, settlement: .ack)
        }

        var job = Job(request: request, delivery: delivery, fingerprint: fingerprint, queueWait: queueWait)
        var permit: BreakerPermit?
        let plan = RoutePlanner(snapshot: flags.current).plan(for: request)
        let decision = plan.gated(onOpen: breakers.onOpen) { key in
            permit = breakers.acquire(key)
            return permit != nil
        }
        switch decision {
        case .generate(let route, let reroutedBy):
            job.reroutedBy = reroutedBy
            return await generate(job, route: route, permit: permit)
        case .fallback(let reason):
            return await writeTemplate(job, reason: reason.description)
        case .defer(let reason):
            let delay = RetryBackoff(base: settings.retryBaseDelay).delay(afterAttempt: delivery.attempt)
            logger.debug("Job deferred", ["job.id": request.id, "job.reason": reason.description])
            return JobOutcome(result: nil, settlement: .retry(after: delay, error: "deferred: \(reason)"))
        }
    }

    /// A request on its way through the steps, with what was decided so far.
    private struct Job {
        var request: ExplanationRequest
        var delivery: Delivery
        var fingerprint: String
        var queueWait: Duration
        var reroutedBy: FallbackReason?
    }

    private func cachedCopy(of request: ExplanationRequest, fingerprint: String) async throws -> JobResult? {
        guard !backend.isDeterministic, !request.forceRegenerate else { return nil }
        let since = now().addingTimeInterval(-settings.cacheTTL.seconds)
        return try await store.cachedResult(
            fingerprint: fingerprint,
            since: since,
            minimumQuality: settings.cacheMinimumQuality
        )
    }

    private func generate(_ job: Job, route: Route, permit: BreakerPermit?) async -> JobOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let explanation = try await backend.explain(job.request, route: route)
            if let permit { breakers.record(.success, permit: permit) }
            var result = base(job.request, status: .succeeded, queueWait: job.queueWait, at: now())
            result.route = route
            result.method = explanation.method
            result.text = explanation.text
            result.model = explanation.model
            result.attempts = explanation.attempts
            result.quality = explanation.quality
            result.reason = job.reroutedBy?.description
            result.fingerprint = job.fingerprint
            result.generationTime = clock.now - started
            return JobOutcome(result: result, settlement: .ack)
        } catch {
            if let permit {
                breakers.record(Self.breakerOutcome(of: error), permit: permit)
            }
            var outcome = await recover(job, route: route, from: error)
            // The time spent on the failed generation counts too.
            outcome.result?.generationTime = clock.now - started
            return outcome
        }
    }

    /// What a failed generation says about the backend: a failure when the
    /// backend is unwell; a success when it answered but the text did not
    /// pass the quality gate; nothing when the job itself was at fault.
    private static func breakerOutcome(of error: any Error) -> BreakerOutcome {
        guard let failure = error as? GenerationError else { return .inconclusive }
        if failure.isBackendFailure { return .failure }
        return failure.isQualityRejection ? .success : .inconclusive
    }

    /// After a failed generation: retry a transient failure while attempts
    /// remain, otherwise fall back to the template with the cause as reason.
    private func recover(_ job: Job, route: Route, from error: any Error) async -> JobOutcome {
        let failure = error as? GenerationError
        let message = failure?.description ?? String(describing: error)
        if Task.isCancelled {
            return JobOutcome(result: nil, settlement: .retry(after: .zero, error: "cancelled at shutdown"))
        }
        if failure?.isQualityRejection == true {
            logger.info("Quality gate rejected the generated text", ["job.id": job.request.id, "reason": message])
            var outcome = await writeTemplate(job, reason: message)
            outcome.result?.attempts = failure?.attempts ?? 1
            return outcome
        }

        logger.error("Model generation failed", ["job.id": job.request.id, "route": route.rawValue, "error": message])
        let failures = job.delivery.errorHistory.filter { !$0.hasPrefix("deferred:") }.count + 1
        if failure?.isTransient == true && failures < settings.maxAttempts {
            let delay = RetryBackoff(base: settings.retryBaseDelay).delay(afterAttempt: failures)
            return JobOutcome(result: nil, settlement: .retry(after: delay, error: message))
        }
        var outcome = await writeTemplate(job, reason: "generation failed: \(message)")
        outcome.result?.attempts = failures
        return outcome
    }

    /// The template fallback, used when flags, breakers or failures rule
    /// out generation: the job still ends with a publishable text.
    private func writeTemplate(_ job: Job, reason: String) async -> JobOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        var result = base(job.request, status: .fallback, queueWait: job.queueWait, at: now())
        result.route = .template
        result.reason = reason
        result.fingerprint = job.fingerprint
        do {
            let explanation = try await fallback.explain(job.request, route: .template)
            result.method = .template
            result.text = explanation.text
            result.model = explanation.model
        } catch {
            result.status = .failed
            result.reason = "\(reason); template failed: \(error)"
        }
        result.generationTime = clock.now - started
        return JobOutcome(result: result, settlement: .ack)
    }

    private func base(
        _ request: ExplanationRequest,
        status: JobStatus,
        queueWait: Duration,
        at date: Date
    ) -> JobResult {
        JobResult(
            jobID: request.id,
            status: status,
            symbol: request.symbol,
            language: request.language,
            detail: request.detail,
            subject: request.subject,
            recommendation: request.recommendation,
            queueWait: queueWait,
            workerID: settings.workerID,
            completedAt: date
        )
    }

    private func rejected(_ delivery: Delivery, reason: String, queueWait: Duration, at date: Date) -> JobResult {
        JobResult(
            jobID: delivery.jobID,
            status: .rejected,
            language: delivery.language,
            reason: reason,
            queueWait: queueWait,
            workerID: settings.workerID,
            completedAt: date
        )
    }
}
