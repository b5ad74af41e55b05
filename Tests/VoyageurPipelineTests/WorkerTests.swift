import Foundation
import Testing
import VoyageurCore
import VoyageurGeneration
import VoyageurPipeline
import VoyageurRuntime
import VoyageurSQLite

@Suite("Worker loop")
struct WorkerTests {
    private func makeWorker(
        _ file: PipelineDatabase,
        id: String,
        drain: Bool,
        backend: ScriptedBackend = ScriptedBackend(.write(quality: 1), isDeterministic: true)
    ) -> (Worker, SQLiteJobQueue) {
        let queue = SQLiteJobQueue(database: file.database, owner: id)
        let configuration = WorkerConfiguration(workerID: id, drain: drain, pollInterval: .milliseconds(20))
        let flags = FlagSource(store: file.control, snapshotFile: nil, logger: .disabled)
        let breakers = BreakerBoard(settings: .defaults, logger: .disabled)
        let worker = Worker(
            configuration: configuration,
            queue: queue,
            recorder: SQLiteOutcomeRecorder(queue: queue),
            processor: file.processor(backend, flags: flags, breakers: breakers),
            control: FleetControl(
                store: file.control,
                flags: flags,
                breakers: breakers,
                timing: FleetControl.Timing(pollInterval: .milliseconds(50)),
                logger: .disabled
            ),
            logger: .disabled
        )
        return (worker, queue)
    }

    @Test("a draining worker stores one result per job in every language and exits", .timeLimit(.minutes(1)))
    func drain() async throws {
        let file = try await PipelineDatabase()
        let (worker, queue) = makeWorker(file, id: "w1", drain: true)
        let jobs = (0..<300).map { index in
            let language = Language.allCases[index % 3]
            let id = "job-\(index)"
            return OutgoingJob(jobID: id, language: language, body: Requests.body(id: id, language: language))
        }
        try await queue.publish(jobs + [OutgoingJob(jobID: "junk", language: .spanish, body: Data("nope".utf8))])

        await worker.run(until: ShutdownSignal(signals: []))

        let results = try await SQLiteResultStore(database: file.database).results(ResultQuery())
        #expect(results.count == 301)
        #expect(Set(results.map(\.jobID)).count == 301)
        #expect(results.filter { $0.status == .rejected }.map(\.jobID) == ["junk"])
        let depths = try await queue.depth(of: Language.allCases)
        #expect(depths.map(\.pending) == [0, 0, 0])
        #expect(depths.map(\.dead) == [0, 0, 1])
    }

    @Test("a shutdown request stops a waiting worker promptly", .timeLimit(.minutes(1)))
    func shutdown() async throws {
        let file = try await PipelineDatabase()
        let (worker, _) = makeWorker(file, id: "w1", drain: false)
        let signal = ShutdownSignal(signals: [])
        let clock = ContinuousClock()
        let started = clock.now
        async let run: Void = worker.run(until: signal)
        try await Task.sleep(for: .milliseconds(200))
        signal.trigger(SIGTERM)
        await run
        #expect(clock.now - started < .seconds(5))
    }

    @Test("a transiently failing job is retried and its error kept in its history", .timeLimit(.minutes(1)))
    func retryThroughQueue() async throws {
        let file = try await PipelineDatabase()
        let failing = ScriptedBackend(.fail(GenerationError(isTransient: true, message: "503 loading")))
        let (worker, queue) = makeWorker(file, id: "w1", drain: false, backend: failing)
        try await queue.publish([
            OutgoingJob(jobID: "j1", language: .english, body: Requests.body(id: "j1", language: .english))
        ])

        let signal = ShutdownSignal(signals: [])
        async let run: Void = worker.run(until: signal)
        while failing.callCount == 0 {
            try await Task.sleep(for: .milliseconds(20))
        }
        try await Task.sleep(for: .milliseconds(100))
        signal.trigger(SIGTERM)
        await run

        let depth = try #require(try await queue.depth(of: [.english]).first)
        #expect(depth.delayed == 1)
        #expect(try await SQLiteResultStore(database: file.database).results(ResultQuery()).isEmpty)
    }
}
