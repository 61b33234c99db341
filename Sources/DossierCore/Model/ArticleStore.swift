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
    // Built on first use (article ids for marks and reloads; quotes by speaker for jumps;
    // events by date for the timeline), shared by every copy of the store.
    let ids = Once<[String: Int]>()
    let speakerQuotes = Once<[String: [QuoteRef]]>()
    let datedEvents = Once<[EventRef]>()

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
    public func index(ofID id: String) -> Int? { ids.get(buildIDs)[id] }

    /// Every quote of `speaker` in corpus order.
    public func quoteRefs(of speaker: String) -> [QuoteRef] { speakerQuotes.get(buildSpeakerQuotes)[speaker] ?? [] }

    /// Every dated event by date, then article, then event.
    public func eventsByDate() -> [EventRef] { datedEvents.get(buildEventsByDate) }

    /// Builds the table of quotes by speaker now (the reader does, in the background, once
    /// the corpus has loaded), so that no key waits for it.
    public func prepare() { _ = quoteRefs(of: "") }
}

/// Points at one dated event of one article.
public struct EventRef: Hashable, Sendable {
    public var date: PartialDate
    public var article: Int32, event: Int32
}

/// A lookup table built the first time it is asked for (most runs never ask), once, from
/// whichever thread asks first.
final class Once<Value>: @unchecked Sendable {
    private var value: Value?
    private let lock = NSLock()

    func get(_ build: () -> Value) -> Value {
        lock.lock(); defer { lock.unlock() }
        if let value { return value }
        let built = build()
        value = built
        return built
    }
}

extension ArticleStore {
    /// Ids to indexes; the first article wins when two share an id.
    func buildIDs() -> [String: Int] {
        var t = [String: Int](minimumCapacity: count)
        for i in indices.reversed() { t[id(i)] = i }
        return t
    }

    /// Quotes by speaker, each list in corpus order.
    func buildSpeakerQuotes() -> [String: [QuoteRef]] {
        var t: [String: [QuoteRef]] = [:]
        for i in indices {
            for (q, name) in summary(i).quoteSpeakers.enumerated() {
                if let name { t[name, default: []].append(QuoteRef(article: i, quote: q)) }
            }
        }
        return t
    }

    /// Every event by date, then article, then event.
    func buildEventsByDate() -> [EventRef] {
        var t: [EventRef] = []
        for i in indices {
            for (e, date) in summary(i).eventDates.enumerated() { t.append(EventRef(date: date, article: Int32(i), event: Int32(e))) }
        }
        t.sort { ($0.date, $0.article, $0.event) < ($1.date, $1.article, $1.event) }
        return t
    }
}
