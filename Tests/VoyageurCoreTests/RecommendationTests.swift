import Testing
import VoyageurCore

@Suite("Recommendation")
struct RecommendationTests {
    @Test(
        "a score of 7 or more is BUY, 4 or more HOLD, anything lower SELL",
        arguments: [
            (0, Recommendation.sell), (3.99, .sell), (4, .hold), (5.5, .hold),
            (6.99, .hold), (7, .buy), (10, .buy),
        ]
    )
    func followsThresholds(score: Double, expected: Recommendation) {
        #expect(Recommendation(score: score) == expected)
    }

    @Test(
        "each recommendation has its word in each language",
        arguments: [
            (Recommendation.buy, Language.english, "BUY"),
            (.hold, .english, "HOLD"),
            (.sell, .english, "SELL"),
            (.buy, .french, "ACHAT"),
            (.hold, .french, "CONSERVATION"),
            (.sell, .french, "VENTE"),
            (.buy, .spanish, "COMPRA"),
            (.hold, .spanish, "MANTENER"),
            (.sell, .spanish, "VENTA"),
        ]
    )
    func hasWord(_ recommendation: Recommendation, language: Language, word: String) {
        #expect(recommendation.word(in: language) == word)
    }

    @Test("a request's recommendation follows its analysis score")
    func requestFollowsScore() throws {
        let request = try RequestFixture.decode(RequestFixture.json)

        #expect(request.recommendation == .buy)
        #expect(request.analysis.recommendation == .buy)
    }
}
