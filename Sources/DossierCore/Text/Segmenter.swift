/// Splits a body of text into paragraphs. Blank lines separate paragraphs; inside a block,
/// hard-wrapped lines (wire copy) are joined, while full-length lines that end a sentence each
/// stand alone (scraped pages with one paragraph per line). An indented line starts a paragraph.
public enum Segmenter {
    /// Paragraph ranges (trimmed) in source order, each made of one or more lines.
    public static func paragraphs(_ text: SourceText, lines: [SourceRange]) -> [[SourceRange]] {
        var result: [[SourceRange]] = []
        var block: [SourceRange] = []
        func flush() {
            guard !block.isEmpty else { return }
            result += split(block: block, text: text)
            block = []
        }
        for line in lines {
            if text.isBlank(line) { flush() } else { block.append(line) }
        }
        flush()
        return result
    }

    /// Decides whether the lines of one block are one wrapped paragraph or several.
    static func split(block: [SourceRange], text: SourceText) -> [[SourceRange]] {
        guard block.count > 1 else { return [block] }
        let lengths = block.map { text.trimmed($0).length }
        let longest = lengths.max() ?? 0
        // Wrapped text: lines of similar width, well under a screen-wide paragraph.
        let wrapped = longest <= 100 && lengths.dropLast().allSatisfy { $0 >= longest / 2 }
        guard wrapped else { return block.map { [$0] } }
        var result: [[SourceRange]] = []
        var current: [SourceRange] = []
        for line in block {
            let indent = line.start < text.count && (text.scalars[line.start] == " " || text.scalars[line.start] == "\t")
            if indent, !current.isEmpty { result.append(current); current = [] }
            current.append(line)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Makes a `Paragraph` from its lines: line breaks and odd spaces become plain spaces,
    /// one for one, so offsets into the paragraph map straight back to the source.
    public static func paragraph(_ text: SourceText, lines: [SourceRange]) -> Paragraph? {
        guard let first = lines.first, let last = lines.last else { return nil }
        let range = text.trimmed(SourceRange(first.start, last.end))
        guard range.length > 0 else { return nil }
        var view = String.UnicodeScalarView()
        for c in text.scalars[range.start..<range.end] {
            view.append(Scalars.isSpace(c) ? " " : c)
        }
        return Paragraph(text: String(view), start: range.start)
    }
}
