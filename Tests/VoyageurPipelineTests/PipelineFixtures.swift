import Foundation
import Synchronization
import VoyageurControl
import VoyageurCore
import VoyageurGeneration
import VoyageurPipeline
import VoyageurRuntime
import VoyageurSQLite

/// A migrated database in a directory of its own, removed on deinit.
final class PipelineDatabase: Sendable {
    let directory: URL
    let database: SQLiteDatabase

    init() async throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("voyageur-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = SQLiteDatabase(path: directory.appendingPathComponent("test.db").path)
        _ = try await database.migrate()
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var store: SQLiteResultStore { SQLiteResultStore(database: database) }

    var control: SQLiteControlStore { SQLiteControlStore(database: database) }

    /// Flags read from this database, as a worker would start with them.
    func flags() async -> FlagSource {
        let flags = FlagSource(store: control, snapshotFile: nil, logger: .disabled)
        await flags.start()
        return flags
    }

    func processor(
        _ backend: any ExplanationBackend,
        flags: FlagSource,
        breakers: BreakerBoard = BreakerBoard(settings: .defaults, logger: .disabled),
        maxAttempts: Int = 3
    ) -> JobProcessor {
        JobProcessor(
            settings: JobProcessor.Settings(workerID: "w-test", maxAttempts: maxAttempts),
            store: store,
            backend: backend,
            flags: flags,
            breakers: breakers,
            logger: .disabled
        )
    }
}

/// A backend whose behaviour a test chooses, counting its calls.
final class ScriptedBackend: ExplanationBackend {
    enum Behaviour: Sendable {
        case write(quality: Double)
        case fail(GenerationError)
    }

    let isDeterministic: Bool
    private let behaviour: Behaviour
    private let calls = Atomic(0)

    init(_ behaviour: Behaviour, isDeterministic: Bool = false) {
        self.behaviour = behaviour
        self.isDeterministic = isDeterministic
    }

    var callCount: Int { calls.load(ordering: .relaxed) }

    func explain(_ request: ExplanationRequest, route: Route) async throws -> Explanation {
        calls.add(1, ordering: .relaxed)
        switch behaviour {
        case .write(let quality):
            let word = request.recommendation.word(in: request.language)
            let method: GenerationMethod = route == .translation ? .translation : .direct
            return Explanation(text: "\(request.symbol): \(word)", model: "scripted", method: method, quality: quality)
        case .fail(let error):
            throw error
        }
    }
}

enum Requests {
    static func body(
        id: String,
        symbol: String = "AAPL",
        language: Language = .french,
        score: Double = 7.5,
        extra: String = ""
    ) -> Data {
        Data(
            """
            {"id":"\(id)","symbol":"\(symbol)","language":"\(language.code)","detail":"summary",\
            "analysis":{"score":\(score),"indicators":{"rsi14":{"score":0.7,"weight":0.08,"raw":{"rsi":61.2}}}}\
            \(extra)}
            """.utf8
        )
    }

    static func delivery(
        _ body: Data,
        id: String,
        language: Language = .french,
        attempt: Int = 1,
        redeliveries: Int = 0,
        errorHistory: [String] = []
    ) -> Delivery {
        Delivery(
            tag: 1,
            jobID: id,
            language: language,
            body: body,
            attempt: attempt,
            redeliveries: redeliveries,
            publishedAt: Date().addingTimeInterval(-0.25),
            errorHistory: errorHistory
        )
    }
}
