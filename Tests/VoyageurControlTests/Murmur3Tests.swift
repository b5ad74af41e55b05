import Foundation
import Testing

@testable import VoyageurControl

/// One line of `Fixtures/murmur3-vectors.json`, made by Python's `mmh3`.
struct Murmur3Vector: Decodable, CustomTestStringConvertible {
    var flag: String
    var subject: String
    var hash: UInt32
    var bucket: Int
    var keyByteCount: Int

    var testDescription: String { "\(flag):\(subject)" }

    static func load() throws -> [Murmur3Vector] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/murmur3-vectors.json")
        let data = try Data(contentsOf: url)
        return try JSONDecoder().decode([Murmur3Vector].self, from: data)
    }
}

@Suite("MurmurHash3 x86 32-bit")
struct Murmur3Tests {
    @Test("the design's two vectors hash and bucket as documented")
    func designVectors() {
        #expect(Murmur3.hash32("french_generation_enabled:user-42") == 0x6d8e_2425)
        #expect(Rollout.bucket(flag: .frenchGeneration, subject: "user-42") == 10)
        #expect(Murmur3.hash32("spanish_generation_enabled:AAPL") == 0x5d0c_bb98)
        #expect(Rollout.bucket(flag: .spanishGeneration, subject: "AAPL") == 45)
    }

    @Test("the fixture holds at least 20 vectors covering every tail length")
    func fixtureIsLargeEnough() throws {
        let vectors = try Murmur3Vector.load()
        #expect(vectors.count >= 20)
        #expect(Set(vectors.map { $0.keyByteCount % 4 }) == [0, 1, 2, 3])
    }

    @Test("every fixture vector matches the independent implementation")
    func fixtureVectors() throws {
        let vectors = try Murmur3Vector.load()
        try #require(vectors.count >= 20)
        for vector in vectors {
            let key = "\(vector.flag):\(vector.subject)"
            #expect(key.utf8.count == vector.keyByteCount, "\(key)")
            #expect(Murmur3.hash32(key) == vector.hash, "\(key)")
            #expect(Rollout.bucket(flag: vector.flag, subject: vector.subject) == vector.bucket)
        }
    }

    @Test(
        "seeded and edge inputs match mmh3",
        arguments: [
            ("", UInt32(0), UInt32(0)),
            ("", 1, 0x514e_28b7),
            ("test", 0, 0xba6b_d213),
            ("Hello, world!", 1234, 0xfaf6_cdb3),
            ("The quick brown fox jumps over the lazy dog", 0xffff_ffff, 0x2334_7cbe),
        ]
    )
    func seededVectors(text: String, seed: UInt32, expected: UInt32) {
        #expect(Murmur3.hash32(text, seed: seed) == expected)
    }

    @Test("bytes and the string give the same hash")
    func bytesAndString() {
        let text = "élodie"
        #expect(Murmur3.hash32(Array(text.utf8)) == Murmur3.hash32(text))
    }
}
