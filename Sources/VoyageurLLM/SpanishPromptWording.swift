import VoyageurCore

/// The Spanish prompt, written as a Spanish editor would brief a writer.
struct SpanishPromptWording: PromptWording {
    let language = Language.spanish
    let writerRole =
        "Eres analista de mercados y redactas, en un español claro y preciso, comentarios de "
        + "análisis técnico dirigidos a pequeños inversores."
    let colon = ": "
    let translatorRole =
        "Eres traductor financiero: traduces del inglés al español comentarios de análisis "
        + "técnico con un lenguaje natural y exacto."

    func task(symbol: String) -> String {
        "Redacta, para un pequeño inversor, un comentario sobre el análisis técnico de \(symbol)."
    }

    let factsHeading = "Los datos (las únicas cifras que puedes citar):"

    func scoreLine(_ score: String) -> String { "Puntuación global: \(score)" }
    func recommendationLine(_ word: String) -> String { "Recomendación: \(word)" }
    func priceLine(_ price: String) -> String { "Último precio: \(price)" }
    func supportLine(_ level: String) -> String { "Soporte más cercano: \(level)" }
    func resistanceLine(_ level: String) -> String { "Resistencia más cercana: \(level)" }

    let indicatorsHeading = "Indicadores con más peso, de mayor a menor:"

    func indicatorName(_ name: String) -> String {
        Self.names[name] ?? name
    }

    func direction(_ direction: Indicator.Direction) -> String {
        switch direction {
        case .bullish: "alcista"
        case .bearish: "bajista"
        case .neutral: "neutral"
        }
    }

    func strength(_ strength: PromptFacts.Strength) -> String {
        switch strength {
        case .strong: "señal fuerte"
        case .moderate: "señal moderada"
        case .weak: "señal débil"
        }
    }

    func valueLabel(_ key: String) -> String {
        Self.valueLabels[key] ?? key
    }

    let rulesHeading = "Cómo redactarlo:"

    func recommendationRule(_ word: String) -> String {
        "Expresa la recomendación con la palabra \(word), en mayúsculas, y no sugieras ninguna otra."
    }

    func lengthRule(_ target: LengthTarget, level: DetailLevel, headers: [String]) -> String {
        let length =
            "unas \(target.words) palabras (entre \(target.band.lowerBound) y \(target.band.upperBound))"
        switch level {
        case .summary:
            return "Extensión: \(length), en un único párrafo de tres o cuatro frases."
        case .standard:
            return "Extensión: \(length), en dos o tres párrafos de prosa, sin títulos ni listas."
        case .detailed:
            let list = headers.map { "**\($0)**" }.joined(separator: ", ")
            return "Extensión: \(length), en cinco apartados por este orden, cada uno encabezado por su "
                + "título en una línea aparte y escrito exactamente así: \(list). Usa párrafos, no listas."
        }
    }

    let numbersRule =
        "Cita solo cifras de los datos anteriores, tal como aparecen. No inventes nunca precios, "
        + "objetivos, porcentajes, fechas ni plazos."
    let noDisclaimerRule = "No añadas advertencias, recomendaciones de consultar a un asesor ni firmas."
    let languageRule = "Escribe solo en español y responde únicamente con el comentario."

    func translationTask(symbol: String) -> String {
        "Traduce al español el comentario sobre \(symbol) que aparece a continuación."
    }

    func keepNumbersRule(_ numbers: [String]) -> String {
        "Conserva todas las cifras sin cambiarlas, escritas al modo español: "
            + numbers.joined(separator: "; ") + "."
    }

    func recommendationTranslationRule(english: String, word: String) -> String {
        "La recomendación \(english) se traduce con la palabra \(word), en mayúsculas."
    }

    func headersTranslationRule(english: [String], headers: [String]) -> String {
        let pairs = zip(english, headers).map { "**\($0)** pasa a ser **\($1)**" }
        return "Traduce los títulos así: " + pairs.joined(separator: "; ") + "."
    }

    let completeTranslationRule = "Traduce el texto completo: no lo acortes, no lo resumas y no añadas nada."
    let translationOnlyRule = "Responde solo con la traducción, sin comentarios ni notas del traductor."
    let sourceHeading = "El texto en inglés:"

    private static let names: [String: String] = [
        "sma50vs200": "cruce de medias móviles de 50 y 200 sesiones",
        "pricevs50": "precio frente a su media de 50 sesiones",
        "rsi14": "RSI de 14 sesiones",
        "macd12269": "histograma del MACD",
        "bbpos20": "posición en las bandas de Bollinger de 20 sesiones",
        "bbwidth20": "anchura de las bandas de Bollinger de 20 sesiones",
        "volsurge": "repunte de volumen",
        "obv20": "OBV de 20 sesiones",
        "rel1y": "fuerza relativa a un año",
        "rel2y": "fuerza relativa a dos años",
        "candlerev": "señal de giro en velas japonesas",
        "srcontext": "contexto de soportes y resistencias",
        "sentiment": "sentimiento de mercado",
        "prediction": "previsión del modelo",
    ]

    private static let valueLabels: [String: String] = [
        "sma50": "media de 50 sesiones",
        "sma200": "media de 200 sesiones",
        "rsi": "RSI",
        "histogram": "histograma",
        "price": "precio",
    ]
}
