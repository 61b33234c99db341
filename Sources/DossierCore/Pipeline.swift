import Foundation

/// Parses one document on its own: cleaning, quotes, dates. Pure; safe to run on many threads.
public enum ArticleParser {
    public static func parse(_ doc: RawDocument) -> Article { parse(doc, findings: true) }

    /// `findings: false` leaves out quotes and dated events, for callers that only match the story text.
    public static func parse(_ doc: RawDocument, findings: Bool) -> Article {
        parse(doc, findings: findings) { _ in }
    }

    /// The article and its event profile, which reads the tokens and date expressions of its
    /// paragraphs that the date tagger has just read (a cold load keeps the profile).
    static func parseWithProfile(_ doc: RawDocument) -> (Article, EventProfile) {
        var found: [DateTagger.Found] = []
        let article = parse(doc, findings: true) { found = $0 }
        return (article, EventProfile(article, found: found))
    }

    /// Only what a search of the text reads: the cleaned story and the document's metadata,
    /// with no publication date, quotes, events or line numbers (a cold `search -l` confirms
    /// a file's first candidate with it).
    static func story(_ doc: RawDocument) -> Article {
        let text = SourceText(doc.text)
        let clean = cleaned(doc, text)
        return Article(id: doc.id, path: doc.path, title: clean.title, paragraphs: clean.paragraphs, boilerplate: clean.boilerplate,
                       metadata: doc.metadata.merging(clean.metadata) { a, _ in a }, sourceLength: text.count)
    }

    /// The story without page furniture, its paragraphs cut to a bounded length.
    private static func cleaned(_ doc: RawDocument, _ text: SourceText) -> CleanText {
        var clean: CleanText
        if text.count > AnalysisBudget.maxCleanScalars {
            // Far longer than any article: keep it readable as plain paragraphs, unfiltered.
            let blocks = Segmenter.paragraphs(text, lines: text.lines(from: doc.bodyStart))
            clean = CleanText(title: doc.title, paragraphs: blocks.compactMap { Segmenter.paragraph(text, lines: $0) },
                              metadata: ["cleaning": "skipped: \(text.count) characters is longer than any article; shown as plain text"])
        } else {
            clean = Cleaner.clean(text, bodyStart: doc.bodyStart, givenTitle: doc.title)
        }
        clean.paragraphs = ParagraphLimit.split(clean.paragraphs)
        return clean
    }

    /// `tagged` is handed the paragraphs as the date tagger read them.
    private static func parse(_ doc: RawDocument, findings: Bool, tagged: ([DateTagger.Found]) -> Void) -> Article {
        let text = SourceText(doc.text)
        let clean = cleaned(doc, text)
        var metadata = doc.metadata
        metadata.merge(clean.metadata) { a, _ in a }
        let analysed = AnalysisBudget.prefix(clean.paragraphs)
        var budgeted = clean
        budgeted.paragraphs = analysed
        let published = PublicationDating.date(doc: doc, clean: budgeted)
        if analysed.count < clean.paragraphs.count {
            metadata["analysis"] = "quotes and dates read from the first \(AnalysisBudget.maxScalars) characters only (the text is \(text.count) long)"
        }
        // Both readers work on the paragraphs' scalars: made once for the two.
        let scalars = findings ? analysed.map { Scalars.array($0.text) } : []
        let found = findings ? zip(analysed, scalars).map { DateTagger.Found($0, scalars: $1) } : []
        tagged(found)
        var article = Article(
            id: doc.id, path: doc.path, title: clean.title, published: published,
            paragraphs: clean.paragraphs, boilerplate: clean.boilerplate,
            quotes: findings ? QuoteExtractor.extract(analysed, scalars: scalars) : [],
            events: findings ? DateTagger.events(found: found, reference: published) : [],
            metadata: metadata, sourceLength: text.count)
        article.lineStarts = [0] + text.lines().dropFirst().map { Int32($0.start) }
        return article
    }
}

