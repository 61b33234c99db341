/// The story separated from page furniture: headline, paragraphs and what was dropped.
public struct CleanText: Sendable {
    public var title: String?
    public var paragraphs: [Paragraph]
    public var boilerplate: [String]
    public var metadata: [String: String]
    public init(title: String? = nil, paragraphs: [Paragraph] = [], boilerplate: [String] = [], metadata: [String: String] = [:]) {
        self.title = title; self.paragraphs = paragraphs; self.boilerplate = boilerplate; self.metadata = metadata
    }
}

/// Separates the story from page furniture.
public enum Cleaner {
    public static func clean(_ text: SourceText, bodyStart: Int, givenTitle: String?) -> CleanText {
        var result = CleanText(title: givenTitle)
        let blocks = Segmenter.paragraphs(text, lines: text.lines(from: bodyStart))
        var paragraphs = blocks.compactMap { Segmenter.paragraph(text, lines: $0) }
        if result.title == nil, let first = paragraphs.first, blocks.count > 1, looksLikeHeadline(first.text) {
            result.title = first.text
            paragraphs.removeFirst()
        }
        result.paragraphs = paragraphs
        return result
    }

    /// A short line in headline shape: no final full stop, several words.
    static func looksLikeHeadline(_ s: String) -> Bool {
        let words = s.split(separator: " ").count
        guard words >= 3, s.count <= 160, let last = s.last else { return false }
        return !".,;:".contains(last)
    }
}
