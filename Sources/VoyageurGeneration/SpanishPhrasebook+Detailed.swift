import VoyageurCore

extension SpanishPhrasebook {
    func indicatorCount() -> String {
        let total = facts.ranked.count
        guard total > 1 else {
            let reading = facts.ranked.first.map { direction($0.direction) } ?? "neutral"
            return "El análisis se basa en un único indicador, que es \(reading)."
        }
        guard let totalWord = countWord(total) else {
            return "El análisis se apoya en una amplia gama de indicadores."
        }
        let parts: [String] = Indicator.Direction.ordered.compactMap { direction in
            let count = facts.indicators(direction).count
            guard count > 0, let word = countWord(count) else { return nil }
            return count > 1
                ? "\(word) \(plural(direction))"
                : "uno \(self.direction(direction))"
        }
        if parts.count == 1, let only = facts.ranked.first {
            return "\(totalWord.sentenceCased) indicadores intervienen en la puntuación, todos "
                + "ellos \(plural(only.direction))."
        }
        return "\(totalWord.sentenceCased) indicadores intervienen en la puntuación: "
            + parts.joinedAsList(conjunction: "y") + "."
    }

    func stanceSummary() -> String {
        switch facts.recommendation {
        case .buy:
            "En conjunto, los datos invitan a aumentar la exposición en lugar de quedarse al "
                + "margen. La recomendación debería revisarse si las principales señales se "
                + "debilitaran."
        case .hold:
            "En conjunto, los datos no justifican un movimiento decidido en ningún sentido. "
                + "Las posiciones existentes pueden conservarse mientras las señales se aclaran."
        case .sell:
            "En conjunto, los datos invitan a reducir la exposición en lugar de aumentarla. "
                + "Haría falta una clara mejora de las principales señales para cambiar esta "
                + "valoración."
        }
    }

    func technicalIntro(shown: Int) -> String {
        let rule =
            "Una lectura por encima del punto medio se considera alcista, y una por "
            + "debajo, bajista."
        let total = facts.ranked.count
        guard total > 1 else {
            return "La puntuación global se basa en un único indicador. " + rule
        }
        let combines =
            countWord(total).map { "combina \($0) indicadores" }
            ?? "combina numerosos indicadores"
        var text = "La puntuación global \(combines), ponderados según su importancia. " + rule
        if shown < total, let shownWord = countWord(shown) {
            text +=
                " A continuación se analizan los \(shownWord) más influyentes, de mayor a "
                + "menor peso."
        } else {
            text += " A continuación se analizan de mayor a menor influencia."
        }
        return text
    }

    func scaleParagraph() -> String {
        "En esta escala de diez puntos, las puntuaciones de la franja superior se traducen en "
            + "una recomendación positiva, las de la franja media en una postura neutral y las de "
            + "la franja inferior en una recomendación negativa. Con "
            + "\(numbers.score(facts.score)), \(facts.symbol) "
            + (facts.isBorderline
                ? "está cerca del límite de su franja, así que la recomendación es ajustada."
                : "queda holgadamente dentro de su franja, así que la recomendación no es un "
                    + "caso límite.")
    }

    func indicatorParagraph(_ indicator: Indicator, rank: Int) -> String {
        let term = self.term(indicator)
        let name = definite(term)
        let reading = direction(indicator.direction) + valueClause(indicator)
        var sentences: [String] = []

        if rank == 0 {
            sentences.append(
                picker.pick(
                    "paragraph0",
                    [
                        "El indicador más influyente es \(name), que \(term.measure).",
                        "Encabeza la lista \(name), que \(term.measure).",
                    ]))
        } else {
            sentences.append("\(name.sentenceCased) \(term.measure).")
        }
        sentences.append(
            picker.pick(
                "reading\(rank)",
                [
                    "Su lectura actual es \(reading).",
                    "En este momento resulta \(reading).",
                ]))
        if let remark = remark(on: indicator) {
            sentences.append(remark)
        }
        sentences.append(stanceSentence(indicator, slot: "paragraphStance\(rank)"))
        return sentences.joined(separator: " ")
    }

