import VoyageurCore

/// The French sentences of an explanation.
///
/// Colons take a no-break space before them, as French typography wants, and
/// adjectives agree with the gender of the indicator they describe.
struct FrenchPhrasebook: Phrasebook {
    let facts: TemplateFacts
    let picker: PhrasePicker
    let numbers = NumberStyle(language: .french)

    let headers = SectionHeaders(
        summary: "Synthèse de l'investissement",
        technical: "Analyse technique",
        risk: "Évaluation des risques",
        entry: "Stratégie d'entrée",
        outlook: "Perspectives de marché"
    )

    /// "d'ACHAT", "de CONSERVATION", "de VENTE": the word after "recommandation".
    var recommendationPhrase: String {
        let word = facts.recommendation.word(in: .french)
        return facts.recommendation == .buy ? "d'\(word)" : "de \(word)"
    }

    func opening() -> String {
        let symbol = facts.symbol
        let score = numbers.score(facts.score)
        let phrase = recommendationPhrase
        return picker.pick(
            "opening",
            [
                "Avec un score global de \(score), \(symbol) reçoit une recommandation \(phrase).",
                "Notre analyse attribue à \(symbol) un score global de \(score), "
                    + "soit une recommandation \(phrase).",
                "\(symbol) obtient un score global de \(score), "
                    + "ce qui justifie une recommandation \(phrase).",
            ])
    }

    func priceLine(_ price: Double) -> String {
        let price = numbers.price(price)
        return picker.pick(
            "price",
            [
                "L'analyse retient un dernier cours de \(price).",
                "Le dernier cours pris en compte s'établit à \(price).",
                "Au moment de l'analyse, \(facts.symbol) cotait \(price).",
            ])
    }

    func balanceLine() -> String {
        switch (facts.recommendation, facts.balance) {
        case (_, .single):
            "Le score repose sur un seul indicateur\u{A0}: il ne vaut donc que ce que vaut "
                + "cette mesure."
        case (.buy, .bullish):
            picker.pick(
                "balance",
                [
                    "La plupart des indicateurs sont orientés à la hausse\u{A0}: "
                        + "le signal ne repose donc pas sur un seul élément.",
                    "Les indicateurs penchent nettement du côté positif, "
                        + "ce qui donne au signal une assise large.",
                ])
        case (.buy, .bearish):
            "Pris un à un, les indicateurs penchent toutefois du côté négatif\u{A0}: "
                + "le score doit beaucoup à quelques signaux forts."
        case (.buy, .mixed):
            "Les signaux sont partagés\u{A0}: le score repose sur quelques indicateurs positifs de poids."
        case (.hold, .bullish):
            "Les indicateurs penchent du côté positif, mais pas assez pour relever davantage le score."
        case (.hold, .bearish):
            "Les indicateurs penchent du côté négatif, sans toutefois tirer le score plus bas."
        case (.hold, .mixed):
            picker.pick(
                "balance",
                [
                    "Signaux positifs et négatifs se compensent à peu près, d'où une position neutre.",
                    "Les indicateurs se partagent entre signaux positifs et négatifs, "
                        + "ce que traduit une position neutre.",
                ])
        case (.sell, .bullish):
            "Plusieurs indicateurs restent toutefois orientés à la hausse, "
                + "ce qui nuance la faiblesse du score."
        case (.sell, .bearish):
            picker.pick(
                "balance",
                [
                    "La plupart des indicateurs sont orientés à la baisse\u{A0}: "
                        + "la faiblesse est générale plutôt qu'isolée.",
                    "Les indicateurs penchent nettement du côté négatif, signe d'une faiblesse généralisée.",
                ])
        case (.sell, .mixed):
            "Les signaux sont partagés\u{A0}: la faiblesse du score tient à quelques indicateurs "
                + "négatifs de poids."
        }
    }

    func convictionLine() -> String {
        facts.isBorderline
            ? "Le score se situe près de la limite de sa fourchette\u{A0}: la recommandation "
                + "est donc fragile."
            : "Le score se situe nettement à l'intérieur de sa fourchette\u{A0}: la "
                + "recommandation n'a rien d'un cas limite."
    }

    func indicatorLine(_ indicator: Indicator, rank: Int, explained: Bool) -> String {
        let term = self.term(indicator)
        let name = definite(term)
        let reading = direction(indicator.direction, term.gender) + valueClause(indicator)
        let sentence: String
        switch rank {
        case 0:
            sentence = picker.pick(
                "line0",
                [
                    "\(name.sentenceCased) pèse le plus lourd dans le score\u{A0}: "
                        + "\(pronoun(term)) est \(reading).",
                    "Le signal le plus fort provient \(ofDefinite(term)), qui est \(reading).",
                ])
        case 1:
            sentence = picker.pick(
                "line1",
                [
                    "Vient ensuite \(name), \(reading).",
                    "En deuxième position, \(name) est \(reading).",
                ])
        default:
            sentence = picker.pick(
                "line\(rank)",
                [
                    "\(name.sentenceCased), pour sa part, est \(reading).",
                    "De son côté, \(name) est \(reading).",
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
                    "Le support se situe à \(support) et la résistance à \(resistance).",
                    "Le support le plus proche se trouve à \(support), la résistance à \(resistance).",
                ])
        case (let support?, nil): "Le support le plus proche se situe à \(support)."
        case (nil, let resistance?): "La résistance la plus proche se situe à \(resistance)."
        case (nil, nil): ""
        }
    }

