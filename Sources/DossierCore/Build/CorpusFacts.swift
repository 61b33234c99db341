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

    init(_ a: Article, profile: EventProfile? = nil) {
        id = a.id
        published = a.published
        self.profile = profile ?? EventProfile(a)
        quotes = SpeakerIndex.quotes(of: a)
        quoteSpeakers = a.quotes.map(\.speaker)
        quoteTerms = a.quotes.map { StatementLinker.contentTerms($0.text) }
        roles = SpeakerIndex.roleMentions(in: a)
        words = WordSet(a)
    }
}

/// The facts of a corpus's articles, added one article at a time in the order they were
/// parsed and kept in compact form (words and terms as integers, lists back to back), until
/// the corpus-wide stages run on them all (`plan`).
struct CorpusFacts {
    private var ids: [String] = []
    /// Each article's own date, and whether it may be lent to others (a day the text gives,
    /// not one read off a page stamp).
    private var dates: [PartialDate?] = []
    private var lendable: [Bool] = []
    private var clues: [DatingClues] = []
    private var similarity = EventSimilarity.Builder()
    private var tally = SpeakerIndex.Tally()
    /// Per article, its quotes' speakers; per quote (all articles' quotes in a row), its term ids.
    private var quoteSpeakers = FlatLists<String?>()
    private var quoteTerms = FlatLists<Int32>()
    private var terms = StatementLinker.TermTable()
    private var words = SearchIndex.Builder()

    var count: Int { ids.count }

    mutating func add(_ f: ArticleFacts) {
        ids.append(f.id)
        dates.append(f.published.date)
        lendable.append(DateInference.lendable(f.published))
        clues.append(f.profile.clues)
        similarity.add(f.profile)
        tally.add(f.quotes)
        tally.add(roles: f.roles)
        quoteSpeakers.append(f.quoteSpeakers)
        for t in f.quoteTerms { quoteTerms.append(terms.intern(t)) }
        words.add(f.words)
    }

    /// Runs the corpus-wide stages: dates lent between reports of one event, canonical
    /// speakers, timeline order, statements linked across articles, the search index.
    /// `article(i)` reads article i again; it is asked only for articles whose date is lent.
    mutating func plan(article: (Int) -> Article) -> CorpusPlan {
        // The builder's interning tables go before inference starts.
        let sim = similarity.build()
        similarity = EventSimilarity.Builder()
        let dating = DateInference.plan(sim, clues: clues, dates: dates, lendable: lendable, ids: ids, article: article)
        clues = []
        var dates = self.dates
        for (i, p) in dating.published { dates[i] = p.date }
        let (speakers, _, canonical) = tally.finish()
        let order = ids.indices.sorted { CorpusBuilder.timelineOrder((dates[$0], ids[$0]), (dates[$1], ids[$1])) }
        dates = []
        // The index before the links: its builder's lists go before linking needs its own.
        words.reorder(order)
        let index = SearchIndex(words)
        words = SearchIndex.Builder()
        // Statements in timeline order, each article's quotes in a row as in `quoteTerms`.
        var firstQuote = [Int](repeating: 0, count: ids.count + 1)
        for i in ids.indices { firstQuote[i + 1] = firstQuote[i] + quoteSpeakers.range(i).count }
        var refs: [QuoteRef] = [], rows: [Int32] = [], statementSpeakers: [String?] = []
        for (k, i) in order.enumerated() {
            for (q, name) in quoteSpeakers[i].enumerated() {
                refs.append(QuoteRef(article: k, quote: q))
                rows.append(Int32(firstQuote[i] + q))
                statementSpeakers.append(name.map { canonical[$0] ?? $0 })
            }
        }
        let links = StatementLinker.links(refs: refs, terms: quoteTerms, rows: rows, speakers: statementSpeakers, termCount: terms.count)
        quoteTerms = FlatLists()
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
    var index: SearchIndex?

    /// Article `i` with its lent date (and events read again against it), its story label and
    /// its quotes' speakers under their canonical names.
    func apply(_ a: inout Article, number i: Int) {
        if let p = dating.published[i] {
            a.published = p
            a.events = DateTagger.events(AnalysisBudget.prefix(a.paragraphs), reference: p)
        }
        if let story = dating.stories[i] { a.metadata["story"] = story }
        for q in a.quotes.indices {
            if let name = a.quotes[q].speaker { a.quotes[q].speaker = canonical[name] ?? name }
        }
    }
}
