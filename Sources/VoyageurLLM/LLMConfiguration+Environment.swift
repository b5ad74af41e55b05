import Foundation
import VoyageurCore

extension LLMConfiguration {
    /// The configuration the environment describes, or nil when
    /// `VOYAGEUR_LLM_URL` is unset or empty (no language model: templates).
    ///
    /// - Throws: ``LLMConfigurationError`` naming the first invalid variable.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LLMConfigurationError) -> LLMConfiguration? {
        guard let url = environment["VOYAGEUR_LLM_URL"], !url.isEmpty else { return nil }
        return try LLMConfiguration(environment: environment)
    }

    /// Reads `VOYAGEUR_LLM_*`:
    ///
    /// - `VOYAGEUR_LLM_URL` (required): `http://` or `https://` base URL;
    /// - `VOYAGEUR_LLM_API`: `openai` (default) or `ollama`;
    /// - `VOYAGEUR_LLM_MODEL`: the model for everything (default `default`),
    ///   overridden by `VOYAGEUR_LLM_MODEL_SUMMARY|STANDARD|DETAILED|TRANSLATION`;
    /// - `VOYAGEUR_LLM_TIMEOUT_SUMMARY|STANDARD|DETAILED`: durations such as
    ///   `500ms`, `30s`, `3m` or plain seconds (defaults 30 s, 60 s, 180 s);
    /// - `VOYAGEUR_LLM_MAX_ATTEMPTS`: 1–10 (default 3);
    /// - `VOYAGEUR_LLM_QUALITY_BAR`: 0–1 (default 0.6);
    /// - `VOYAGEUR_LLM_QUALITY_GOOD`: 0–1, at least the bar (default 0.8);
    /// - `VOYAGEUR_LLM_KEEP_ALIVE`: Ollama's keep-alive (default `10m`).
    ///
    /// - Throws: ``LLMConfigurationError`` naming the first invalid variable.
    public init(environment: [String: String]) throws(LLMConfigurationError) {
        let reader = Reader(values: environment)
        self.init(baseURL: try reader.url("VOYAGEUR_LLM_URL"))

        api = try reader.api("VOYAGEUR_LLM_API")
        let model = reader.string("VOYAGEUR_LLM_MODEL") ?? Self.defaultModel
        for level in DetailLevel.allCases {
            let suffix = level.rawValue.uppercased()
            models[level] = reader.string("VOYAGEUR_LLM_MODEL_\(suffix)") ?? model
            if let timeout = try reader.duration("VOYAGEUR_LLM_TIMEOUT_\(suffix)") {
                timeouts[level] = timeout
            }
        }
        translationModel = reader.string("VOYAGEUR_LLM_MODEL_TRANSLATION") ?? model

        maxAttempts = try reader.integer("VOYAGEUR_LLM_MAX_ATTEMPTS", in: 1...10) ?? 3
        qualityBar = try reader.fraction("VOYAGEUR_LLM_QUALITY_BAR") ?? 0.6
        goodQuality = try reader.fraction("VOYAGEUR_LLM_QUALITY_GOOD") ?? max(0.8, qualityBar)
        guard goodQuality >= qualityBar else {
            throw LLMConfigurationError(
                variable: "VOYAGEUR_LLM_QUALITY_GOOD",
                message: "must not be below VOYAGEUR_LLM_QUALITY_BAR (\(qualityBar))")
        }
        keepAlive = reader.string("VOYAGEUR_LLM_KEEP_ALIVE") ?? keepAlive
    }
}

/// Typed reads of environment variables, each error naming its variable.
private struct Reader {
    let values: [String: String]

    func string(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            return nil
        }
        return value
    }

    func url(_ name: String) throws(LLMConfigurationError) -> URL {
        guard let text = string(name) else {
            throw LLMConfigurationError(variable: name, message: "is required")
        }
        // The value may hold credentials, so the message never repeats it.
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host != nil
        else {
            throw LLMConfigurationError(
                variable: name, message: "must be an http:// or https:// URL such as http://127.0.0.1:8080")
        }
        return url
    }

    func api(_ name: String) throws(LLMConfigurationError) -> LLMConfiguration.API {
        guard let text = string(name) else { return .openai }
        guard let api = LLMConfiguration.API(rawValue: text.lowercased()) else {
            throw LLMConfigurationError(variable: name, message: "must be openai or ollama (got \"\(text)\")")
        }
        return api
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(LLMConfigurationError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw LLMConfigurationError(
                variable: name,
                message: "must be a whole number from \(range.lowerBound) to \(range.upperBound) (got \"\(text)\")")
        }
        return value
    }

    func fraction(_ name: String) throws(LLMConfigurationError) -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), (0...1).contains(value) else {
            throw LLMConfigurationError(variable: name, message: "must be a number from 0 to 1 (got \"\(text)\")")
        }
        return value
    }

    func duration(_ name: String) throws(LLMConfigurationError) -> Duration? {
        guard let text = string(name) else { return nil }
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600)]
        var number = Substring(text)
        var scale = 1.0
        if let unit = units.first(where: { text.hasSuffix($0.suffix) }) {
            number = number.dropLast(unit.suffix.count)
            scale = unit.seconds
        }
        guard let value = Double(number), value > 0, value.isFinite else {
            throw LLMConfigurationError(
                variable: name, message: "must be a positive duration such as 500ms, 30s or 3m (got \"\(text)\")")
        }
        return .milliseconds(Int64((value * scale * 1_000).rounded()))
    }
}
