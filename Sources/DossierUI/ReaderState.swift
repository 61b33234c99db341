import DossierCore

/// A row of the timeline: an article, or (with events shown) one dated event under it.
public enum TimelineRow: Hashable, Sendable {
    case article(Int)
    case event(article: Int, event: Int)
    public var article: Int {
        switch self {
        case .article(let a), .event(let a, _): return a
        }
    }
}

/// An overlay drawn over the panes; it takes the keys while open.
public enum Overlay: Hashable, Sendable {
    case help
    /// Speakers filtered by what was typed.
    case speakers(filter: String, selection: Int)
    /// Bookmarked articles and starred quotes.
    case marks(selection: Int)
    /// The dropped page furniture and metadata of the current article.
    case details
}

/// A one-line prompt at the bottom (search or filter).
public struct Prompt: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case search, filter }
    public var kind: Kind
    public var text: String
}

/// The active search and where we are in its matches.
public struct SearchState: Sendable {
    public var query: String = ""
    public var hits: [SearchHit] = []
    /// Index into `hits` of the current match, if one is selected.
    public var current: Int?
    /// Matches per article index, for the timeline counts.
    public var perArticle: [Int: Int] = [:]
    /// The scan still under way on a large corpus (nil once every candidate is read).
    public var run: SearchRun?
    /// Hits of `run` already taken into `hits`.
    var taken = 0
    public var inProgress: Bool { run != nil }
}

/// Bookmarked articles and starred quotes, by stable keys (article id, quote offset).
public struct Marks: Hashable, Sendable, Codable {
    public var bookmarks: [String] = []
    public var stars: [StarKey] = []
    public init(bookmarks: [String] = [], stars: [StarKey] = []) { self.bookmarks = bookmarks; self.stars = stars }
    public struct StarKey: Hashable, Sendable, Codable {
        public var article: String
        public var start: Int
        public init(article: String, start: Int) { self.article = article; self.start = start }
    }
}

/// All state of the reader, as one value. `reduce` is the only thing that changes it.
public struct ReaderState: Sendable {
    public var corpus: Corpus
    public var size: Size
    public var focus: PaneID = .timeline
    public var showEvents = false
    public var showFurniture = false
    /// Index into `timelineRows`.
    public var timelineSelection = 0
    public var timelineScroll = 0
    /// Index into `corpus.articles` of the article shown.
    public var currentArticle = 0
    public var articleScroll = 0
    public var quoteSelection = 0
    public var quoteScroll = 0
    /// Text to highlight in the article (the selected quote, or an event's sentence).
    public var highlight: SourceRange?
    public var overlay: Overlay?
    /// First help row shown, when the help does not fit the screen.
    public var helpScroll = 0
    public var prompt: Prompt?
    public var search = SearchState()
    /// The active filter as typed (`speaker:x date:a..b file:y words`).
    public var filter: String = ""
    public var marks = Marks()
    /// A one-off message for the status line (cleared by the next key).
    public var message: String?
    /// Background work in progress: (done, total).
    public var progress: Progress?
    public var shouldQuit = false
    /// Derived from `corpus`, `filter` and `showEvents`; rebuilt by `refreshRows()`.
    public private(set) var timelineRows: [TimelineRow] = []
    /// Articles among the rows (counted when the rows change, not per frame).
    public private(set) var articleCount = 0
    /// Which articles have a row, when a filter hides some (nil: every article has one).
    public private(set) var shownArticles: [Bool]?

    public struct Progress: Hashable, Sendable {
        public var done: Int, total: Int, rate: Double
        public init(done: Int, total: Int, rate: Double) { self.done = done; self.total = total; self.rate = rate }
    }

    public init(corpus: Corpus, size: Size = Size(width: 80, height: 24)) {
        self.corpus = corpus
        self.size = size
        refreshRows()
        if let first = timelineRows.first { currentArticle = first.article }
        selectFirstQuote()
    }

    /// The article shown; none when nothing passes the filter.
    public var article: Article? {
        guard !timelineRows.isEmpty, corpus.articles.indices.contains(currentArticle) else { return nil }
        return corpus.articles[currentArticle]
    }
    public var filterQuery: SearchQuery? { filter.isEmpty ? nil : SearchQuery(parsing: filter) }

    /// Rebuilds the timeline rows after the corpus, filter or events toggle changed. With events
    /// shown, each event stands at its own date among the articles (and after its article when
    /// they share the date), so the timeline reads as a chronology.
    public mutating func refreshRows() {
        let q = filterQuery
        var rows: [TimelineRow] = []
        rows.reserveCapacity(corpus.articles.count)
        var events: [(date: PartialDate, row: TimelineRow)] = []
        // Words in the filter: only the articles the index names can match.
        var mayMatch: [Bool]?
        if let q, !q.terms.isEmpty, corpus.searchIndex != nil {
            var marks = [Bool](repeating: false, count: corpus.articles.count)
            for i in Search.candidates(in: corpus, q) { marks[i] = true }
            mayMatch = marks
        }
        for i in corpus.articles.indices {
            if let q {
                if !Search.accepts(corpus.articles.summary(i), q) { continue }
                if !q.terms.isEmpty {
                    if mayMatch?[i] == false { continue }
                    if Search.matches(at: i, in: corpus.articles, q).isEmpty { continue }
                }
            }
            rows.append(.article(i))
        }
        articleCount = rows.count
        if articleCount == corpus.articles.count {
            shownArticles = nil
        } else {
            var shown = [Bool](repeating: false, count: corpus.articles.count)
            for case .article(let a) in rows { shown[a] = true }
            shownArticles = shown
        }
        if showEvents {
            for ev in corpus.articles.eventsByDate() where shownArticles?[Int(ev.article)] ?? true {
                events.append((ev.date, .event(article: Int(ev.article), event: Int(ev.event))))
            }
        }
        if !events.isEmpty {
            var merged: [TimelineRow] = []
            merged.reserveCapacity(rows.count + events.count)
            var k = 0
            for row in rows {
                let date = corpus.articles.published(row.article).date
                while k < events.count, let d = date, events[k].date < d {
                    merged.append(events[k].row); k += 1
                }
                if date == nil { while k < events.count { merged.append(events[k].row); k += 1 } }
                merged.append(row)
                while k < events.count, let d = date, events[k].date == d {
                    merged.append(events[k].row); k += 1
                }
            }
            while k < events.count { merged.append(events[k].row); k += 1 }
            rows = merged
        }
        timelineRows = rows
        timelineSelection = min(timelineSelection, max(0, rows.count - 1))
    }

    /// Row of the article shown: usually the selected row, so no walk over every row per frame.
    public var currentRow: Int? {
        if timelineRows.indices.contains(timelineSelection), timelineRows[timelineSelection].article == currentArticle { return timelineSelection }
        return timelineRows.firstIndex { $0.article == currentArticle }
    }

    /// Points the quote pane at the article's first quote (or nothing).
    mutating func selectFirstQuote() {
        quoteSelection = 0
        quoteScroll = 0
        highlight = nil
    }
}
