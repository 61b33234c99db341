import Foundation

/// What the timeline, filters and speaker jumps need of an article, without its text. A
/// reader over a cached corpus holds only these for every article and reads an article's
/// text when it is shown or searched.
public struct ArticleSummary: Hashable, Sendable {
    public var id: String
    public var displayTitle: String
    public var published: Publication
    /// `metadata["story"]` (groups versions of one story), `["source"]` and `["url"]` (the
    /// `file:` filter).
    public var story: String?, source: String?, url: String?
    /// The speaker of each quote, in quote order (nil: nobody named).
    public var quoteSpeakers: [String?]
    /// The date of each dated event, in event order.
    public var eventDates: [PartialDate]

    public init(id: String, displayTitle: String, published: Publication, story: String? = nil, source: String? = nil,
                url: String? = nil, quoteSpeakers: [String?] = [], eventDates: [PartialDate] = []) {
        self.id = id; self.displayTitle = displayTitle; self.published = published
        self.story = story; self.source = source; self.url = url
        self.quoteSpeakers = quoteSpeakers; self.eventDates = eventDates
    }

    public init(_ a: Article) {
        self.init(id: a.id, displayTitle: a.displayTitle, published: a.published, story: a.metadata["story"],
                  source: a.metadata["source"], url: a.metadata["url"], quoteSpeakers: a.quotes.map(\.speaker),
                  eventDates: a.events.map(\.date))
    }
}

/// Where the articles of a large corpus are read from one at a time (a memory-mapped cache).
public protocol ArticleSource: Sendable {
    var count: Int { get }
    func summary(_ i: Int) -> ArticleSummary
    /// The whole article; one that cannot be read comes back with the summary's facts and a
    /// note in its metadata.
    func article(_ i: Int) -> Article
    /// The story text only (no quotes, events or furniture), for matching.
    func story(_ i: Int) -> Article
}

/// The articles of a corpus: an array, or a source that reads each article when asked, so a
/// corpus of 100,000 articles keeps its summaries in memory rather than all of its text.
/// Indexing it gives the whole article either way.
public struct ArticleStore: RandomAccessCollection, Sendable {
    enum Backing: Sendable {
        case memory([Article])
        case source(any ArticleSource)
    }
    let backing: Backing
    let ids = IDTable()
    let speakers = SpeakerTable()
    let events = EventTable()

    public init(_ articles: [Article] = []) { backing = .memory(articles) }
    public init(source: any ArticleSource) { backing = .source(source) }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch backing {
        case .memory(let a): return a.count
        case .source(let s): return s.count
        }
    }

    public subscript(i: Int) -> Article {
        switch backing {
        case .memory(let a): return a[i]
        case .source(let s): return s.article(i)
        }
    }

    public func summary(_ i: Int) -> ArticleSummary {
        switch backing {
        case .memory(let a): return ArticleSummary(a[i])
        case .source(let s): return s.summary(i)
        }
    }

    public func published(_ i: Int) -> Publication {
        switch backing {
        case .memory(let a): return a[i].published
        case .source(let s): return s.summary(i).published
        }
    }

    public func id(_ i: Int) -> String {
        switch backing {
        case .memory(let a): return a[i].id
        case .source(let s): return s.summary(i).id
        }
    }

    /// The article with at least its story text (quotes and events may be left out).
    public func story(_ i: Int) -> Article {
        switch backing {
        case .memory(let a): return a[i]
        case .source(let s): return s.story(i)
        }
    }

    /// True when articles are read from disk as they are asked for.
    public var isOnDemand: Bool {
        if case .source = backing { return true }
        return false
    }

    /// The index of the article with this id, if any (the first, should two share it).
    public func index(ofID id: String) -> Int? { ids.index(of: id, in: self) }

    /// Every quote of `speaker` in corpus order.
    public func quoteRefs(of speaker: String) -> [QuoteRef] { speakers.refs(of: speaker, in: self) }

    /// Every dated event by date, then article, then event.
    public func eventsByDate() -> [EventRef] { events.sorted(in: self) }

    /// Builds the table of quotes by speaker now (the reader does, in the background, once
    /// the corpus has loaded), so that no key waits for it.
    public func prepare() { _ = quoteRefs(of: "") }
}

/// Points at one dated event of one article.
public struct EventRef: Hashable, Sendable {
    public var date: PartialDate
    public var article: Int32, event: Int32
}

/// Every event of the corpus in date order, sorted the first time the timeline shows events,
/// so that showing them again (or under another filter) merges instead of sorting.
final class EventTable: @unchecked Sendable {
    private var table: [EventRef]?
    private let lock = NSLock()

    func sorted(in store: ArticleStore) -> [EventRef] {
        lock.lock(); defer { lock.unlock() }
        if let table { return table }
        var t: [EventRef] = []
        for i in store.indices {
            for (e, date) in store.summary(i).eventDates.enumerated() { t.append(EventRef(date: date, article: Int32(i), event: Int32(e))) }
        }
        t.sort { ($0.date, $0.article, $0.event) < ($1.date, $1.article, $1.event) }
        table = t
        return t
    }
}

/// Quotes by speaker, built the first time a speaker is asked for, so that jumping to a
/// speaker's next quote does not walk every article.
final class SpeakerTable: @unchecked Sendable {
    private var table: [String: [QuoteRef]]?
    private let lock = NSLock()

    func refs(of speaker: String, in store: ArticleStore) -> [QuoteRef] {
        lock.lock(); defer { lock.unlock() }
        if table == nil {
            var t: [String: [QuoteRef]] = [:]
            for i in store.indices {
                for (q, name) in store.summary(i).quoteSpeakers.enumerated() {
                    if let name { t[name, default: []].append(QuoteRef(article: i, quote: q)) }
                }
            }
            table = t
        }
        return table![speaker] ?? []
    }
}

/// Article ids to indexes, built the first time one is looked up (marks and a reload ask
/// by id; most runs never do).
final class IDTable: @unchecked Sendable {
    private var table: [String: Int]?
    private let lock = NSLock()

    func index(of id: String, in store: ArticleStore) -> Int? {
        lock.lock(); defer { lock.unlock() }
        if table == nil {
            var t = [String: Int](minimumCapacity: store.count)
            for i in store.indices.reversed() { t[store.id(i)] = i }
            table = t
        }
        return table![id]
    }
}
