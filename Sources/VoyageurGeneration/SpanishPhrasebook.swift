import VoyageurCore

/// The Spanish sentences of an explanation.
struct SpanishPhrasebook: Phrasebook {
    let facts: TemplateFacts
    let picker: PhrasePicker
    let numbers = NumberStyle(language: .spanish)

    let headers = SectionHeaders(
        summary: "Resumen de la inversión",
        technical: "Análisis técnico",
        risk: "Evaluación de riesgos",
        entry: "Estrategia de entrada",
        outlook: "Perspectivas del mercado"
    )

    var recommendationWord: String { facts.recommendation.word(in: .spanish) }

    func opening() -> String {
        let symbol = facts.symbol
        let score = numbers.score(facts.score)
        let word = recommendationWord
        return picker.pick(
            "opening",
            [
                "Con una puntuación global de \(score), \(symbol) recibe una recomendación de \(word).",
                "Nuestro análisis otorga a \(symbol) una puntuación global de \(score), "
                    + "lo que se traduce en una recomendación de \(word).",
                "\(symbol) obtiene una puntuación global de \(score) y, con ella, "
                    + "una recomendación de \(word).",
            ])
    }

    func priceLine(_ price: Double) -> String {
        let price = numbers.price(price)
        return picker.pick(
            "price",
            [
                "El análisis toma como referencia un último precio de \(price).",
                "El último precio considerado se sitúa en \(price).",
                "En el momento del análisis, \(facts.symbol) cotizaba a \(price).",
            ])
    }

    func balanceLine() -> String {
        switch (facts.recommendation, facts.balance) {
        case (_, .single):
            "La puntuación se apoya en un único indicador, de modo que solo es tan fiable como "
                + "esa lectura."
        case (.buy, .bullish):
            picker.pick(
                "balance",
                [
                    "La mayoría de los indicadores apunta al alza, de modo que la señal no depende "
                        + "de un solo factor.",
                    "Los indicadores se inclinan claramente del lado positivo, lo que da a la señal "
                        + "una base amplia.",
                ])
        case (.buy, .bearish):
            "Tomados uno a uno, sin embargo, los indicadores se inclinan del lado negativo: "
                + "la puntuación se apoya en unas pocas señales fuertes."
        case (.buy, .mixed):
            "Las señales están divididas: la puntuación descansa en unos pocos indicadores "
                + "positivos de peso."
        case (.hold, .bullish):
            "Los indicadores se inclinan del lado positivo, aunque no lo suficiente para elevar "
                + "más la puntuación."
        case (.hold, .bearish):
            "Los indicadores se inclinan del lado negativo, aunque sin llegar a hundir la puntuación."
        case (.hold, .mixed):
            picker.pick(
                "balance",
                [
                    "Las señales positivas y negativas se compensan más o menos, "
                        + "de ahí una postura neutral.",
                    "Los indicadores se reparten entre señales positivas y negativas, "
                        + "algo que refleja una postura neutral.",
                ])
        case (.sell, .bullish):
            "Varios indicadores siguen apuntando al alza, lo que matiza la debilidad de la puntuación."
        case (.sell, .bearish):
            picker.pick(
                "balance",
                [
                    "La mayoría de los indicadores apunta a la baja: la debilidad es generalizada "
                        + "y no un caso aislado.",
                    "Los indicadores se inclinan claramente del lado negativo, señal de una debilidad "
                        + "generalizada.",
                ])
        case (.sell, .mixed):
            "Las señales están divididas: la debilidad de la puntuación se debe a unos pocos "
                + "indicadores negativos de peso."
        }
    }

    func convictionLine() -> String {
        facts.isBorderline
            ? "La puntuación está cerca del límite de su franja, así que la recomendación es "
                + "ajustada."
            : "La puntuación queda holgadamente dentro de su franja, así que la recomendación no "
                + "es un caso límite."
    }

    func indicatorLine(_ indicator: Indicator, rank: Int, explained: Bool) -> String {
        let term = self.term(indicator)
        let name = definite(term)
        let reading = direction(indicator.direction) + valueClause(indicator)
        let sentence: String
        switch rank {
        case 0:
            sentence = picker.pick(
                "line0",
                [
                    "\(name.sentenceCased) es el que más pesa en la puntuación y resulta \(reading).",
                    "La señal más fuerte procede \(ofDefinite(term)), que es \(reading).",
                ])
        case 1:
            sentence = picker.pick(
                "line1",
                [
                    "Le sigue \(name), \(reading).",
                    "En segundo lugar, \(name) es \(reading).",
                ])
        default:
            sentence = picker.pick(
                "line\(rank)",
                [
                    "\(name.sentenceCased), por su parte, es \(reading).",
                    "Por otro lado, \(name) es \(reading).",
                ])
        }
        guard explained else { return sentence }
        return sentence + " " + stanceSentence(indicator, slot: "stance\(rank)")
    }

