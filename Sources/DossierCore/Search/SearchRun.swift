import Dispatch

/// An incremental search that scans its candidate articles a slice at a time, so that a
/// keystroke is answered within a time budget with the first hits and the rest are found on
/// later ticks. Hits are always in corpus order, so the first ones never move.
public struct SearchRun: Sendable {
    public let query: SearchQuery
    /// Hits found so far, in corpus order.
    public private(set) var hits: [SearchHit] = []
    /// Candidate articles (indexes into `Corpus.articles`), in corpus order.
    public let candidates: [Int]
    /// How many candidates have been scanned.
    public private(set) var scanned = 0
    public var complete: Bool { scanned == candidates.count }

    /// Picks the candidates with the corpus's index (every article without one).
    public init(_ corpus: Corpus, _ query: SearchQuery) {
        self.query = query
        candidates = Search.candidates(in: corpus, query)
    }

    /// Scans on until `deadline` passes or the candidates run out; returns whether hits were added.
    @discardableResult
    public mutating func advance(in corpus: Corpus, until deadline: DispatchTime) -> Bool {
        let before = hits.count
        while scanned < candidates.count {
            let i = candidates[scanned]
            scanned += 1
            for r in Search.matches(at: i, in: corpus.articles, query) { hits.append(SearchHit(article: i, range: r)) }
            if DispatchTime.now() >= deadline { break }
        }
        return hits.count > before
    }

    /// Scans everything that is left.
    /// Scans at most `limit` more candidates (a deterministic slice, for the reader's reducer).
    @discardableResult
    public mutating func advance(in corpus: Corpus, articles limit: Int) -> Bool {
        let before = hits.count
        let stop = min(candidates.count, scanned + max(1, limit))
        while scanned < stop {
            let i = candidates[scanned]
            scanned += 1
            for r in Search.matches(at: i, in: corpus.articles, query) { hits.append(SearchHit(article: i, range: r)) }
        }
        return hits.count > before
    }

    public mutating func finish(in corpus: Corpus) {
        advance(in: corpus, until: .distantFuture)
    }
}
