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
        accepts(id: article.id, source: article.metadata["source"], url: article.metadata["url"], date: article.published.date,
                speakers: article.quotes.lazy.map(\.speaker), q)
    }

    public static func accepts(_ article: ArticleSummary, _ q: SearchQuery) -> Bool {
        accepts(id: article.id, source: article.source, url: article.url, date: article.published.date, speakers: article.quoteSpeakers, q)
    }

    static func accepts(id: String, source: String?, url: String?, date: PartialDate?, speakers: some Sequence<String?>,
                        _ q: SearchQuery) -> Bool {
        if let f = q.file {
            let needle = TextFolding.fold(f, keepCase: false)
            let hay = TextFolding.fold(id + " " + (source ?? "") + " " + (url ?? ""), keepCase: false)
            if find(needle, in: hay, from: 0) == nil { return false }
        }
        if let from = q.dateFrom {
            guard let d = date else { return false }
            let to = q.dateTo ?? from
            if !(covers(from, d, lower: true) && covers(to, d, lower: false)) { return false }
        }
        if let s = q.speaker {
            let needle = TextFolding.fold(s, keepCase: false)
            let ok = speakers.contains { speaker in
                guard let name = speaker else { return false }
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
        guard !q.terms.isEmpty, accepts(article, q) else { return [] }
        return textMatches(in: article, q)
    }

    /// The same for article `i` of a store: the filters read its summary, so an article read
    /// from disk is read only when it passes them, and then only its story text.
    public static func matches(at i: Int, in articles: ArticleStore, _ q: SearchQuery) -> [SourceRange] {
        guard articles.isOnDemand else { return matches(in: articles[i], q) }
        guard !q.terms.isEmpty, accepts(articles.summary(i), q) else { return [] }
        return textMatches(in: articles.story(i), q)
    }

    /// Every occurrence of every term in the story text, filters aside.
    static func textMatches(in article: Article, _ q: SearchQuery) -> [SourceRange] {
        // Fold the story once for all terms; `starts[i]` is where paragraph i begins in `hay`.
        var hay: [UInt32] = []
        hay.reserveCapacity(article.sourceLength)
        var starts: [Int] = []
        starts.reserveCapacity(article.paragraphs.count + 1)
        for p in article.paragraphs {
            starts.append(hay.count)
            TextFolding.fold(p.text, keepCase: q.caseSensitive, into: &hay)
        }
        starts.append(hay.count)
        var ranges: [SourceRange] = []
        var needle: [UInt32] = []
        for term in q.terms {
            needle.removeAll(keepingCapacity: true)
            TextFolding.fold(term, keepCase: q.caseSensitive, into: &needle)
            guard !needle.isEmpty else { continue }
            var found = false
            hay.withUnsafeBufferPointer { h in
                needle.withUnsafeBufferPointer { n in
                    for (i, p) in article.paragraphs.enumerated() {
                        var from = starts[i]
                        let end = starts[i + 1]
                        while let at = find(n, in: h, from: from, end: end) {
                            let offset = p.start + at - starts[i]
                            ranges.append(SourceRange(offset, offset + n.count))
                            found = true
                            from = at + n.count
                        }
                    }
                }
            }
            if !found { return [] }
        }
        return ranges.sorted()
    }

    /// First index at or after `from` where `needle` stands wholly before `end`.
    static func find(_ needle: UnsafeBufferPointer<UInt32>, in hay: UnsafeBufferPointer<UInt32>, from: Int, end: Int) -> Int? {
        let n = needle.count
        guard n > 0, end - from >= n else { return nil }
        let first = needle[0]
        var i = from
        let last = end - n
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < n, hay[i + k] == needle[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    /// Articles that may match, in corpus order: the index's answer when it covers the corpus.
    public static func candidates(_ index: SearchIndex, _ query: SearchQuery) -> [Int] {
        index.candidates(query)
    }

    /// The same for a corpus: every article when it has no index (or one of another corpus).
    public static func candidates(in corpus: Corpus, _ query: SearchQuery) -> [Int] {
        if let index = corpus.searchIndex, index.articleCount == corpus.articles.count { return index.candidates(query) }
        return query.terms.isEmpty ? [] : Array(corpus.articles.indices)
    }

    /// All hits across the corpus, in corpus order.
    public static func hits(in corpus: Corpus, _ q: SearchQuery) -> [SearchHit] {
        firstHits(in: corpus, q, limit: .max).hits
    }

    /// Hits in corpus order, stopping once `limit` are found (an incremental search can show
    /// the first screenful at once); `complete` is false when it stopped early.
    public static func firstHits(in corpus: Corpus, _ q: SearchQuery, limit: Int) -> (hits: [SearchHit], complete: Bool) {
        let articles = candidates(in: corpus, q)
        var out: [SearchHit] = []
        for i in articles {
            for r in matches(at: i, in: corpus.articles, q) { out.append(SearchHit(article: i, range: r)) }
            if out.count >= limit { return (out, false) }
        }
        return (out, true)
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
