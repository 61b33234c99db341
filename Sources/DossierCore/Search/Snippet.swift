/// A short excerpt around a match, for one-line results.
public enum Snippet {
    public static func around(_ range: SourceRange, in article: Article, context: Int = 40) -> String {
        guard let pi = article.paragraphIndex(containing: range.start) else { return "" }
        let p = article.paragraphs[pi]
        // Walk to the window instead of copying the paragraph's scalars: one call per hit.
        let view = p.text.unicodeScalars
        let a = max(0, range.start - p.start - context), b = min(p.scalarCount, range.end - p.start + context)
        let lo = view.index(view.startIndex, offsetBy: a), hi = view.index(lo, offsetBy: b - a)
        var s = String(view[lo..<hi])
        if a > 0 { s = "…" + s }
        if b < p.scalarCount { s += "…" }
        return s
    }
}
