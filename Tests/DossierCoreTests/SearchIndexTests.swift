import Foundation
import Testing
@testable import DossierCore

/// Shared helpers for the search and cache tests.
enum SearchFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let reuters = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/reuters21578.jsonl").path
    static let hasCorpora = FileManager.default.fileExists(atPath: reuters)

    /// An article whose paragraphs are the given strings, laid out one per line.
    static func article(_ id: String, _ paragraphs: [String], speaker: String? = nil, date: PartialDate? = nil, source: String? = nil) -> Article {
        var ps: [Paragraph] = []
        var at = 0
        for p in paragraphs { ps.append(Paragraph(text: p, start: at)); at += p.unicodeScalars.count + 1 }
        var a = Article(id: id, path: id, published: Publication(date: date, evidence: "test"), paragraphs: ps, sourceLength: at)
        if let speaker { a.quotes = [Quote(text: "x", speaker: speaker, kind: .direct, range: SourceRange(0, 1))] }
        if let source { a.metadata["source"] = source }
        return a
    }

    static func indexed(_ articles: [Article]) -> Corpus {
        Corpus(articles: articles, searchIndex: SearchIndex(articles: articles))
    }

    /// The plain definition of a match: fold each paragraph, look for each term.
    static func reference(_ corpus: Corpus, _ q: SearchQuery) -> [SearchHit] {
        var out: [SearchHit] = []
        for (i, a) in corpus.articles.enumerated() where !q.terms.isEmpty && Search.accepts(a, q) {
            var ranges: [SourceRange] = []
            var all = true
            for term in q.terms {
                let needle = TextFolding.fold(term, keepCase: q.caseSensitive)
                guard !needle.isEmpty else { continue }
                var found = false
                for p in a.paragraphs {
                    let hay = TextFolding.fold(p.text, keepCase: q.caseSensitive)
                    var from = 0
                    while let at = Search.find(needle, in: hay, from: from) {
                        ranges.append(SourceRange(p.start + at, p.start + at + needle.count)); found = true
                        from = at + needle.count
                    }
                }
                if !found { all = false; break }
            }
            if all { out += ranges.sorted().map { SearchHit(article: i, range: $0) } }
        }
        return out
    }

    /// First `n` Reuters records, parsed.
    static func reutersArticles(_ n: Int) -> [Article] {
        guard let handle = FileHandle(forReadingAtPath: reuters) else { return [] }
        let data = handle.readData(ofLength: n * 1400)
        var bytes = Array(data)
        if let lastNewline = bytes.lastIndex(of: 0x0A) { bytes = Array(bytes[...lastNewline]) }
        let docs = JSONLReader.documents(bytes: bytes, path: "reuters.jsonl").documents.prefix(n)
        return CorpusBuilder.parseAll(Array(docs))
    }
}

@Suite struct SearchIndexTests {
    let corpus = SearchFixtures.indexed([
        SearchFixtures.article("ro.txt", ["Protests in București continued on Sunday.", "The mayor said:\u{A0}“we won’t give up”."]),
        SearchFixtures.article("ua1.txt", ["President Zelenskyy spoke to parliament.", "He said it would take as long as it takes."]),
        SearchFixtures.article("ua2.txt", ["Volodymyr Zelensky met NATO's chief in Kyiv."]),
        SearchFixtures.article("de.txt", ["Die Straße war gesperrt; Müller won't comment.", "ZELENSKY was not mentioned by name."]),
        SearchFixtures.article("empty.txt", []),
        SearchFixtures.article("wide.txt", ["北京 👍🏽 naïve cafe\u{301} ＡＢＣ İstanbul"]),
    ])

    func files(_ query: String) -> [String] {
        let q = SearchQuery(parsing: query)
        return Search.candidates(corpus.searchIndex!, q).filter { !Search.matches(in: corpus.articles[$0], q).isEmpty }.map { corpus.articles[$0].id }
    }

    @Test func accentsFoldBothWays() {
        #expect(files("Bucuresti") == ["ro.txt"])
        #expect(files("bucurești") == ["ro.txt"])
        #expect(files("strasse").isEmpty, "ß folds to one scalar, s")
        #expect(files("muller") == ["de.txt"])
    }

    @Test func prefixFindsBothSpellings() {
        #expect(files("zelensk") == ["ua1.txt", "ua2.txt", "de.txt"])
        #expect(files("Zelensk") == ["ua1.txt", "ua2.txt"], "an upper-case letter makes the search exact about case")
        #expect(files("elensky") == ["ua1.txt", "ua2.txt", "de.txt"], "a term may start inside a word")
    }

    @Test func quotesApostrophesAndSpacesAreEquivalent() {
        #expect(files("won't") == ["ro.txt", "de.txt"])
        #expect(files("won’t") == ["ro.txt", "de.txt"])
        #expect(files("\"said: \"") == ["ro.txt"], "a no-break space matches a space")
        #expect(files("nato's") == ["ua2.txt"])
    }

    @Test func phrasesMustStandTogether() {
        #expect(files("\"as long as it takes\"") == ["ua1.txt"])
        #expect(files("\"long as takes\"").isEmpty)
        #expect(files("long takes") == ["ua1.txt"], "free words may stand apart")
        #expect(files("\"in kyiv.\"") == ["ua2.txt"])
    }

