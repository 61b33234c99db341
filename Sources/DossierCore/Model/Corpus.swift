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
    public var articles: [Article]
    public var speakers: [Speaker]
    public var links: [StatementLink]
    public var problems: [LoadProblem]
    /// Word postings over `articles` for fast search; nil until built (see `SearchIndex`).
    public var searchIndex: SearchIndex?
    public init(articles: [Article] = [], speakers: [Speaker] = [], links: [StatementLink] = [], problems: [LoadProblem] = [],
                searchIndex: SearchIndex? = nil) {
        self.articles = articles; self.speakers = speakers; self.links = links; self.problems = problems
        self.searchIndex = searchIndex
    }
}