/// Joins parsed articles into a corpus: cross-article facts (dates inferred from other
/// articles, canonical speakers, statements linked across outlets), then timeline order.
public enum CorpusBuilder {
    public static func build(_ parsed: [Article], problems: [LoadProblem] = []) -> Corpus {
        var articles = parsed
        return build(consuming: &articles, problems: problems)
    }

    /// The same, taking the caller's array (left empty): when it holds the only copy of each
    /// article, the plan is applied in place rather than copying their quotes.
    public static func build(consuming parsed: inout [Article], problems: [LoadProblem] = []) -> Corpus {
        var articles: [Article] = []
        swap(&articles, &parsed)
        var facts = CorpusFacts()
        for f in ParallelMap.map(articles) { ArticleFacts($0) } { facts.add(f) }
        let plan = facts.plan { [articles] in articles[$0] }
        for i in articles.indices { plan.apply(&articles[i], number: i) }
        articles = plan.order.map { articles[$0] }
        return Corpus(articles: articles, speakers: plan.speakers, links: plan.links, problems: problems, searchIndex: plan.index)
    }

    /// By publication date (unknown last), then id.
    public static func timelineOrder(_ a: Article, _ b: Article) -> Bool {
        timelineOrder((a.published.date, a.id), (b.published.date, b.id))
    }

    static func timelineOrder(_ a: (date: PartialDate?, id: String), _ b: (date: PartialDate?, id: String)) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?): return x != y ? x < y : a.id < b.id
        case (_?, nil): return true
        case (nil, _?): return false
        case (nil, nil): return a.id < b.id
        }
    }

    /// Loads and parses everything under `paths` on all cores, then indexes it for search.
    /// Files are read and parsed a batch at a time so raw text never piles up in memory.
    public static func load(paths: [String]) -> Corpus { load(SourceListing(paths: paths)) }

    /// The same for a listing, reporting (articles done, expected) as it goes; the expected
    /// total is estimated from the bytes read so far.
    static func load(_ listing: SourceListing, progress: @Sendable (Int, Int) -> Void = { _, _ in }) -> Corpus {
        var articles: [Article] = []
        var problems: [LoadProblem] = []  // the first batch brings the listing's own
        let total = max(1, listing.files.reduce(Int64(0)) { $0 + $1.size })
        var bytesRead: Int64 = 0
        for batch in SourceFiles.batches(listing) {
            let loaded = batch.load()
            problems += loaded.problems
            bytesRead += batch.files.reduce(0) { $0 + $1.size }
            let offset = articles.count
            let seen = offset + loaded.documents.count
            let expected = max(seen, Int(Double(seen) * Double(total) / Double(max(1, bytesRead))))
            articles += parseAll(loaded.documents) { n, _ in progress(offset + n, expected) }
        }
        let corpus = build(consuming: &articles, problems: problems)
        progress(corpus.articles.count, corpus.articles.count)
        return corpus
    }

    /// Parses documents on all cores, keeping their order.
    public static func parseAll(_ docs: [RawDocument]) -> [Article] {
        parseAll(docs, progress: { _, _ in })
    }

    /// Parses documents on all cores, keeping their order, and reports (done, total) after
    /// every small batch from whichever thread finished it. The workers run at a lower
    /// priority (nice 10) so that a reader drawing and searching meanwhile stays responsive.
    public static func parseAll(_ docs: [RawDocument], progress: @Sendable (Int, Int) -> Void) -> [Article] {
        parseAll(docs, progress: progress, parse: { ArticleParser.parse($0) })
    }

    /// The same with the parse of each document given (a cold load also takes what later
    /// stages need of each article, on the thread that parsed it), and `meanwhile` run on the
    /// calling thread while the workers parse (a cold load adds the slice before to its facts).
    static func parseAll<T>(_ docs: [RawDocument], progress: @Sendable (Int, Int) -> Void, parse: (RawDocument) -> T,
                            meanwhile: () -> Void = {}) -> [T] {
        let results = ResultBox<T>(count: docs.count)
        let batch = 64
        let batches = (docs.count + batch - 1) / batch
        let next = Counter(), done = Counter()
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, batches))
        withoutActuallyEscaping(progress) { progress in
            withoutActuallyEscaping(parse) { parse in
                let parse = Unchecked(parse)
                Workers.run(count: workers, meanwhile: meanwhile) {
                    // On Linux this lowers the calling thread only.
                    setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
                    while true {
                        let b = next.add(1) - 1
                        guard b < batches else { break }
                        let lo = b * batch, hi = min(docs.count, lo + batch)
                        for i in lo..<hi { results.set(i, parse.value(docs[i])) }
                        progress(done.add(hi - lo), docs.count)
                    }
                }
            }
        }
        return results.values
    }
}

