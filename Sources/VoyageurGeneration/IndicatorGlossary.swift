import VoyageurCore

/// The human names of the known indicators in each language.
///
/// Period digits appear only inside names ("14-day RSI"), never as free
/// quantities, so every other number in a text comes from the analysis.
enum IndicatorGlossary {
    /// The term for indicator `name`; an unknown indicator keeps its name.
    static func term(for name: String, in language: Language) -> IndicatorTerm {
        switch language {
        case .english:
            english[name]
                ?? IndicatorTerm(
                    "the \(name) indicator", measure: "is an additional input to the score")
        case .french:
            french[name]
                ?? IndicatorTerm(
                    "indicateur \(name)", measure: "constitue une composante supplémentaire du score")
        case .spanish:
            spanish[name]
                ?? IndicatorTerm(
                    "indicador \(name)", measure: "es un componente adicional de la puntuación")
        }
    }

    private static let english: [String: IndicatorTerm] = [
        "sma50vs200": IndicatorTerm(
            "the 50/200-day moving-average cross",
            measure: "compares the medium-term trend with the long-term one"),
        "pricevs50": IndicatorTerm(
            "the price relative to its 50-day average",
            measure: "shows where the price stands against its medium-term trend"),
        "rsi14": IndicatorTerm(
            "the 14-day RSI", measure: "gauges the speed and strength of recent price moves"),
        "macd12269": IndicatorTerm(
            "the MACD histogram", measure: "tracks whether trend momentum is building or fading"),
        "bbpos20": IndicatorTerm(
            "the 20-day Bollinger band position",
            measure: "shows where the price sits within its recent trading range"),
        "bbwidth20": IndicatorTerm(
            "the 20-day Bollinger band width",
            measure: "measures how widely prices have been swinging"),
        "volsurge": IndicatorTerm(
            "the volume surge indicator",
            measure: "compares recent trading volume with its usual level"),
        "obv20": IndicatorTerm(
            "the 20-day on-balance volume",
            measure: "checks whether volume is backing rising or falling prices"),
        "rel1y": IndicatorTerm(
            "the one-year relative strength",
            measure: "compares the past year's performance with that of the broader market"),
        "rel2y": IndicatorTerm(
            "the two-year relative strength",
            measure: "compares performance over two years with that of the broader market"),
        "candlerev": IndicatorTerm(
            "the candlestick reversal signal",
            measure: "looks for reversal patterns in recent price bars"),
        "srcontext": IndicatorTerm(
            "the support and resistance context",
            measure: "places the price relative to nearby support and resistance levels"),
        "sentiment": IndicatorTerm(
            "the sentiment indicator", measure: "summarises the tone of recent news and commentary"),
        "prediction": IndicatorTerm(
            "the model forecast", measure: "is the forward-looking estimate of a statistical model"),
    ]

    private static let french: [String: IndicatorTerm] = [
        "sma50vs200": IndicatorTerm(
            "croisement des moyennes mobiles à 50 et 200 jours",
            measure: "compare la tendance de moyen terme à celle de long terme"),
        "pricevs50": IndicatorTerm(
            "position du cours par rapport à sa moyenne mobile à 50 jours", .feminine,
            measure: "situe le cours par rapport à sa tendance de moyen terme"),
        "rsi14": IndicatorTerm(
            "RSI sur 14 jours",
            measure: "mesure la vitesse et l'ampleur des derniers mouvements de cours"),
        "macd12269": IndicatorTerm(
            "histogramme du MACD",
            measure: "indique si la dynamique de la tendance se renforce ou s'essouffle"),
        "bbpos20": IndicatorTerm(
            "position dans les bandes de Bollinger à 20 jours", .feminine,
            measure: "situe le cours dans sa fourchette de fluctuation récente"),
        "bbwidth20": IndicatorTerm(
            "largeur des bandes de Bollinger à 20 jours", .feminine,
            measure: "mesure l'amplitude des fluctuations récentes"),
        "volsurge": IndicatorTerm(
            "poussée des volumes", .feminine,
            measure: "compare les volumes récents à leur niveau habituel"),
        "obv20": IndicatorTerm(
            "OBV sur 20 jours",
            measure: "vérifie si les volumes accompagnent la hausse ou la baisse des cours"),
        "rel1y": IndicatorTerm(
            "force relative sur un an", .feminine,
            measure: "compare la performance de la dernière année à celle du marché"),
        "rel2y": IndicatorTerm(
            "force relative sur deux ans", .feminine,
            measure: "compare la performance des deux dernières années à celle du marché"),
        "candlerev": IndicatorTerm(
            "signal de retournement en chandeliers",
            measure: "repère les figures de retournement sur les dernières séances"),
        "srcontext": IndicatorTerm(
            "contexte de supports et résistances",
            measure: "situe le cours par rapport aux supports et résistances les plus proches"),
        "sentiment": IndicatorTerm(
            "sentiment de marché",
            measure: "résume la tonalité des actualités et des commentaires récents"),
        "prediction": IndicatorTerm(
            "prévision du modèle", .feminine,
            measure: "traduit l'estimation prospective d'un modèle statistique"),
    ]

    private static let spanish: [String: IndicatorTerm] = [
        "sma50vs200": IndicatorTerm(
            "cruce de medias móviles de 50 y 200 sesiones",
            measure: "compara la tendencia de medio plazo con la de largo plazo"),
        "pricevs50": IndicatorTerm(
            "posición del precio frente a su media de 50 sesiones", .feminine,
            measure: "sitúa el precio respecto de su tendencia de medio plazo"),
        "rsi14": IndicatorTerm(
            "RSI de 14 sesiones",
            measure: "mide la velocidad y la fuerza de los últimos movimientos del precio"),
        "macd12269": IndicatorTerm(
            "histograma del MACD",
            measure: "indica si el impulso de la tendencia se refuerza o se agota"),
        "bbpos20": IndicatorTerm(
            "posición en las bandas de Bollinger de 20 sesiones", .feminine,
            measure: "sitúa el precio dentro de su rango de fluctuación reciente"),
        "bbwidth20": IndicatorTerm(
            "anchura de las bandas de Bollinger de 20 sesiones", .feminine,
            measure: "mide la amplitud de las oscilaciones recientes"),
        "volsurge": IndicatorTerm(
            "repunte de volumen", measure: "compara el volumen reciente con su nivel habitual"),
        "obv20": IndicatorTerm(
            "OBV de 20 sesiones",
            measure: "comprueba si el volumen acompaña a las subidas o a las bajadas"),
        "rel1y": IndicatorTerm(
            "fuerza relativa a un año", .feminine,
            measure: "compara la evolución del último año con la del mercado"),
        "rel2y": IndicatorTerm(
            "fuerza relativa a dos años", .feminine,
            measure: "compara la evolución de los dos últimos años con la del mercado"),
        "candlerev": IndicatorTerm(
            "señal de giro en velas japonesas", .feminine,
            measure: "busca patrones de giro en las últimas sesiones"),
        "srcontext": IndicatorTerm(
            "contexto de soportes y resistencias",
            measure: "sitúa el precio respecto de los soportes y resistencias más cercanos"),
        "sentiment": IndicatorTerm(
            "sentimiento de mercado",
            measure: "resume el tono de las noticias y los comentarios recientes"),
        "prediction": IndicatorTerm(
            "previsión del modelo", .feminine,
            measure: "recoge la estimación prospectiva de un modelo estadístico"),
    ]
}
