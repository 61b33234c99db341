import Foundation

/// A person or body quoted in the corpus, with every name the text uses for them.
public struct Speaker: Hashable, Codable, Sendable {
    public var name: String
    /// Title or role seen with the name ("NATO Secretary-General").
    public var role: String?
    public var aliases: [String]
    public var quotes: Int
    public var reported: Int
    public init(name: String, role: String? = nil, aliases: [String] = [], quotes: Int = 0, reported: Int = 0) {
        self.name = name; self.role = role; self.aliases = aliases; self.quotes = quotes; self.reported = reported
    }
}

/// Points at one quote of one article.
public struct QuoteRef: Hashable, Codable, Sendable {
    public var article: Int
    public var quote: Int
    public init(article: Int, quote: Int) { self.article = article; self.quote = quote }
}

/// Quotes in different articles that are the same statement.
public struct StatementLink: Hashable, Codable, Sendable {
    public var a: QuoteRef
    public var b: QuoteRef
    /// 0…1: how alike the two texts are.
    public var similarity: Double
    public init(a: QuoteRef, b: QuoteRef, similarity: Double) { self.a = a; self.b = b; self.similarity = similarity }
}

/// Something that could not be read, said in one line.
public struct LoadProblem: Hashable, Codable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) { self.path = path; self.message = message }
    public var description: String { "\(path): \(message)" }
}

/// Everything Dossier knows about a set of articles.
public struct Corpus: Sendable {
    /// Articles ordered by publication date (unknown dates last), then id.
    public var articles: ArticleStore
    public var speakers: [Speaker]
    /// Set once: `linkLookup` is built from them.
    public private(set) var links: [StatementLink]
    /// Finds the links of one quote without a scan over all of them (the reader asks per frame).
    public let linkLookup: LinkLookup
    public var problems: [LoadProblem]
    /// Word postings over `articles` for fast search; nil until built (see `SearchIndex`).
    public var searchIndex: SearchIndex?
    public init(articles: [Article] = [], speakers: [Speaker] = [], links: [StatementLink] = [], problems: [LoadProblem] = [],
                searchIndex: SearchIndex? = nil) {
        self.init(store: ArticleStore(articles), speakers: speakers, links: links, problems: problems, searchIndex: searchIndex)
    }

    public init(store: ArticleStore, speakers: [Speaker] = [], links: [StatementLink] = [], problems: [LoadProblem] = [],
                searchIndex: SearchIndex? = nil) {
        self.articles = store; self.speakers = speakers; self.links = links; self.problems = problems
        self.linkLookup = LinkLookup(links)
        self.searchIndex = searchIndex
    }
}

/// The statements linked to one quote. Until `prepare()` has run this scans every link; after,
/// it is two binary searches over permutations of the links sorted by either quote (4 bytes a
/// link). The reader prepares it in the background once the corpus has loaded, so neither the
/// start nor a frame waits for the sort.
public final class LinkLookup: @unchecked Sendable {
    private let links: [StatementLink]
    private var byFirst: [Int32] = [], bySecond: [Int32] = []
    private var ready = false
    private let lock = NSLock()

    init(_ links: [StatementLink]) { self.links = links }

    public func prepare() {
        lock.lock(); let done = ready; lock.unlock()
        guard !done, links.count < Int(Int32.max) else { return }
        func order(_ r: QuoteRef) -> (Int, Int) { (r.article, r.quote) }
        let first = (0..<Int32(links.count)).sorted { order(links[Int($0)].a) < order(links[Int($1)].a) }
        let second = (0..<Int32(links.count)).sorted { order(links[Int($0)].b) < order(links[Int($1)].b) }
        lock.lock(); byFirst = first; bySecond = second; ready = true; lock.unlock()
    }

    public func linked(to quote: QuoteRef) -> [QuoteRef] {
        lock.lock(); let done = ready; lock.unlock()
        guard done else { return links.compactMap { $0.a == quote ? $0.b : ($0.b == quote ? $0.a : nil) } }
        return matches(in: byFirst, side: \.a, other: \.b, quote) + matches(in: bySecond, side: \.b, other: \.a, quote)
    }

    private func matches(in perm: [Int32], side: KeyPath<StatementLink, QuoteRef>, other: KeyPath<StatementLink, QuoteRef>, _ q: QuoteRef) -> [QuoteRef] {
        var lo = 0, hi = perm.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let r = links[Int(perm[mid])][keyPath: side]
            if (r.article, r.quote) < (q.article, q.quote) { lo = mid + 1 } else { hi = mid }
        }
        var out: [QuoteRef] = []
        while lo < perm.count, links[Int(perm[lo])][keyPath: side] == q { out.append(links[Int(perm[lo])][keyPath: other]); lo += 1 }
        return out
    }
}
