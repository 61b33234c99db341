import DossierCore

/// Everything the reader can do. Keys become actions through the `Keymap`; background work
/// (indexing, loading saved state) comes back as actions too, so `reduce` sees every change.
public enum Action: Hashable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, top, bottom
    case nextPane, previousPane
    case focus(PaneID)
    case open
    case toggleHelp
    case quit
    case resize(Size)
    case startSearch, startFilter
    case nextMatch, previousMatch
    case nextSameSpeaker, previousSameSpeaker
    case speakerList
    case toggleEvents
    case bookmark, star, showMarks
    case toggleFurniture
    case cancel
    /// A key typed while a prompt or a filterable list is open.
    case input(Key)
    case mouse(MouseEvent)
    /// Background work finished (part of) the corpus.
    case corpusLoaded(CorpusBox)
    /// Background work progress: articles done of total, and the rate per second.
    case progress(done: Int, total: Int, rate: Double)
    /// Saved reading state came back (bookmarks, stars, last article and scroll).
    case restore(SavedPosition)
    /// Scan the next slice of an incremental search (sent by the loop while one is under way).
    case searchStep
    /// A one-off note for the status line.
    case showMessage(String)
    /// The article's date evidence, metadata and dropped furniture.
    case showDetails
}

/// Carries a corpus through an action; compared by identity (a new load is a new box).
public final class CorpusBox: Hashable, Sendable {
    public let corpus: Corpus
    /// The first articles of a long first load, shown while the rest is parsed.
    public let isPreview: Bool
    public init(_ corpus: Corpus, isPreview: Bool = false) { self.corpus = corpus; self.isPreview = isPreview }
    public static func == (a: CorpusBox, b: CorpusBox) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}

/// Where the reader was, to come back to it on the next start.
public struct SavedPosition: Hashable, Sendable, Codable {
    public var article: String?
    public var scroll: Int
    public var marks: Marks
    public init(article: String?, scroll: Int, marks: Marks) { self.article = article; self.scroll = scroll; self.marks = marks }
}

/// The three panes, in Tab order.
public enum PaneID: Int, CaseIterable, Hashable, Sendable {
    case timeline, article, quotes
    public var name: String {
        switch self {
        case .timeline: return "Timeline"
        case .article: return "Article"
        case .quotes: return "Quotes"
        }
    }
}
