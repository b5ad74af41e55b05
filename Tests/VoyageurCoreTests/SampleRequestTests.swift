import Foundation
import Testing
import VoyageurCore

/// The request files under `jobs/samples`, checked against the decoder. Each
/// suite first requires its directory to hold files, so none passes vacuously.
@Suite("Sample requests")
struct SampleRequestTests {
    static let samples = SampleFiles.names(in: SampleFiles.samples, extension: "json")
    static let invalid = SampleFiles.names(in: SampleFiles.invalid, extension: "json")

    @Test("the samples and invalid samples directories hold requests")
    func directoriesHoldRequests() throws {
        try #require(Self.samples.count >= 14, "samples in \(SampleFiles.samples.path)")
        try #require(!Self.invalid.isEmpty, "invalid samples in \(SampleFiles.invalid.path)")
        try #require(!(try SampleFiles.batchLines()).isEmpty, "lines in batch.jsonl")
    }

    @Test("a sample decodes, with its file name as its id", arguments: samples)
    func sampleDecodes(_ name: String) throws {
        let request = try decode(name)

        #expect(request.id == "sample-" + name.dropLast(".json".count))
    }

    @Test(
        "a sample's file name states its recommendation, language and detail level",
        arguments: samples
    )
    func sampleIsNamedForItsContent(_ name: String) throws {
        let request = try decode(name)
        let words = name.dropLast(".json".count).split(separator: "-").map(String.init)

        let recommendation = request.recommendation.rawValue.lowercased()
        let position = try #require(words.firstIndex(of: recommendation))
        try #require(words.count > position + 2)
        #expect(words[position + 1] == request.language.code)
        #expect(words[position + 2] == request.detail.rawValue)
    }

    @Test("the samples cover every language at every detail level, and every recommendation")
    func samplesCoverEveryCombination() throws {
        let requests = try Self.samples.map(decode)

        for language in Language.allCases {
            for detail in DetailLevel.allCases {
                let matching = requests.filter { $0.language == language && $0.detail == detail }
                #expect(!matching.isEmpty, "no \(language.code) \(detail.rawValue) sample")
            }
        }
        #expect(Set(requests.map(\.recommendation)) == Set(Recommendation.allCases))
        #expect(requests.contains { $0.analysis.price == nil })
        #expect(requests.contains { $0.subject != $0.symbol })
    }

    @Test("every line of batch.jsonl decodes to a request with a generated id")
    func batchLinesDecode() throws {
        let lines = try SampleFiles.batchLines()
        try #require(!lines.isEmpty)

        for (number, line) in lines.enumerated() {
            let document = try JSONValue(parsing: Data(line.utf8))
            guard case .object(let fields) = document else {
                Issue.record("batch.jsonl:\(number + 1) is not an object")
                continue
            }
            #expect(fields["id"] == nil, "batch.jsonl:\(number + 1) carries an id")
            let request = try RequestDecoder(makeID: { "generated" }).decode(document)
            #expect(request.id == "generated")
        }
    }

    @Test("an invalid sample is refused with exactly its expected error", arguments: invalid)
    func invalidSampleIsRefused(_ name: String) throws {
        let data = try SampleFiles.contents(of: name, in: SampleFiles.invalid)
        let expectedName = name.dropLast(".json".count) + ".expected"
        let expected = try String(
            decoding: SampleFiles.contents(of: String(expectedName), in: SampleFiles.invalid),
            as: UTF8.self
        )

        let errors = RequestFixture.errors(decoding: data)

        #expect(errors == [expected.trimmingCharacters(in: .newlines)])
    }

    @Test("every expected error file belongs to an invalid sample")
    func expectedFilesHaveSamples() {
        let expected = SampleFiles.names(in: SampleFiles.invalid, extension: "expected")
        let samples = Set(Self.invalid.map { $0.dropLast(".json".count) })

        #expect(expected.count == Self.invalid.count)
        for name in expected {
            #expect(samples.contains(name.dropLast(".expected".count)), "\(name) has no sample")
        }
    }

    private func decode(_ name: String) throws -> ExplanationRequest {
        let data = try SampleFiles.contents(of: name, in: SampleFiles.samples)
        do {
            return try RequestDecoder().decode(data)
        } catch {
            Issue.record("\(name) is refused: \(error.description)")
            throw error
        }
    }
}
