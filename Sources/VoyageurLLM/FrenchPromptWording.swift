import VoyageurCore

/// The French prompt, written as a French editor would brief a writer.
struct FrenchPromptWording: PromptWording {
    let language = Language.french
    let writerRole =
        "Vous êtes analyste de marché et vous rédigez, dans un français clair et précis, des "
        + "commentaires d'analyse technique destinés à des investisseurs particuliers."
    let colon = " : "
    let translatorRole =
        "Vous êtes traducteur financier : vous traduisez de l'anglais vers le français des "
        + "commentaires d'analyse technique, dans une langue naturelle et exacte."

    func task(symbol: String) -> String {
        "Rédigez, à l'intention d'un investisseur particulier, un commentaire de l'analyse "
            + "technique de \(symbol)."
    }

    let factsHeading = "Les données (seuls chiffres que vous pouvez citer) :"

    func scoreLine(_ score: String) -> String { "Score global : \(score)" }
    func recommendationLine(_ word: String) -> String { "Recommandation : \(word)" }
    func priceLine(_ price: String) -> String { "Dernier cours : \(price)" }
    func supportLine(_ level: String) -> String { "Support le plus proche : \(level)" }
    func resistanceLine(_ level: String) -> String { "Résistance la plus proche : \(level)" }

    let indicatorsHeading = "Indicateurs les plus influents, du plus fort au plus faible :"

    func indicatorName(_ name: String) -> String {
        Self.names[name] ?? name
    }

    func direction(_ direction: Indicator.Direction) -> String {
        switch direction {
        case .bullish: "haussier"
        case .bearish: "baissier"
        case .neutral: "neutre"
        }
    }

    func strength(_ strength: PromptFacts.Strength) -> String {
        switch strength {
        case .strong: "signal fort"
        case .moderate: "signal modéré"
        case .weak: "signal faible"
        }
    }

    func valueLabel(_ key: String) -> String {
        Self.valueLabels[key] ?? key
    }

    let rulesHeading = "Consignes de rédaction :"

    func recommendationRule(_ word: String) -> String {
        "Formulez la recommandation avec le mot \(word), en majuscules, et n'en suggérez aucune autre."
    }

    func lengthRule(_ target: LengthTarget, level: DetailLevel, headers: [String]) -> String {
        let length =
            "environ \(target.words) mots (entre \(target.band.lowerBound) et \(target.band.upperBound))"
        switch level {
        case .summary:
            return "Longueur : \(length), en un seul paragraphe de trois ou quatre phrases."
        case .standard:
            return "Longueur : \(length), en deux ou trois paragraphes rédigés, sans titres ni listes."
        case .detailed:
            let list = headers.map { "**\($0)**" }.joined(separator: ", ")
            return "Longueur : \(length), en cinq parties dans cet ordre, chacune ouverte par son titre "
                + "seul sur sa ligne, écrit exactement ainsi : \(list). Rédigez des paragraphes, pas des listes."
        }
    }

    let numbersRule =
        "Ne citez que les chiffres des données ci-dessus, tels qu'ils y sont écrits. N'inventez "
        + "jamais de cours, d'objectif, de pourcentage, de date ni d'horizon de placement."
    let noDisclaimerRule =
        "N'ajoutez ni avertissement, ni renvoi vers un conseiller, ni signature."
    let languageRule = "Écrivez uniquement en français et répondez par le seul commentaire."

    func translationTask(symbol: String) -> String {
        "Traduisez en français le commentaire ci-dessous consacré à \(symbol)."
    }

    func keepNumbersRule(_ numbers: [String]) -> String {
        "Reprenez chaque chiffre sans le modifier, écrit à la française : "
            + numbers.joined(separator: " ; ") + "."
    }

    func recommendationTranslationRule(english: String, word: String) -> String {
        "La recommandation \(english) se traduit par le mot \(word), en majuscules."
    }

    func headersTranslationRule(english: [String], headers: [String]) -> String {
        let pairs = zip(english, headers).map { "**\($0)** devient **\($1)**" }
        return "Traduisez les titres ainsi : " + pairs.joined(separator: " ; ") + "."
    }

    let completeTranslationRule =
        "Traduisez tout le texte : ne l'abrégez pas, ne le résumez pas et n'y ajoutez rien."
    let translationOnlyRule =
        "Répondez par la seule traduction, sans commentaire ni note du traducteur."
    let sourceHeading = "Le texte anglais :"

    private static let names: [String: String] = [
        "sma50vs200": "croisement des moyennes mobiles à 50 et 200 jours",
        "pricevs50": "cours par rapport à sa moyenne mobile à 50 jours",
        "rsi14": "RSI sur 14 jours",
        "macd12269": "histogramme du MACD",
        "bbpos20": "position dans les bandes de Bollinger à 20 jours",
        "bbwidth20": "largeur des bandes de Bollinger à 20 jours",
        "volsurge": "poussée des volumes",
        "obv20": "OBV sur 20 jours",
        "rel1y": "force relative sur un an",
        "rel2y": "force relative sur deux ans",
        "candlerev": "signal de retournement en chandeliers",
        "srcontext": "contexte de supports et résistances",
        "sentiment": "sentiment de marché",
        "prediction": "prévision du modèle",
    ]

    private static let valueLabels: [String: String] = [
        "sma50": "moyenne à 50 jours",
        "sma200": "moyenne à 200 jours",
        "rsi": "RSI",
        "histogram": "histogramme",
        "price": "cours",
    ]
}