/// A value handed to worker threads that only read it (a pure function, an input buffer).
struct Unchecked<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}

/// Threads of our own (not the shared dispatch pool, whose priority must not change).
enum Workers {
    final class Job { let work: () -> Void; init(_ w: @escaping () -> Void) { work = w } }

    /// Runs `work` on `count` new threads, and `meanwhile` on the caller's, and returns when all have ended.
    static func run(count: Int, meanwhile: () -> Void = {}, _ work: @escaping @Sendable () -> Void) {
        var threads: [pthread_t] = []
        for _ in 0..<count {
            var t = pthread_t()
            let job = Unmanaged.passRetained(Job(work)).toOpaque()
            let started = pthread_create(&t, nil, { ctx in
                Unmanaged<Job>.fromOpaque(ctx!).takeRetainedValue().work()
                return nil
            }, job)
            if started == 0 { threads.append(t) } else { Unmanaged<Job>.fromOpaque(job).takeRetainedValue().work() }
        }
        meanwhile()
        for t in threads { pthread_join(t, nil) }
    }
}

/// Steps done one after another, in the order given, on a thread of their own while the caller
/// goes on: a cold load hands it each parsed slice to write, and parses the next slice
/// meanwhile, so that no core waits for that serial step. `submit` waits
/// until the step before is done, so at most one slice is held beyond the one being parsed.
/// Its thread runs at the workers' lower priority (nice 10).
final class SerialStage: @unchecked Sendable {
    private let condition = NSCondition()
    /// The step handed over and not yet done (at most one).
    private var step: (() throws -> Void)?
    private var closed = false, joined = false
    private var failure: (any Error)?
    private var thread = pthread_t()
    private var started = false

    init() {
        let me = Unmanaged.passRetained(self).toOpaque()
        started = pthread_create(&thread, nil, { ctx in
            let stage = Unmanaged<SerialStage>.fromOpaque(ctx!).takeRetainedValue()
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            stage.drain()
            return nil
        }, me) == 0
        if !started { Unmanaged<SerialStage>.fromOpaque(me).release() }
    }

    /// Queues `step`; throws the error of an earlier step instead (the rest is then not worth doing).
    func submit(_ step: @escaping () throws -> Void) throws {
        guard started else {
            // No thread to be had: the step runs here, with the same rule for failures.
            if let failure { throw failure }
            do { try step() } catch { failure = error; throw error }
            return
        }
        condition.lock()
        defer { condition.unlock() }
        while self.step != nil, failure == nil { condition.wait() }
        if let failure { throw failure }
        self.step = step
        condition.broadcast()
    }

    /// Waits for the last step; throws the first error a step threw.
    func finish() throws {
        close()
        if let failure { throw failure }
    }

    /// Ends the thread once the last step is done (also on the caller's way out by an error).
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        let join = started && !joined
        joined = true
        condition.unlock()
        if join { pthread_join(thread, nil) }
    }

    private func drain() {
        while true {
            condition.lock()
            while step == nil, !closed { condition.wait() }
            guard let work = step else { condition.unlock(); return }
            condition.unlock()
            var thrown: (any Error)?
            do { try work() } catch { thrown = error }
            condition.lock()
            if failure == nil { failure = thrown }
            step = nil
            condition.broadcast()
            condition.unlock()
        }
    }
}

