import VoyageurCore

extension FrenchPhrasebook {
    func indicatorCount() -> String {
        let total = facts.ranked.count
        guard total > 1 else {
            let reading = facts.ranked.first.map { direction($0.direction, .masculine) } ?? "neutre"
            return "L'analyse repose sur un seul indicateur, qui est \(reading)."
        }
        guard let totalWord = countWord(total) else {
            return "L'analyse s'appuie sur un large éventail d'indicateurs."
        }
        let parts: [String] = Indicator.Direction.ordered.compactMap { direction in
            let count = facts.indicators(direction).count
            guard count > 0, let word = countWord(count) else { return nil }
            let adjective = self.direction(direction, .masculine)
            return count > 1 ? "\(word) \(adjective)s" : "\(word) \(adjective)"
        }
        if parts.count == 1, let only = facts.ranked.first {
            return "\(totalWord.sentenceCased) indicateurs entrent dans le calcul du score, tous "
                + "\(direction(only.direction, .masculine))s."
        }
        return "\(totalWord.sentenceCased) indicateurs entrent dans le calcul du score\u{A0}: "
            + parts.joinedAsList(conjunction: "et") + "."
    }

    func stanceSummary() -> String {
        switch facts.recommendation {
        case .buy:
            "Tout bien pesé, les éléments plaident pour renforcer l'exposition plutôt que de rester "
                + "à l'écart. La recommandation serait à revoir si les principaux signaux venaient "
                + "à faiblir."
        case .hold:
            "Tout bien pesé, les éléments ne justifient pas de prise de position tranchée dans un "
                + "sens ou dans l'autre. Les positions existantes peuvent être gardées le temps "
                + "que les signaux se précisent."
        case .sell:
            "Tout bien pesé, les éléments plaident pour réduire l'exposition plutôt que de la "
                + "renforcer. Il faudrait une nette amélioration des principaux signaux pour "
                + "changer cette appréciation."
        }
    }

    func technicalIntro(shown: Int) -> String {
        let rule =
            "Une lecture supérieure au point médian est considérée comme haussière, "
            + "une lecture inférieure comme baissière."
        let total = facts.ranked.count
        guard total > 1 else {
            return "Le score global repose sur un seul indicateur. " + rule
        }
        let combines =
            countWord(total).map { "combine \($0) indicateurs" }
            ?? "combine de nombreux indicateurs"
        var text = "Le score global \(combines), pondérés selon leur importance. " + rule
        if shown < total, let shownWord = countWord(shown) {
            text +=
                " Les \(shownWord) plus influents sont détaillés ci-dessous, du plus fort "
                + "au plus faible."
        } else {
            text += " Ils sont présentés ci-dessous du plus influent au moins influent."
        }
        return text
    }

    func scaleParagraph() -> String {
        "Sur cette échelle de dix points, les scores de la tranche supérieure se traduisent par "
            + "une recommandation positive, ceux de la tranche médiane par une position neutre et "
            + "ceux de la tranche inférieure par une recommandation négative. À "
            + "\(numbers.score(facts.score)), \(facts.symbol) "
            + (facts.isBorderline
                ? "se situe près de la limite de sa fourchette\u{A0}: la recommandation est donc "
                    + "fragile."
                : "se situe nettement à l'intérieur de sa fourchette\u{A0}: la recommandation "
                    + "n'a rien d'un cas limite.")
    }

    func indicatorParagraph(_ indicator: Indicator, rank: Int) -> String {
        let term = self.term(indicator)
        let name = definite(term)
        let reading = direction(indicator.direction, term.gender) + valueClause(indicator)
        let subject = pronoun(term).sentenceCased
        var sentences: [String] = []

        if rank == 0 {
            sentences.append(
                picker.pick(
                    "paragraph0",
                    [
                        "L'indicateur le plus influent est \(name), qui \(term.measure).",
                        "En tête de liste figure \(name), qui \(term.measure).",
                    ]))
        } else {
            sentences.append("\(name.sentenceCased) \(term.measure).")
        }
        sentences.append(
            picker.pick(
                "reading\(rank)",
                [
                    "\(subject) est actuellement \(reading).",
                    "\(subject) ressort \(reading).",
                ]))
        if let remark = remark(on: indicator) {
            sentences.append(remark)
        }
        sentences.append(stanceSentence(indicator, slot: "paragraphStance\(rank)"))
        return sentences.joined(separator: " ")
    }

