import Foundation
import Synchronization
import VoyageurCore
import VoyageurGeneration
import VoyageurSQLite

/// A migrated database in a directory of its own, removed on deinit.
final class PipelineDatabase: Sendable {
    let directory: URL
    let database: SQLiteDatabase

    init() async throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("voyageur-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try SQLiteDatabase(path: directory.appendingPathComponent("test.db").path)
        _ = try await database.migrate()
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
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

    func explain(_ request: ExplanationRequest) async throws -> Explanation {
        calls.add(1, ordering: .relaxed)
        switch behaviour {
        case .write(let quality):
            let word = request.recommendation.word(in: request.language)
            return Explanation(text: "\(request.symbol): \(word)", model: "scripted", method: .direct, quality: quality)
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

    static func delivery(_ body: Data, id: String, language: Language = .french, attempt: Int = 1) -> Delivery {
        Delivery(
            tag: 1,
            jobID: id,
            language: language,
            body: body,
            attempt: attempt,
            publishedAt: Date().addingTimeInterval(-0.25)
        )
    }
}
