/// A match of a search in one article.
public struct SearchHit: Hashable, Sendable {
    /// Index into `Corpus.articles`.
    public var article: Int
    public var range: SourceRange
    public init(article: Int, range: SourceRange) { self.article = article; self.range = range }
}

/// Matching with the folding rules of `TextFolding`, applied to paragraphs and titles.
public enum Search {
    /// True when the article passes the query's filters (speaker, date range, file).
    public static func accepts(_ article: Article, _ q: SearchQuery) -> Bool {
        if let f = q.file {
            let needle = TextFolding.fold(f, keepCase: false)
            let hay = TextFolding.fold(article.id + " " + (article.metadata["source"] ?? "") + " " + (article.metadata["url"] ?? ""), keepCase: false)
            if find(needle, in: hay, from: 0) == nil { return false }
        }
        if let from = q.dateFrom {
            guard let d = article.published.date else { return false }
            let to = q.dateTo ?? from
            if !(covers(from, d, lower: true) && covers(to, d, lower: false)) { return false }
        }
        if let s = q.speaker {
            let needle = TextFolding.fold(s, keepCase: false)
            let ok = article.quotes.contains { quote in
                guard let name = quote.speaker else { return false }
                return find(needle, in: TextFolding.fold(name, keepCase: false), from: 0) != nil
            }
            if !ok { return false }
        }
        return true
    }

    /// Is `d` on the right side of a bound given at any precision?
    static func covers(_ bound: PartialDate, _ d: PartialDate, lower: Bool) -> Bool {
        let a = (d.year, d.month ?? (lower ? 12 : 1), d.day ?? (lower ? 31 : 1))
        let b = (bound.year, bound.month ?? (lower ? 1 : 12), bound.day ?? (lower ? 1 : 31))
        return lower ? a >= b : a <= b
    }

    /// Every occurrence of every term in the article's story text, in source order. Empty when
    /// the article misses a term or fails a filter.
    public static func matches(in article: Article, _ q: SearchQuery) -> [SourceRange] {
        guard accepts(article, q), !q.terms.isEmpty else { return [] }
        var ranges: [SourceRange] = []
        for term in q.terms {
            let needle = TextFolding.fold(term, keepCase: q.caseSensitive)
            guard !needle.isEmpty else { continue }
            var found = false
            for p in article.paragraphs {
                let hay = TextFolding.fold(p.text, keepCase: q.caseSensitive)
                var from = 0
                while let at = find(needle, in: hay, from: from) {
                    ranges.append(SourceRange(p.start + at, p.start + at + needle.count))
                    found = true
                    from = at + max(1, needle.count)
                }
            }
            if !found { return [] }
        }
        return ranges.sorted()
    }

    /// All hits across the corpus, in corpus order.
    public static func hits(in corpus: Corpus, _ q: SearchQuery) -> [SearchHit] {
        var out: [SearchHit] = []
        for (i, a) in corpus.articles.enumerated() {
            for r in matches(in: a, q) { out.append(SearchHit(article: i, range: r)) }
        }
        return out
    }

    public static func find(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count, from <= hay.count - needle.count else { return nil }
        let first = needle[0]
        var i = from
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
