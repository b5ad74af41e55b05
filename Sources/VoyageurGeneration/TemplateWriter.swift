import VoyageurCore

/// Writes an explanation from the analysis alone, without a language model.
///
/// It is the embedded default backend and the fallback of last resort: the
/// text is native English, French or Spanish, states the recommendation once,
/// and quotes only numbers taken from the analysis. Output is deterministic:
/// the same request always gives the same text. Safe to share across tasks.
public struct TemplateWriter: Sendable {
    /// Creates a writer; it holds no state.
    public init() {}

    /// The model name recorded for template results.
    public static let modelName = "template-v1"

    /// The explanation for `request`, in its language and at its detail level.
    ///
    /// Detailed explanations carry `**Header**` lines between sections;
    /// paragraphs are separated by blank lines.
    public func write(_ request: ExplanationRequest) -> String {
        let facts = TemplateFacts(request)
        let book = Self.phrasebook(for: request.language, facts: facts)

        switch request.detail {
        case .summary: return summary(book, facts)
        case .standard: return standard(book, facts)
        case .detailed: return detailed(book, facts)
        }
    }

    static func phrasebook(for language: Language, facts: TemplateFacts) -> any Phrasebook {
        let picker = PhrasePicker(seed: facts.symbol)
        switch language {
        case .english: return EnglishPhrasebook(facts: facts, picker: picker)
        case .french: return FrenchPhrasebook(facts: facts, picker: picker)
        case .spanish: return SpanishPhrasebook(facts: facts, picker: picker)
        }
    }

    private func summary(_ book: any Phrasebook, _ facts: TemplateFacts) -> String {
        var sentences = [book.opening()]
        if let price = facts.price {
            sentences.append(book.priceLine(price))
        }
        for (rank, indicator) in facts.shown(at: .summary).enumerated() {
            sentences.append(book.indicatorLine(indicator, rank: rank, explained: false))
        }
        if facts.needsLevelsLine(at: .summary) {
            sentences.append(book.levelsLine())
        }
        sentences.append(book.balanceLine())
        if facts.isBorderline {
            sentences.append(book.convictionLine())
        }
        return sentences.joined(separator: " ")
    }

    private func standard(_ book: any Phrasebook, _ facts: TemplateFacts) -> String {
        var overview = [book.opening()]
        if let price = facts.price {
            overview.append(book.priceLine(price))
        }
        overview += [book.balanceLine(), book.convictionLine()]

        var signals = facts.shown(at: .standard).enumerated().map { rank, indicator in
            book.indicatorLine(indicator, rank: rank, explained: true)
        }
        if facts.needsLevelsLine(at: .standard) {
            signals.append(book.levelsLine())
        }

        // The conviction line already says whether the call is borderline.
        let notable = facts.risks.filter {
            if case .nearThreshold = $0 { return false }
            return true
        }
        var risks = notable.prefix(2).map(book.riskLine)
        if risks.isEmpty {
            risks.append(book.calmRiskLine())
        }
        risks += [book.outlookLead(), book.watchLine(), book.caution()]

        return [overview, signals, risks]
            .map { $0.joined(separator: " ") }
            .joined(separator: "\n\n")
    }

    private func detailed(_ book: any Phrasebook, _ facts: TemplateFacts) -> String {
        var overview = [book.opening()]
        if let price = facts.price {
            overview.append(book.priceLine(price))
        }
        overview += [book.indicatorCount(), book.balanceLine(), book.stanceSummary()]

        let shown = facts.shown(at: .detailed)
        var technical = [book.technicalIntro(shown: shown.count), book.scaleParagraph()]
        technical += shown.enumerated().map { rank, indicator in
            book.indicatorParagraph(indicator, rank: rank)
        }
        if facts.needsLevelsLine(at: .detailed) {
            technical.append(book.levelsLine())
        }

        var risks = facts.risks.map(book.riskLine)
        if risks.isEmpty {
            risks.append(book.calmRiskLine())
        }
        risks += [book.blindSpotLine(), book.riskClosing()]

        let headers = book.headers
        let sections: [(String, [String])] = [
            (headers.summary, [overview.joined(separator: " ")]),
            (headers.technical, technical),
            (headers.risk, [risks.joined(separator: " ")]),
            (headers.entry, [book.entryStrategy().joined(separator: " ")]),
            (headers.outlook, [(book.outlook() + [book.caution()]).joined(separator: " ")]),
        ]
        return
            sections
            .map { header, paragraphs in
                "**\(header)**\n" + paragraphs.joined(separator: "\n\n")
            }
            .joined(separator: "\n\n")
    }
}
