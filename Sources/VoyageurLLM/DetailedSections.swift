import VoyageurCore

/// The section headers of a detailed explanation, in each language.
///
/// The same headers the template writer uses, so a generated detailed text
/// and its template fallback read alike; a unit test holds the two together.
public enum DetailedSections {
    /// The five headers in order: summary, technical analysis, risks, entry
    /// strategy, outlook.
    public static func headers(in language: Language) -> [String] {
        switch language {
        case .english:
            ["Investment Summary", "Technical Analysis", "Risk Assessment", "Entry Strategy", "Market Outlook"]
        case .french:
            [
                "Synthèse de l'investissement", "Analyse technique", "Évaluation des risques",
                "Stratégie d'entrée", "Perspectives de marché",
            ]
        case .spanish:
            [
                "Resumen de la inversión", "Análisis técnico", "Evaluación de riesgos",
                "Estrategia de entrada", "Perspectivas del mercado",
            ]
        }
    }
}