    func blindSpotLine() -> String {
        "La puntuación no recoge noticias, resultados ni sacudidas generales del mercado, que "
            + "pueden mover el precio diga lo que diga el análisis técnico."
    }

    func riskClosing() -> String {
        "Los indicadores técnicos describen lo que han hecho los precios, no lo que harán, y un "
            + "acontecimiento imprevisto puede anular todas las señales de golpe. El tamaño de "
            + "las posiciones debe tener en cuenta esa incertidumbre."
    }

    func entryStrategy() -> [String] {
        let support = facts.support.map(numbers.price)
        let resistance = facts.resistance.map(numbers.price)
        let average = facts.shortAverage.map(numbers.price)
        var sentences: [String] = []

        switch facts.recommendation {
        case .buy:
            sentences.append(
                picker.pick(
                    "entry",
                    [
                        "La recomendación invita a construir una posición, pero el momento de entrada "
                            + "sigue siendo importante.",
                        "Una recomendación positiva no justifica precipitarse: el punto de entrada "
                            + "sigue importando.",
                    ]))
            if let support {
                sentences.append(
                    "Un retroceso hacia el soporte en \(support) ofrecería un punto "
                        + "de entrada mejor definido, mientras que una caída sostenida por debajo de "
                        + "ese nivel pondría en duda el escenario positivo.")
            }
            if let resistance {
                sentences.append(
                    "Una ruptura clara de la resistencia en \(resistance) "
                        + "confirmaría la fuerza del movimiento. Hasta entonces, ese nivel podría "
                        + "frenar el avance.")
            }
            if let average {
                sentences.append(
                    "La media móvil de 50 sesiones, en \(average), es una referencia "
                        + "secundaria útil: la tendencia de medio plazo sigue intacta mientras el "
                        + "precio siga por encima.")
            }
        case .hold:
            sentences.append(
                "Con esta puntuación no hay motivos claros para abrir una posición "
                    + "nueva ni para cerrar una existente.")
            if let resistance {
                sentences.append(
                    "Un avance por encima de la resistencia en \(resistance) "
                        + "reforzaría el panorama técnico.")
            }
            if let support {
                let effect = resistance == nil ? "debilitaría el panorama técnico" : "lo debilitaría"
                sentences.append("Una ruptura del soporte en \(support) \(effect).")
            }
            if let average {
                sentences.append(
                    "La media móvil de 50 sesiones, en \(average), marca la frontera "
                        + "entre una tendencia de medio plazo constructiva y una frágil.")
            }
        case .sell:
            sentences.append(
                "La recomendación invita a reducir la exposición en lugar de "
                    + "aumentarla.")
            if let resistance {
                sentences.append(
                    "Un rebote hacia la resistencia en \(resistance) ofrecería una "
                        + "salida mejor que una sesión de debilidad, y un avance sostenido por encima "
                        + "de ese nivel pondría en duda el escenario negativo.")
            }
            if let support {
                sentences.append("Una ruptura del soporte en \(support) confirmaría la debilidad.")
            }
            if let average {
                sentences.append(
                    "La media móvil de 50 sesiones, en \(average), es el primer nivel "
                        + "que una recuperación tendría que reconquistar.")
            }
        }

        if support == nil && resistance == nil {
            sentences.append(
                "Los datos no incluyen niveles de soporte ni de resistencia, así que "
                    + "actuar por etapas y no de una sola vez es la forma más sencilla de limitar el "
                    + "riesgo de equivocarse de momento. A falta de niveles de referencia, los propios "
                    + "indicadores son la mejor guía: un cambio claro en las lecturas principales "
                    + "sería la señal para actuar.")
        }
        if let price = facts.price {
            sentences.append(
                "Estos niveles deben leerse en relación con el precio de "
                    + "\(numbers.price(price)) que toma el análisis.")
        }
        sentences.append(
            picker.pick(
                "entryClosing",
                [
                    "En cualquier caso, el tamaño de la posición debe dejar margen para los riesgos "
                        + "expuestos más arriba.",
                    "Sea cual sea el momento elegido, el tamaño de la posición debe tener en cuenta los "
                        + "riesgos descritos más arriba.",
                ]))
        sentences.append(
            "Conviene revisar cualquier decisión a medida que cambien los "
                + "indicadores, ya que la puntuación refleja la situación en el momento del análisis.")
        return sentences
    }