    func levelsLine() -> String {
        switch (facts.support.map(numbers.price), facts.resistance.map(numbers.price)) {
        case (let support?, let resistance?):
            picker.pick(
                "levels",
                [
                    "El soporte se sitúa en \(support) y la resistencia en \(resistance).",
                    "El soporte más cercano está en \(support), y la resistencia, en \(resistance).",
                ])
        case (let support?, nil): "El soporte más cercano se sitúa en \(support)."
        case (nil, let resistance?): "La resistencia más cercana se sitúa en \(resistance)."
        case (nil, nil): ""
        }
    }

    func riskLine(_ risk: RiskSignal) -> String {
        switch risk {
        case .opposing(let indicators) where indicators.count > 1:
            let names = indicators.map { ofDefinite(term($0)) }.joinedAsList(conjunction: "y")
            return "El principal riesgo procede \(names), que van en contra de la recomendación."
        case .opposing(let indicators):
            guard let indicator = indicators.first else { return calmRiskLine() }
            let name = definite(term(indicator))
            let reading = direction(indicator.direction)
            return picker.pick(
                "opposing",
                [
                    "El principal riesgo: \(name) es \(reading), en sentido contrario a la recomendación.",
                    "\(name.sentenceCased) es \(reading) y va en contra de la recomendación: "
                        + "es el principal riesgo.",
                ])
        case .split(let up, let down):
            return "Los indicadores tiran en direcciones opuestas: \(definite(term(up))) es "
                + "alcista mientras que \(definite(term(down))) es bajista, y un movimiento "
                + "marcado de cualquiera de los dos podría inclinar la balanza."
        case .overbought(let rsi):
            return "Con un valor de \(numbers.oscillator(rsi)), el RSI se encuentra en zona de "
                + "sobrecompra, lo que a menudo precede a una pausa o un retroceso."
        case .oversold(let rsi):
            return "Con un valor de \(numbers.oscillator(rsi)), el RSI se encuentra en zona de "
                + "sobreventa, por lo que cabe un rebote brusco."
        case .volatility:
            return "La anchura de las bandas de Bollinger alcanza un nivel extremo, señal de que "
                + "el precio podría oscilar con fuerza en cualquier dirección."
        case .nearThreshold:
            return "La puntuación está cerca del límite entre dos recomendaciones, de modo que un "
                + "pequeño cambio en los indicadores podría alterar la conclusión."
        case .nearResistance(let level):
            return "El precio está cerca de la resistencia en \(numbers.price(level)), "
                + "un nivel en el que las subidas suelen frenarse."
        case .nearSupport(let level):
            return "El precio está cerca del soporte en \(numbers.price(level)), "
                + "un nivel en el que las caídas suelen detenerse."
        case .sparseData:
            return "Con tan pocos indicadores detrás, la puntuación podría variar de forma "
                + "notable con un solo cambio."
        }
    }

    func calmRiskLine() -> String {
        "Ningún indicador supone por sí solo una señal de alarma, pero la situación puede "
            + "cambiar con rapidez y la puntuación solo refleja los datos actuales."
    }

    func caution() -> String {
        picker.pick(
            "caution",
            [
                "Este análisis se genera automáticamente a partir de los datos y no constituye "
                    + "asesoramiento de inversión personalizado.",
                "Este texto, generado automáticamente a partir de los datos del análisis, "
                    + "no constituye asesoramiento de inversión personalizado.",
            ])
    }

    func outlookLead() -> String {
        switch facts.recommendation {
        case .buy:
            picker.pick(
                "outlook",
                [
                    "Las perspectivas son constructivas.",
                    "Las perspectivas a corto plazo son favorables.",
                ])
        case .hold:
            picker.pick(
                "outlook",
                [
                    "Las perspectivas son equilibradas, sin una dirección clara.",
                    "Las perspectivas siguen siendo neutrales por ahora.",
                ])
        case .sell:
            picker.pick(
                "outlook",
                [
                    "Las perspectivas siguen siendo débiles.",
                    "Las perspectivas a corto plazo son desfavorables.",
                ])
        }
    }

    func watchLine() -> String {
        let watched = facts.ranked.prefix(2).map { definite(term($0)) }
        guard watched.count > 1 else {
            return "El indicador que conviene vigilar más de cerca es "
                + "\(watched.first ?? "la propia puntuación"): un cambio de dirección sería la "
                + "primera señal de que el panorama está cambiando."
        }
        return "Los indicadores que conviene vigilar más de cerca son "
            + "\(watched.joinedAsList(conjunction: "y")): un cambio de dirección en cualquiera "
            + "de ellos sería la primera señal de que el panorama está cambiando."
    }
}
