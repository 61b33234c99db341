import Foundation

/// Parses one document on its own: cleaning, quotes, dates. Pure; safe to run on many threads.
public enum ArticleParser {
    public static func parse(_ doc: RawDocument) -> Article {
        let text = SourceText(doc.text)
        let clean = Cleaner.clean(text, bodyStart: doc.bodyStart, givenTitle: doc.title)
        var metadata = doc.metadata
        metadata.merge(clean.metadata) { a, _ in a }
        let published = PublicationDating.date(doc: doc, clean: clean)
        var article = Article(
            id: doc.id, path: doc.path, title: clean.title, published: published,
            paragraphs: clean.paragraphs, boilerplate: clean.boilerplate,
            quotes: QuoteExtractor.extract(clean.paragraphs, title: clean.title),
            events: DateTagger.events(clean.paragraphs, reference: published),
            metadata: metadata, sourceLength: text.count)
        article.lineStarts = [0] + text.lines().dropFirst().map(\.start)
        return article
    }
}

/// Joins parsed articles into a corpus: cross-article facts (dates inferred from other
/// articles, canonical speakers, statements linked across outlets), then timeline order.
public enum CorpusBuilder {
    public static func build(_ parsed: [Article], problems: [LoadProblem] = []) -> Corpus {
        var articles = parsed
        DateInference.infer(&articles)
        let (speakers, _) = SpeakerIndex.resolve(&articles)
        let order = articles.indices.sorted { timelineOrder(articles[$0], articles[$1]) }
        articles = order.map { articles[$0] }
        let links = StatementLinker.links(articles)
        return Corpus(articles: articles, speakers: speakers, links: links, problems: problems)
    }

    /// By publication date (unknown last), then id.
    public static func timelineOrder(_ a: Article, _ b: Article) -> Bool {
        switch (a.published.date, b.published.date) {
        case let (x?, y?): return x != y ? x < y : a.id < b.id
        case (_?, nil): return true
        case (nil, _?): return false
        case (nil, nil): return a.id < b.id
        }
    }

    /// Loads and parses everything under `paths` on all cores, then indexes it for search.
    /// Files are read and parsed a batch at a time so raw text never piles up in memory.
    public static func load(paths: [String]) -> Corpus {
        var articles: [Article] = []
        var problems: [LoadProblem] = []
        for batch in SourceFiles.batches(paths: paths) {
            let loaded = batch.load()
            problems += loaded.problems
            articles += parseAll(loaded.documents)
        }
        var corpus = build(articles, problems: problems)
        corpus.searchIndex = SearchIndex(articles: corpus.articles)
        return corpus
    }

    /// Parses documents on all cores, keeping their order.
    public static func parseAll(_ docs: [RawDocument]) -> [Article] {
        parseAll(docs, progress: { _, _ in })
    }

    /// Parses documents on all cores, keeping their order, and reports (done, total) after
    /// every small batch from whichever thread finished it.
    public static func parseAll(_ docs: [RawDocument], progress: @Sendable (Int, Int) -> Void) -> [Article] {
        let results = ResultBox(count: docs.count)
        let batch = 64
        let batches = (docs.count + batch - 1) / batch
        let done = Counter()
        DispatchQueue.concurrentPerform(iterations: batches) { b in
            let lo = b * batch, hi = min(docs.count, lo + batch)
            for i in lo..<hi { results.set(i, ArticleParser.parse(docs[i])) }
            progress(done.add(hi - lo), docs.count)
        }
        return results.values
    }
}

/// A thread-safe running total.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func add(_ n: Int) -> Int { lock.lock(); defer { lock.unlock() }; value += n; return value }
}

/// Collects results written from many threads at distinct indexes.
final class ResultBox: @unchecked Sendable {
    private var storage: [Article?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ a: Article) { lock.lock(); storage[i] = a; lock.unlock() }
    var values: [Article] { storage.compactMap { $0 } }
}
