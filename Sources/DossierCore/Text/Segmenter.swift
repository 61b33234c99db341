/// Splits a body of text into paragraphs. Blank lines separate paragraphs; inside a block,
/// hard-wrapped lines (wire copy) are joined, while full-length lines that end a sentence each
/// stand alone (scraped pages with one paragraph per line). An indented line starts a paragraph.
public enum Segmenter {
    /// Paragraph ranges (trimmed) in source order, each made of one or more lines.
    public static func paragraphs(_ text: SourceText, lines: [SourceRange]) -> [[SourceRange]] {
        var result: [[SourceRange]] = []
        var block: [SourceRange] = []
        // Lines wider than any wrap width: a page with one paragraph per line, never hard-wrapped.
        let unwrapped = lines.lazy.filter { $0.length > 100 && text.trimmed($0).length > 100 }.prefix(2).count >= 2
        func flush() {
            guard !block.isEmpty else { return }
            result += unwrapped ? block.map { [$0] } : split(block: block, text: text)
            block = []
        }
        for line in lines {
            if text.isBlank(line) { flush() } else { block.append(line) }
        }
        flush()
        return result
    }

    /// Decides whether the lines of one block are one wrapped paragraph or several. Wrapped
    /// copy has lines of similar width, well under a screen-wide paragraph; only a line that
    /// ends a paragraph (before an indented line, or the last) may be short.
    static func split(block: [SourceRange], text: SourceText) -> [[SourceRange]] {
        guard block.count > 1 else { return [block] }
        let lengths = block.map { text.trimmed($0).length }
        let longest = lengths.max() ?? 0
        let indented = block.map { line in line.start < text.count && (text.scalars[line.start] == " " || text.scalars[line.start] == "\t") }
        var wrapped = longest >= 40 && longest <= 100
        for k in 0..<(block.count - 1) where !indented[k + 1] && lengths[k] < longest / 2 { wrapped = false }
        guard wrapped else { return block.map { [$0] } }
        var result: [[SourceRange]] = []
        var current: [SourceRange] = []
        for (k, line) in block.enumerated() {
            if indented[k], !current.isEmpty { result.append(current); current = [] }
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
        // Written as UTF-8 in one go, its length counted first: appending scalars to a String
        // one at a time costs several times more.
        let scalars = text.scalars[range.start..<range.end]
        var length = 0
        for c in scalars { length += c.value < 0x80 || Scalars.isSpace(c) ? 1 : c.value < 0x800 ? 2 : c.value < 0x10000 ? 3 : 4 }
        let paragraph = String(unsafeUninitializedCapacity: length) { buf in
            var k = 0
            for c in scalars {
                if c.value < 0x80 {
                    buf[k] = Scalars.isSpace(c) ? 0x20 : UInt8(truncatingIfNeeded: c.value); k += 1
                } else if Scalars.isSpace(c) {
                    buf[k] = 0x20; k += 1
                } else {
                    for b in c.utf8 { buf[k] = b; k += 1 }
                }
            }
            return k
        }
        // One scalar written for each one read.
        return Paragraph(text: paragraph, start: range.start, scalarCount: range.length)
    }
}