    @Test func filtersNarrowTheCandidates() {
        let c = SearchFixtures.indexed([
            SearchFixtures.article("a.txt", ["Talks resumed in Brussels."], speaker: "Jens Stoltenberg", date: PartialDate(year: 2022, month: 11, day: 29), source: "Reuters"),
            SearchFixtures.article("b.txt", ["Talks resumed in Brussels."], speaker: "Ursula von der Leyen", date: PartialDate(year: 2023, month: 2, day: 1), source: "AP"),
            SearchFixtures.article("c.txt", ["Talks resumed in Brussels."]),
        ])
        func ids(_ s: String) -> [String] { Search.hits(in: c, SearchQuery(parsing: s)).map { c.articles[$0.article].id } }
        #expect(ids("talks speaker:stoltenberg") == ["a.txt"])
        #expect(ids("talks date:2022-11..2023-01") == ["a.txt"])
        #expect(ids("talks outlet:ap") == ["b.txt"])
        #expect(ids("talks file:c.txt") == ["c.txt"])
        #expect(ids("talks") == ["a.txt", "b.txt", "c.txt"])
    }

    @Test func queriesWithoutWordsStillMatch() {
        #expect(files("”") == ["ro.txt"], "a curly quote folds to a straight one and is found")
        #expect(files("’") == ["ro.txt", "ua2.txt", "de.txt"])
        #expect(files("speaker:nobody").isEmpty, "a filter alone matches no text")
    }

    @Test func indexedHitsEqualAPlainScan() throws {
        let queries = ["北京", "京 👍", "👍🏽", "naive", "café", "cafe", "ＡＢＣ", "ａｂｃ", "istanbul", "İstanbul", "s", "on", "won", "won'", "n't", "’t g", "e s", "zel", "ELENS", "kyiv", "NATO", "nato", "bucur", "ști", ".", "a", "as l", "\"it takes\"", "said take", "sunday, ", "x y z"]
        for text in queries {
            let q = SearchQuery(parsing: text)
            #expect(Search.hits(in: corpus, q) == SearchFixtures.reference(corpus, q), "query \(text)")
        }
    }

    @Test(.enabled(if: SearchFixtures.hasCorpora, "needs ../shared/corpora (absent in a fresh clone)"))
    func indexedHitsEqualAPlainScanOnRealText() throws {
        let articles = SearchFixtures.reutersArticles(400)
        try #require(articles.count > 300)
        let corpus = SearchFixtures.indexed(articles)
        // Queries cut from the text itself: word starts, middles, ends, pairs, with case and accents.
        var queries = ["oil", "Oil", "OPEC", "crude oil", "\"crude oil prices\"", "mln dlrs", "pct", "1987", "u.s.", "U.S. ", "it's", "it’s", "dlrs a", "year-on", "reuter", "q", "zz", "ça", "résumé", "e"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<40 {
            let a = articles[Int.random(in: 0..<articles.count, using: &rng)]
            guard let p = a.paragraphs.randomElement(using: &rng) else { continue }
            let scalars = Array(p.text.unicodeScalars)
            guard scalars.count > 12 else { continue }
            let from = Int.random(in: 0..<(scalars.count - 10), using: &rng)
            let len = Int.random(in: 1...10, using: &rng)
            let cut = String(String.UnicodeScalarView(scalars[from..<(from + len)])).replacingOccurrences(of: "\"", with: "")
            queries.append(Bool.random(using: &rng) ? cut.lowercased() : "\"\(cut)\"")
        }
        for text in queries {
            let q = SearchQuery(parsing: text)
            let expected = SearchFixtures.reference(corpus, q)
            #expect(Search.hits(in: corpus, q) == expected, "query \(text)")
            let candidates = Set(Search.candidates(corpus.searchIndex!, q))
            #expect(Set(expected.map(\.article)).isSubset(of: candidates), "query \(text)")
        }
    }

    @Test func firstHitsStopsAtTheLimitInCorpusOrder() {
        let all = Search.hits(in: corpus, SearchQuery(parsing: "e"))
        let (some, complete) = Search.firstHits(in: corpus, SearchQuery(parsing: "e"), limit: 3)
        #expect(!complete)
        #expect(some.count >= 3)
        #expect(Array(all.prefix(some.count)) == some)
        #expect(Search.firstHits(in: corpus, SearchQuery(parsing: "kyiv"), limit: 3).complete)
    }

    @Test func aSearchRunInSlicesFindsWhatOneScanFinds() {
        for text in ["e", "zelensk", "won't", "Kyiv", "nothing-like-this"] {
            let q = SearchQuery(parsing: text)
            var run = SearchRun(corpus, q)
            var slices = 0
            while !run.complete {
                run.advance(in: corpus, until: .now())
                slices += 1
                #expect(run.hits == Array(Search.hits(in: corpus, q).prefix(run.hits.count)), "hits so far are a prefix of all hits")
            }
            #expect(run.hits == Search.hits(in: corpus, q), "query \(text)")
            #expect(slices <= run.candidates.count)
        }
    }

    @Test func narrowingTermsNarrowCandidates() {
        let index = corpus.searchIndex!
        #expect(Search.candidates(index, SearchQuery(parsing: "kyiv")) == [2])
        #expect(Search.candidates(index, SearchQuery(parsing: "zelensky kyiv")) == [2])
        #expect(Search.candidates(index, SearchQuery(parsing: "parliament kyiv")).isEmpty)
    }
}