/// Maps pure per-item work over both cores, keeping order (the corpus-wide build stages, the
/// files of a cold search).
enum ParallelMap {
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        let n = items.count
        guard n > 1 else { return items.map(transform) }
        let out = Slots<R>(count: n)
        withoutActuallyEscaping(transform) { transform in
            let f = Unchecked(transform)
            items.withUnsafeBufferPointer { buf in
                let input = Unchecked(buf)
                DispatchQueue.concurrentPerform(iterations: n) { i in out.put(i, f.value(input.value[i])) }
            }
        }
        return out.take()
    }

    /// Each slot is written by exactly one iteration, so no lock is needed.
    private final class Slots<R>: @unchecked Sendable {
        let base: UnsafeMutablePointer<R>
        let count: Int
        init(count: Int) { self.count = count; base = .allocate(capacity: count) }
        func put(_ i: Int, _ value: R) { (base + i).initialize(to: value) }
        func take() -> [R] {
            let result = Array(UnsafeBufferPointer(start: base, count: count))
            base.deinitialize(count: count)
            base.deallocate()
            return result
        }
    }
}

/// A thread-safe running total.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func add(_ n: Int) -> Int { lock.lock(); defer { lock.unlock() }; value += n; return value }
}

/// Collects results written from many threads at distinct indexes.
final class ResultBox<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ a: T) { lock.lock(); storage[i] = a; lock.unlock() }
    var values: [T] { storage.compactMap { $0 } }
}

/// How much of one article the quote and date stages read. News articles are far shorter; the
/// bound keeps a hostile multi-megabyte file from stalling the corpus. The whole text is still
/// shown and searched.
enum AnalysisBudget {
    static let maxScalars = 500_000
    /// Longer texts are not cleaned of page furniture (no page is this long).
    static let maxCleanScalars = 2_000_000

    static func prefix(_ paragraphs: [Paragraph]) -> [Paragraph] {
        var used = 0
        var n = 0
        for p in paragraphs {
            used += p.scalarCount
            if used > maxScalars { break }
            n += 1
        }
        return n == paragraphs.count ? paragraphs : Array(paragraphs.prefix(n))
    }
}

/// Splits paragraphs longer than any real one (a one-line file of megabytes) into pieces at
/// sentence ends or spaces, so that every later stage works on bounded paragraphs and the whole
/// parse stays linear in the size of the text.
enum ParagraphLimit {
    static let maxScalars = 4_000

    static func split(_ paragraphs: [Paragraph]) -> [Paragraph] {
        guard paragraphs.contains(where: { $0.scalarCount > maxScalars }) else { return paragraphs }
        var out: [Paragraph] = []
        for p in paragraphs {
            guard p.scalarCount > maxScalars else { out.append(p); continue }
            let scalars = Array(p.text.unicodeScalars)
            var start = 0
            while start < scalars.count {
                var end = min(scalars.count, start + maxScalars)
                if end < scalars.count {
                    let floor = start + maxScalars / 2
                    var cut = end
                    while cut > floor, !(Scalars.isSpace(scalars[cut - 1]) && cut >= 2 && ".!?".unicodeScalars.contains(scalars[cut - 2])) { cut -= 1 }
                    if cut == floor {
                        cut = end
                        while cut > floor, !Scalars.isSpace(scalars[cut - 1]) { cut -= 1 }
                    }
                    if cut > floor { end = cut }
                }
                var a = start, b = end
                while a < b, Scalars.isSpace(scalars[a]) { a += 1 }
                while b > a, Scalars.isSpace(scalars[b - 1]) { b -= 1 }
                if b > a { out.append(Paragraph(text: Scalars.string(scalars[a..<b]), start: p.start + a)) }
                start = end
            }
        }
        return out
    }
}