    func outlook() -> [String] {
        var sentences = [outlookLead()]

        let supporters = facts.supporting.prefix(2).map { definite(term($0)) }
        if supporters.count == 1, let only = supporters.first {
            sentences.append(
                "\(only.sentenceCased) respalda este escenario, que debería seguir "
                    + "vigente mientras esa señal se confirme.")
        } else if supporters.count > 1 {
            sentences.append(
                "\(supporters.joinedAsList(conjunction: "y").sentenceCased) "
                    + "respaldan este escenario, que debería seguir vigente mientras esas señales "
                    + "se confirmen.")
        }
        if let counterweight = facts.opposing.first.map({ definite(term($0)) }) {
            sentences.append(
                "\(counterweight.sentenceCased) es el principal contrapeso: si se "
                    + "reforzara, habría que replantear la tesis.")
        }

        sentences.append(turningPointLine())
        sentences.append(watchLine())
        sentences.append(
            "Como la puntuación se basa en indicadores técnicos, dice más sobre "
                + "las próximas semanas que sobre el largo plazo.")
        return sentences
    }

    private func turningPointLine() -> String {
        switch facts.recommendation {
        case .buy:
            return "Que más indicadores se vuelvan alcistas reforzaría el escenario, mientras que "
                + "un debilitamiento de las lecturas principales sería el primer motivo para dar "
                + "un paso atrás."
        case .sell:
            return "Que más indicadores se vuelvan bajistas acentuaría la debilidad, mientras que "
                + "una mejora de las lecturas principales sería el primer motivo para reconsiderar "
                + "esta valoración."
        case .hold:
            // The split risk already names the strongest reading of each side.
            return "Haría falta un movimiento claro de los principales indicadores, en uno u "
                + "otro sentido, para abandonar esta postura neutral."
        }
    }

    private func plural(_ direction: Indicator.Direction) -> String {
        switch direction {
        case .bullish: "alcistas"
        case .bearish: "bajistas"
        case .neutral: "neutrales"
        }
    }

    private func remark(on indicator: Indicator) -> String? {
        let raw = indicator.raw
        switch indicator.name {
        case "sma50vs200":
            guard let short = raw["sma50"], let long = raw["sma200"], short != long else { return nil }
            return short > long
                ? "La media corta se sitúa por encima de la larga, señal clásica de tendencia alcista."
                : "La media corta se sitúa por debajo de la larga, lo que suele indicar una "
                    + "tendencia bajista."
        case "rsi14":
            guard let rsi = raw["rsi"] else { return nil }
            if rsi > RiskSignal.overboughtLine { return "Ese nivel corresponde a zona de sobrecompra." }
            if rsi < RiskSignal.oversoldLine { return "Ese nivel corresponde a zona de sobreventa." }
            return "Ese nivel está dentro de la zona normal, lejos de los extremos de sobrecompra "
                + "y sobreventa."
        case "macd12269":
            guard let histogram = raw["histogram"], histogram != 0 else { return nil }
            return histogram > 0
                ? "Un histograma positivo indica que el impulso sigue mejorando."
                : "Un histograma negativo indica que el impulso se está agotando."
        case "srcontext":
            guard let price = facts.price else { return nil }
            if let resistance = facts.resistance, price > resistance {
                return "El precio ha superado la resistencia."
            }
            if let support = facts.support, price < support {
                return "El precio ha perforado el soporte."
            }
            guard facts.support != nil, facts.resistance != nil else { return nil }
            return "El precio se mueve entre ambos niveles, con margen en los dos sentidos."
        default:
            return nil
        }
    }
}
