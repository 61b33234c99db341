/// A short excerpt around a match, for one-line results.
public enum Snippet {
    public static func around(_ range: SourceRange, in article: Article, context: Int = 40) -> String {
        guard let pi = article.paragraphIndex(containing: range.start) else { return "" }
        let p = article.paragraphs[pi]
        let scalars = Array(p.text.unicodeScalars)
        let a = max(0, range.start - p.start - context), b = min(scalars.count, range.end - p.start + context)
        var s = String(String.UnicodeScalarView(scalars[a..<b]))
        if a > 0 { s = "…" + s }
        if b < scalars.count { s += "…" }
        return s
    }
}
