import DossierCore

/// The JSON shapes of DESIGN.md's contract; field names are fixed.
struct ArticleJSON: Encodable {
    var file: String
    var title: String?
    var published: String?
    var precision: String
    var evidence: String
    var paragraphs: [String]

    init(_ a: Article) {
        file = a.id; title = a.title; published = a.published.date?.iso
        precision = a.published.precision.rawValue; evidence = a.published.evidence
        paragraphs = a.paragraphs.map(\.text)
    }
    enum CodingKeys: String, CodingKey { case file, title, published, precision, evidence, paragraphs }
    func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(title, forKey: .title)
        try c.encode(published, forKey: .published)
        try c.encode(precision, forKey: .precision)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(paragraphs, forKey: .paragraphs)
    }
}

struct QuoteJSON: Encodable {
    var file: String
    var text: String
    var speaker: String?
    var kind: String
    var start: Int
    var end: Int
    init(_ a: Article, _ q: Quote) {
        file = a.id; text = q.text; speaker = q.speaker; kind = q.kind.rawValue; start = q.range.start; end = q.range.end
    }
    enum CodingKeys: String, CodingKey { case file, text, speaker, kind, start, end }
    func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file); try c.encode(text, forKey: .text); try c.encode(speaker, forKey: .speaker)
        try c.encode(kind, forKey: .kind); try c.encode(start, forKey: .start); try c.encode(end, forKey: .end)
    }
}

struct SpeakerJSON: Encodable {
    var name: String
    var role: String?
    var aliases: [String]
    var quotes: Int
    var reported: Int
    init(_ s: Speaker) { name = s.name; role = s.role; aliases = s.aliases; quotes = s.quotes; reported = s.reported }
    enum CodingKeys: String, CodingKey { case name, role, aliases, quotes, reported }
    func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name); try c.encode(role, forKey: .role); try c.encode(aliases, forKey: .aliases)
        try c.encode(quotes, forKey: .quotes); try c.encode(reported, forKey: .reported)
    }
}

/// `dossier timeline --json`: {articles, events}, printed a part at a time.
enum TimelineJSON {
    struct Entry: Encodable {
        var file: String, published: String?, precision: String, evidence: String
        enum CodingKeys: String, CodingKey { case file, published, precision, evidence }
        func encode(to e: Encoder) throws {
            var c = e.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file); try c.encode(published, forKey: .published)
            try c.encode(precision, forKey: .precision); try c.encode(evidence, forKey: .evidence)
        }
    }
    struct Event: Encodable {
        var file: String, text: String, start: Int, end: Int, date: String, precision: String, sentence: String
    }
    /// Read from the summaries: no article's text is needed.
    static func articles(_ corpus: Corpus) -> some Sequence<Entry> {
        corpus.articles.indices.lazy.map { i in
            let a = corpus.articles.summary(i)
            return Entry(file: a.id, published: a.published.date?.iso, precision: a.published.precision.rawValue, evidence: a.published.evidence)
        }
    }

    static func events(_ corpus: Corpus) -> some Sequence<Event> {
        corpus.articles.indices.lazy.filter { !corpus.articles.summary($0).eventDates.isEmpty }.flatMap { i in
            let a = corpus.articles[i]
            return a.events.map { Event(file: a.id, text: $0.text, start: $0.range.start, end: $0.range.end, date: $0.date.iso, precision: $0.date.precision.rawValue, sentence: a.sentence(of: $0)) }
        }
    }
}

struct SearchHitJSON: Encodable {
    var file: String, start: Int, end: Int, line: Int, snippet: String
}
