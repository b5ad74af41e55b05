import Testing
import VoyageurCore

@testable import VoyageurLLM

@Suite("LLM configuration")
struct LLMConfigurationTests {
    @Test("no URL means no language model")
    func unset() throws {
        #expect(try LLMConfiguration.fromEnvironment([:]) == nil)
        #expect(try LLMConfiguration.fromEnvironment(["VOYAGEUR_LLM_URL": ""]) == nil)
    }

    @Test("defaults: OpenAI protocol, one model, 30/60/180 s, 3 attempts, bar 0.6")
    func defaults() throws {
        let configuration = try #require(
            try LLMConfiguration.fromEnvironment(["VOYAGEUR_LLM_URL": "http://127.0.0.1:8080"]))
        #expect(configuration.api == .openai)
        #expect(DetailLevel.allCases.map(configuration.model(for:)) == ["default", "default", "default"])
        #expect(configuration.translationModel == "default")
        #expect(configuration.timeout(for: .summary) == .seconds(30))
        #expect(configuration.timeout(for: .detailed) == .seconds(180))
        #expect(configuration.maxAttempts == 3)
        #expect(configuration.qualityBar == 0.6)
        #expect(configuration.goodQuality == 0.8)
    }

    @Test("per-level models and timeouts override the shared ones")
    func overrides() throws {
        let configuration = try LLMConfiguration(environment: [
            "VOYAGEUR_LLM_URL": "http://llm:11434",
            "VOYAGEUR_LLM_API": "Ollama",
            "VOYAGEUR_LLM_MODEL": "qwen2",
            "VOYAGEUR_LLM_MODEL_DETAILED": "llama3.1:8b",
            "VOYAGEUR_LLM_MODEL_TRANSLATION": "mistral",
            "VOYAGEUR_LLM_TIMEOUT_SUMMARY": "500ms",
            "VOYAGEUR_LLM_TIMEOUT_DETAILED": "4m",
            "VOYAGEUR_LLM_MAX_ATTEMPTS": "2",
            "VOYAGEUR_LLM_QUALITY_BAR": "0.7",
        ])
        #expect(configuration.api == .ollama)
        #expect(configuration.model(for: .summary) == "qwen2")
        #expect(configuration.model(for: .detailed) == "llama3.1:8b")
        #expect(configuration.translationModel == "mistral")
        #expect(configuration.timeout(for: .summary) == .milliseconds(500))
        #expect(configuration.timeout(for: .standard) == .seconds(60))
        #expect(configuration.timeout(for: .detailed) == .seconds(240))
        #expect(configuration.maxAttempts == 2)
        #expect(configuration.qualityBar == 0.7)
    }

    @Test(
        "an invalid value is refused with its variable named",
        arguments: [
            ("VOYAGEUR_LLM_URL", "ftp://secret:pw@host"),
            ("VOYAGEUR_LLM_API", "grpc"),
            ("VOYAGEUR_LLM_TIMEOUT_STANDARD", "soon"),
            ("VOYAGEUR_LLM_MAX_ATTEMPTS", "0"),
            ("VOYAGEUR_LLM_QUALITY_BAR", "1.5"),
        ])
    func invalid(variable: String, value: String) {
        var environment = ["VOYAGEUR_LLM_URL": "http://127.0.0.1:8080"]
        environment[variable] = value
        do {
            _ = try LLMConfiguration(environment: environment)
            Issue.record("accepted \(variable)=\(value)")
        } catch {
            #expect(error.variable == variable)
            #expect(error.description.hasPrefix(variable))
            #expect(!error.description.contains("pw"))
        }
    }
}
