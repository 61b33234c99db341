import Foundation

/// What the corpus-wide stages read of one article (its date and date clues, what it is
/// about, who it quotes and in which words, its search words), taken on the parsing thread
/// right after the article is parsed, so that the article itself can go to disk at once.
struct ArticleFacts: Sendable {
    var id: String
    var published: Publication
    var profile: EventProfile
    var quotes: [SpeakerIndex.QuoteFact]
    /// Every quote's speaker and content terms, in quote order.
    var quoteSpeakers: [String?]
    var quoteTerms: [Set<String>]
    var roles: [(name: String, role: String)]
    var words: WordSet

    init(_ a: Article) {
        id = a.id
        published = a.published
        profile = EventProfile(a)
        quotes = SpeakerIndex.quotes(of: a)
        quoteSpeakers = a.quotes.map(\.speaker)
        quoteTerms = a.quotes.map { StatementLinker.contentTerms($0.text) }
        roles = SpeakerIndex.roleMentions(in: a)
        words = WordSet(a)
    }
}

/// The facts of a corpus's articles, added one article at a time in the order they were
/// parsed and kept in compact form (words and terms as integers), until the corpus-wide
/// stages run on them all (`plan`).
struct CorpusFacts {
    private var ids: [String] = []
    private var published: [Publication] = []
    private var clues: [DatingClues] = []
    private var similarity = EventSimilarity.Builder()
    private var tally = SpeakerIndex.Tally()
    private var quoteSpeakers: [[String?]] = []
    private var quoteTerms: [[[Int32]]] = []
    private var terms = StatementLinker.TermTable()
    private var words = SearchIndex.Builder()

    var count: Int { ids.count }

    mutating func add(_ f: ArticleFacts) {
        ids.append(f.id)
        published.append(f.published)
        clues.append(f.profile.clues)
        similarity.add(f.profile)
        tally.add(f.quotes)
        tally.add(roles: f.roles)
        quoteSpeakers.append(f.quoteSpeakers)
        quoteTerms.append(f.quoteTerms.map { terms.intern($0) })
        words.add(f.words)
    }

    /// Runs the corpus-wide stages: dates lent between reports of one event, canonical
    /// speakers, timeline order, statements linked across articles, the search index.
    /// `paragraphs(i)` gives article i's text; it is asked only for articles whose date is lent.
    mutating func plan(paragraphs: (Int) -> [Paragraph]) -> CorpusPlan {
        let dating = DateInference.plan(similarity.build(), clues: clues, published: published, ids: ids, paragraphs: paragraphs)
        similarity = EventSimilarity.Builder()
        var dates = published.map(\.date)
        for (i, p) in dating.published { dates[i] = p.date }
        let (speakers, _, canonical) = tally.finish()
        let order = ids.indices.sorted { CorpusBuilder.timelineOrder((dates[$0], ids[$0]), (dates[$1], ids[$1])) }
        var refs: [QuoteRef] = [], statementTerms: [[Int32]] = [], statementSpeakers: [String?] = []
        for (k, i) in order.enumerated() {
            for (q, name) in quoteSpeakers[i].enumerated() {
                refs.append(QuoteRef(article: k, quote: q))
                statementTerms.append(quoteTerms[i][q])
                statementSpeakers.append(name.map { canonical[$0] ?? $0 })
            }
        }
        quoteTerms = []
        let links = StatementLinker.links(refs: refs, terms: statementTerms, speakers: statementSpeakers, termCount: terms.count)
        words.reorder(order)
        let index = SearchIndex(words)
        words = SearchIndex.Builder()
        return CorpusPlan(order: order, dating: dating, canonical: canonical, speakers: speakers, links: links, index: index)
    }
}

/// What the corpus-wide stages decided, to be applied to each article as it is written out:
/// articles are numbered in the order they were parsed.
struct CorpusPlan: Sendable {
    /// `order[k]`: the article that stands k-th in the timeline.
    var order: [Int]
    var dating: DateInference.Plan
    /// Every speaker name used, with the canonical name of its speaker.
    var canonical: [String: String]
    var speakers: [Speaker]
    /// Between quotes of articles numbered in timeline order, as the index is.
    var links: [StatementLink]
    var index: SearchIndex

    /// Article `i` with its lent date (and events read again against it), its story label and
    /// its quotes' speakers under their canonical names.
    func apply(_ a: inout Article, number i: Int) {
        if let p = dating.published[i] {
            a.published = p
            a.events = DateTagger.events(a.paragraphs, reference: p)
        }
        if let story = dating.stories[i] { a.metadata["story"] = story }
        for q in a.quotes.indices {
            if let name = a.quotes[q].speaker { a.quotes[q].speaker = canonical[name] ?? name }
        }
    }
}