    func blindSpotLine() -> String {
        "Le score ne tient compte ni des actualités, ni des résultats, ni des chocs de marché, "
            + "qui peuvent faire bouger les cours quel que soit le tableau technique."
    }

    func riskClosing() -> String {
        "Les indicateurs techniques décrivent ce que les cours ont fait, non ce qu'ils feront, "
            + "et un événement imprévu peut balayer tous les signaux d'un coup. La taille des "
            + "positions doit tenir compte de cette incertitude."
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
                        "La recommandation plaide pour constituer une position, mais le choix du moment "
                            + "reste important.",
                        "Une recommandation positive ne justifie pas de se précipiter\u{A0}: "
                            + "le point d'entrée compte toujours.",
                    ]))
            if let support {
                sentences.append(
                    "Un repli vers le support à \(support) offrirait un point "
                        + "d'entrée mieux défini, tandis qu'un passage durable sous ce niveau "
                        + "remettrait en cause le scénario positif.")
            }
            if let resistance {
                sentences.append(
                    "Un franchissement net de la résistance à \(resistance) "
                        + "confirmerait la solidité du mouvement. D'ici là, ce niveau pourrait "
                        + "freiner la progression.")
            }
            if let average {
                sentences.append(
                    "La moyenne mobile 50 jours, à \(average), constitue un repère "
                        + "secondaire utile\u{A0}: la tendance de moyen terme reste intacte tant que "
                        + "le cours demeure au-dessus.")
            }
        case .hold:
            sentences.append(
                "À ce niveau de score, rien ne justifie vraiment d'ouvrir une "
                    + "nouvelle position, ni de solder une position existante.")
            if let resistance {
                sentences.append(
                    "Un passage au-dessus de la résistance à \(resistance) "
                        + "renforcerait le tableau technique.")
            }
            if let support {
                let effect = resistance == nil ? "affaiblirait le tableau technique" : "l'affaiblirait"
                sentences.append("Une rupture du support à \(support) \(effect).")
            }
            if let average {
                sentences.append(
                    "La moyenne mobile 50 jours, à \(average), marque la frontière "
                        + "entre une tendance de moyen terme constructive et une tendance fragile.")
            }
        case .sell:
            sentences.append(
                "La recommandation plaide pour réduire l'exposition plutôt que de "
                    + "la renforcer.")
            if let resistance {
                sentences.append(
                    "Un rebond vers la résistance à \(resistance) offrirait une "
                        + "meilleure porte de sortie qu'une séance de faiblesse, et un passage durable "
                        + "au-dessus de ce niveau remettrait en cause le scénario négatif.")
            }
            if let support {
                sentences.append("Une rupture du support à \(support) confirmerait la faiblesse.")
            }
            if let average {
                sentences.append(
                    "La moyenne mobile 50 jours, à \(average), est le premier niveau "
                        + "qu'un redressement devrait reconquérir.")
            }
        }

        if support == nil && resistance == nil {
            sentences.append(
                "Les données ne comportent aucun niveau de support ni de "
                    + "résistance\u{A0}: procéder par étapes plutôt qu'en une seule fois est le moyen "
                    + "le plus simple de limiter le risque de se tromper de moment. Faute de niveaux de "
                    + "référence, les indicateurs eux-mêmes restent le meilleur guide\u{A0}: un net "
                    + "changement des principales lectures serait le signal pour agir.")
        }
        if let price = facts.price {
            sentences.append(
                "Ces niveaux s'apprécient au regard du cours de "
                    + "\(numbers.price(price)) retenu dans l'analyse.")
        }
        sentences.append(
            picker.pick(
                "entryClosing",
                [
                    "Dans tous les cas, la taille de la position doit laisser de la marge face aux "
                        + "risques exposés plus haut.",
                    "Quel que soit le moment choisi, la taille de la position doit tenir compte des "
                        + "risques décrits plus haut.",
                ]))
        sentences.append(
            "Toute décision mérite d'être réexaminée à mesure que les indicateurs "
                + "évoluent, car le score reflète la situation au moment de l'analyse.")
        return sentences
    }

    func outlook() -> [String] {
        var sentences = [outlookLead()]

        let supporters = facts.supporting.prefix(2).map { definite(term($0)) }
        if supporters.count == 1, let only = supporters.first {
            sentences.append(
                "\(only.sentenceCased) étaye ce scénario, qui devrait rester "
                    + "valable tant que ce signal se confirme.")
        } else if supporters.count > 1 {
            sentences.append(
                "\(supporters.joinedAsList(conjunction: "et").sentenceCased) "
                    + "étayent ce scénario, qui devrait rester valable tant que ces signaux "
                    + "se confirment.")
        }
        if let counterweight = facts.opposing.first.map(term) {
            let condition = counterweight.gender == .masculine ? "s'il" : "si elle"
            sentences.append(
                "\(definite(counterweight).sentenceCased) constitue le principal "
                    + "contrepoids\u{A0}: \(condition) se renforçait, il faudrait réexaminer le dossier.")
        }

        sentences.append(turningPointLine())
        sentences.append(watchLine())
        sentences.append(
            "Le score reposant sur des indicateurs techniques, il éclaire "
                + "davantage les semaines à venir que le long terme.")
        return sentences
    }

    private func turningPointLine() -> String {
        switch facts.recommendation {
        case .buy:
            return "Davantage d'indicateurs haussiers conforteraient le scénario, tandis qu'un "
                + "affaiblissement des principales lectures serait la première raison de prendre "
                + "du recul."
        case .sell:
            return "D'autres indicateurs baissiers accentueraient la faiblesse, tandis qu'une "
                + "amélioration des principales lectures serait la première raison de revoir ce "
                + "jugement."
        case .hold:
            // The split risk already names the strongest reading of each side.
            return "Il faudrait un net mouvement des principaux indicateurs, dans un sens ou "
                + "dans l'autre, pour sortir de cette position neutre."
        }
    }

    private func remark(on indicator: Indicator) -> String? {
        let raw = indicator.raw
        switch indicator.name {
        case "sma50vs200":
            guard let short = raw["sma50"], let long = raw["sma200"], short != long else { return nil }
            return short > long
                ? "La moyenne courte se situe au-dessus de la longue, signe classique d'une "
                    + "tendance haussière."
                : "La moyenne courte se situe sous la longue, ce qui caractérise généralement "
                    + "une tendance baissière."
        case "rsi14":
            guard let rsi = raw["rsi"] else { return nil }
            if rsi > RiskSignal.overboughtLine { return "Ce niveau correspond à une zone de surachat." }
            if rsi < RiskSignal.oversoldLine { return "Ce niveau correspond à une zone de survente." }
            return "Ce niveau reste dans la zone normale, à l'écart des excès de surachat comme "
                + "de survente."
        case "macd12269":
            guard let histogram = raw["histogram"], histogram != 0 else { return nil }
            return histogram > 0
                ? "Un histogramme positif indique que la dynamique continue de s'améliorer."
                : "Un histogramme négatif indique que la dynamique s'essouffle."
        case "srcontext":
            guard let price = facts.price else { return nil }
            if let resistance = facts.resistance, price > resistance {
                return "Le cours est passé au-dessus de la résistance."
            }
            if let support = facts.support, price < support {
                return "Le cours est passé sous le support."
            }
            guard facts.support != nil, facts.resistance != nil else { return nil }
            return "Le cours évolue entre ces deux niveaux, avec de la marge dans les deux sens."
        default:
            return nil
        }
    }
}