    func riskLine(_ risk: RiskSignal) -> String {
        switch risk {
        case .opposing(let indicators) where indicators.count > 1:
            let names = indicators.map { ofDefinite(term($0)) }.joinedAsList(conjunction: "et")
            return "Le principal risque vient \(names), qui vont à l'encontre de la recommandation."
        case .opposing(let indicators):
            guard let indicator = indicators.first else { return calmRiskLine() }
            let term = self.term(indicator)
            let reading = direction(indicator.direction, term.gender)
            return picker.pick(
                "opposing",
                [
                    "Principal risque\u{A0}: \(definite(term)) est \(reading), "
                        + "à rebours de la recommandation.",
                    "\(definite(term).sentenceCased) est \(reading) et va à l'encontre de la "
                        + "recommandation\u{A0}: c'est le principal risque.",
                ])
        case .split(let up, let down):
            let upTerm = term(up)
            let downTerm = term(down)
            return "Les indicateurs tirent dans des directions opposées\u{A0}: "
                + "\(definite(upTerm)) est \(direction(.bullish, upTerm.gender)) tandis que "
                + "\(definite(downTerm)) est \(direction(.bearish, downTerm.gender)), et un "
                + "mouvement marqué de l'un ou de l'autre pourrait faire pencher la balance."
        case .overbought(let rsi):
            return "À \(numbers.oscillator(rsi)), le RSI se trouve en zone de surachat, "
                + "ce qui précède souvent une pause ou un repli."
        case .oversold(let rsi):
            return "À \(numbers.oscillator(rsi)), le RSI se trouve en zone de survente\u{A0}: "
                + "un rebond marqué reste possible."
        case .volatility:
            return "La largeur des bandes de Bollinger atteint un niveau extrême, signe que les "
                + "cours pourraient fluctuer fortement dans un sens comme dans l'autre."
        case .nearThreshold:
            return "Le score se situe près de la limite entre deux recommandations\u{A0}: un léger "
                + "changement des indicateurs pourrait modifier la conclusion."
        case .nearResistance(let level):
            return "Le cours est proche de la résistance à \(numbers.price(level)), "
                + "un niveau où les hausses marquent souvent le pas."
        case .nearSupport(let level):
            return "Le cours est proche du support à \(numbers.price(level)), "
                + "un niveau où les baisses s'interrompent souvent."
        case .sparseData:
            return "Avec si peu d'indicateurs, le score pourrait varier sensiblement au moindre "
                + "changement."
        }
    }

    func calmRiskLine() -> String {
        "Aucun indicateur ne constitue à lui seul un signal d'alerte, mais la situation peut "
            + "évoluer vite et le score ne reflète que les données actuelles."
    }

    func caution() -> String {
        picker.pick(
            "caution",
            [
                "Cette analyse est produite automatiquement à partir des données et ne constitue pas "
                    + "un conseil en investissement personnalisé.",
                "Ce texte, généré automatiquement à partir des données de l'analyse, ne constitue pas "
                    + "un conseil en investissement personnalisé.",
            ])
    }

    func outlookLead() -> String {
        switch facts.recommendation {
        case .buy:
            picker.pick(
                "outlook",
                [
                    "Les perspectives sont constructives.",
                    "Les perspectives à court terme sont favorables.",
                ])
        case .hold:
            picker.pick(
                "outlook",
                [
                    "Les perspectives sont équilibrées, sans direction marquée.",
                    "Les perspectives restent neutres pour l'instant.",
                ])
        case .sell:
            picker.pick(
                "outlook",
                [
                    "Les perspectives restent dégradées.",
                    "Les perspectives à court terme sont défavorables.",
                ])
        }
    }

    func watchLine() -> String {
        let watched = facts.ranked.prefix(2).map { definite(term($0)) }
        guard watched.count > 1 else {
            return "L'indicateur à surveiller en priorité est \(watched.first ?? "le score")\u{A0}: "
                + "un changement de direction serait le premier signe d'une évolution du tableau."
        }
        return "Les indicateurs à surveiller en priorité sont "
            + "\(watched.joinedAsList(conjunction: "et"))\u{A0}: un changement de direction de "
            + "l'un ou de l'autre serait le premier signe d'une évolution du tableau."
    }
}
