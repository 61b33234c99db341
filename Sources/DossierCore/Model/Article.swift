/// A span of an article's source text, in Unicode scalars from the start of the source
/// (the file, or a JSONL record's `text`), so every fact can be highlighted and cited.
public struct SourceRange: Hashable, Codable, Sendable, Comparable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    public var length: Int { end - start }
    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func overlaps(_ other: SourceRange) -> Bool { start < other.end && other.start < end }
    public static func < (a: SourceRange, b: SourceRange) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

/// One paragraph of story text. `text` has exactly one scalar per source scalar from `start`
/// (no-break spaces and line breaks become plain spaces), so offsets map back one to one.
public struct Paragraph: Hashable, Codable, Sendable {
    public var text: String
    public var start: Int
    public var scalarCount: Int
    public init(text: String, start: Int) {
        self.text = text
        self.start = start
        self.scalarCount = text.unicodeScalars.count
    }
    /// For a builder that already knows how many scalars it wrote: counting them again walks
    /// the whole text.
    init(text: String, start: Int, scalarCount: Int) {
        self.text = text
        self.start = start
        self.scalarCount = scalarCount
    }
    public var range: SourceRange { SourceRange(start, start + scalarCount) }
}

public enum QuoteKind: String, Codable, Sendable {
    /// A whole sentence or more in quotation marks.
    case direct
    /// A fragment quoted inside the writer's own sentence.
    case partial
    /// Indirect speech: `text` is the reported clause.
    case reported
}

/// A quotation or reported statement with its speaker.
public struct Quote: Hashable, Codable, Sendable {
    /// What stands between the marks (or the reported clause).
    public var text: String
    /// Canonical speaker name, or nil when nobody can be named.
    public var speaker: String?
    public var kind: QuoteKind
    /// Covers the marks for a quotation; the clause for reported speech.
    public var range: SourceRange
    /// Where the speaker was named or referred to ("he", "the official"), if anywhere.
    public var cue: SourceRange?
    public init(text: String, speaker: String?, kind: QuoteKind, range: SourceRange, cue: SourceRange? = nil) {
        self.text = text; self.speaker = speaker; self.kind = kind; self.range = range; self.cue = cue
    }
}

/// A date expression found in the text, resolved against the article's date.
public struct DateEvent: Hashable, Codable, Sendable {
    /// The expression as written ("November 29", "last week").
    public var text: String
    public var range: SourceRange
    public var date: PartialDate
    /// The sentence it stands in, within one paragraph; its text is `Article.text(at:)`, not
    /// stored here, since a second copy of every dated sentence is a sixth of a corpus in memory.
    public var sentenceRange: SourceRange
    public init(text: String, range: SourceRange, date: PartialDate, sentenceRange: SourceRange) {
        self.text = text; self.range = range; self.date = date; self.sentenceRange = sentenceRange
    }
}

/// When the story ran, how precisely that is known, and why we think so.
public struct Publication: Hashable, Codable, Sendable {
    public var date: PartialDate?
    public var precision: DatePrecision { date?.precision ?? .unknown }
    /// A short human sentence: which words or which other article decided it.
    public var evidence: String
    /// True when the date came from other articles or from reasoning, not from a stated date.
    public var inferred: Bool
    public init(date: PartialDate?, evidence: String, inferred: Bool = false) {
        self.date = date; self.evidence = evidence; self.inferred = inferred
    }
    public static let unknown = Publication(date: nil, evidence: "no date found in the text")
}

/// A parsed article: clean story text plus everything found in it.
public struct Article: Hashable, Codable, Sendable, Identifiable {
    /// File name (relative to the corpus root) or a JSONL record's id.
    public var id: String
    /// Where it came from on disk.
    public var path: String
    public var title: String?
    public var published: Publication
    public var paragraphs: [Paragraph]
    /// Lines and fragments that are not the story (menus, stamps, glued-in headlines).
    public var boilerplate: [String]
    /// Direct, partial and reported quotes, in text order.
    public var quotes: [Quote]
    public var events: [DateEvent]
    /// Other facts about the source: `url`, `source`, `encoding`, capture stamps.
    public var metadata: [String: String]
    /// Scalar count of the whole source text.
    public var sourceLength: Int
    /// Offset where each source line starts, to cite a line number (32 bits: a source file is
    /// at most `Loader.maxFileBytes`, and wire copy has a line every 70 characters).
    public var lineStarts: [Int32] = [0]

    public init(id: String, path: String, title: String? = nil, published: Publication = .unknown,
                paragraphs: [Paragraph] = [], boilerplate: [String] = [], quotes: [Quote] = [],
                events: [DateEvent] = [], metadata: [String: String] = [:], sourceLength: Int = 0) {
        self.id = id; self.path = path; self.title = title; self.published = published
        self.paragraphs = paragraphs; self.boilerplate = boilerplate; self.quotes = quotes
        self.events = events; self.metadata = metadata; self.sourceLength = sourceLength
    }

    /// A title for lists: the headline, else the first words of the story, else the id.
    public var displayTitle: String {
        if let title, !title.isEmpty { return title }
        if let first = paragraphs.first?.text {
            let words = first.split(separator: " ", omittingEmptySubsequences: true).prefix(12)
            return words.joined(separator: " ") + (words.count == 12 ? "…" : "")
        }
        return id
    }

    /// 1-based source line of an offset.
    public func line(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(lineStarts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// The story text at `range`, which lies within one paragraph (a dated event's sentence);
    /// empty when no paragraph holds it.
    public func text(at range: SourceRange) -> String {
        guard let i = paragraphIndex(containing: range.start) else { return "" }
        let p = paragraphs[i]
        let scalars = p.text.unicodeScalars
        let lo = scalars.index(scalars.startIndex, offsetBy: range.start - p.start)
        let hi = scalars.index(lo, offsetBy: min(range.end, p.start + p.scalarCount) - range.start)
        return String(scalars[lo..<hi])
    }

    /// The sentence a dated event stands in.
    public func sentence(of event: DateEvent) -> String { text(at: event.sentenceRange) }

    /// The paragraph holding a source offset, if any.
    public func paragraphIndex(containing offset: Int) -> Int? {
        var lo = 0, hi = paragraphs.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let p = paragraphs[mid]
            if offset < p.start { hi = mid - 1 } else if offset >= p.start + p.scalarCount { lo = mid + 1 } else { return mid }
        }
        return nil
    }
}
