import DossierCore
import Testing
@testable import DossierUI

@Suite struct ReducerTests {
    @Test func timelineIsInDateOrderWithUnknownLast() {
        let s = Fixture.state(100, 30)
        #expect(s.corpus.articles.map(\.id) == ["b.txt", "a.txt", "c.txt"])
        #expect(s.timelineRows == [.article(0), .article(1), .article(2)])
    }

    @Test func movingInTheTimelineChangesArticleAndQuotes() {
        var s = Fixture.state(100, 30)
        #expect(s.article?.id == "b.txt")
        s = press(s, .char("j"))
        #expect(s.article?.id == "a.txt")
        #expect(s.quoteSelection == 0)
        #expect(s.articleScroll == 0)
        s = press(s, .down, .down, .down)
        #expect(s.article?.id == "c.txt", "selection stops at the last row")
        s = press(s, .char("g"))
        #expect(s.article?.id == "b.txt")
        s = press(s, .char("G"))
        #expect(s.timelineSelection == 2)
    }

    @Test func tabAndNumbersMoveFocus() {
        var s = Fixture.state(100, 30)
        #expect(s.focus == .timeline)
        s = press(s, .tab); #expect(s.focus == .article)
        s = press(s, .tab); #expect(s.focus == .quotes)
        s = press(s, .tab); #expect(s.focus == .timeline)
        s = press(s, .backTab); #expect(s.focus == .quotes)
        s = press(s, .char("1")); #expect(s.focus == .timeline)
        s = press(s, .char("2")); #expect(s.focus == .article)
    }

    @Test func selectingAQuoteHighlightsItInTheArticle() {
        var s = press(Fixture.state(100, 30), .char("j"), .char("3"), .char("j"))
        let q = s.article!.quotes[1]
        #expect(s.highlight == q.range)
        #expect(q.text == "Winter is coming and we are ready.")
        s = press(s, .enter)
        #expect(s.focus == .article)
        let canvas = render(s)
        // The highlighted quote is drawn underlined in the article pane.
        let underlined = canvas.cells.filter { $0.style.contains(.underline) }.map { String($0.character) }.joined()
        #expect(underlined.contains("Winter"))
    }

    @Test func articleScrollsAndStopsAtTheEnd() {
        var s = Fixture.state(40, 12)
        s = press(s, .char("2"))
        for _ in 0..<50 { s = press(s, .char("j")) }
        let lines = s.articleLines().count
        #expect(s.articleScroll == max(0, lines - s.articlePageHeight))
        s = press(s, .char("b"))
        #expect(s.articleScroll < max(1, lines - s.articlePageHeight))
        s = press(s, .char("g"))
        #expect(s.articleScroll == 0)
    }

    @Test func helpOverlayListsEveryBindingAndQClosesItFirst() {
        var s = press(Fixture.state(100, 40), .char("?"))
        #expect(s.overlay == .help)
        let text = render(s).text
        for b in Keymap.standard.bindings { #expect(text.contains(b.help), "help lists \(b.help)") }
        s = press(s, .char("q"))
        #expect(s.overlay == nil)
        #expect(!s.shouldQuit)
        s = press(s, .char("q"))
        #expect(s.shouldQuit)
    }

    @Test func incrementalSearchCountsAndCyclesAcrossArticles() {
        var s = press(Fixture.state(100, 30), .char("/"))
        s = type(s, "cost")
        // smart case: "cost" matches "Costa" and "cost" in three articles
        #expect(s.search.hits.count == 4)
        #expect(s.search.current == 0)
        #expect(render(s).row(29).contains("1 of 4"))
        s = press(s, .enter)
        #expect(s.prompt == nil)
        let first = s.currentArticle
        var seen: Set<Int> = [first]
        for _ in 0..<3 { s = press(s, .char("n")); seen.insert(s.currentArticle) }
        #expect(seen.count == 3, "n visits matches in all three articles")
        s = press(s, .char("n"))
        #expect(s.search.current == 0, "wraps around")
        s = press(s, .char("N"))
        #expect(s.search.current == 3)
        s = press(s, .escape)
        #expect(s.search.hits.isEmpty)
    }

    @Test func searchIsSmartCaseAndAccentInsensitive() {
        var s = type(press(Fixture.state(100, 30), .char("/")), "Cost")
        #expect(s.search.hits.count == 3, "upper case: exact case only")
        s = press(s, .escape, .char("/"))
        s = type(s, "sao paulo")
        #expect(s.search.hits.count == 2, "two words, each highlighted")
        s = press(s, .escape, .char("/"))
        s = type(s, "\"sao paulo\"")
        #expect(s.search.hits.count == 1, "a quoted phrase is one match")
        #expect(s.article?.id == "c.txt")
        s = press(s, .escape, .char("/"))
        s = type(s, "owners'")
        #expect(s.search.hits.count == 1, "straight apostrophe finds a curly one")
    }

    @Test func filterNarrowsTheTimelineAndShowsInTheStatusLine() {
        var s = press(Fixture.state(100, 30), .char("f"))
        s = type(s, "speaker:alves")
        s = press(s, .enter)
        #expect(s.timelineRows == [.article(0)])
        #expect(render(s).row(29).contains("filter: speaker:alves"))
        s = press(s, .char("f"), .ctrl("u"))
        s = type(s, "date:2022-11-01..2022-11-30")
        s = press(s, .enter)
        #expect(s.timelineRows.count == 2)
        s = press(s, .escape)
        #expect(s.filter.isEmpty)
        #expect(s.timelineRows.count == 3)
    }

    @Test func sameSpeakerJumpsAcrossArticlesInTimelineOrder() {
        var s = press(Fixture.state(100, 30), .char("3"), .char("j"), .char("j"))
        #expect(s.quotes[s.quoteSelection].speaker == "Ana Costa")
        #expect(s.article?.id == "b.txt")
        s = press(s, .char("]"))
        #expect(s.article?.id == "a.txt")
        #expect(s.quotes[s.quoteSelection].text == "We will not back down,")
        s = press(s, .char("]"), .char("]"))
        #expect(s.quotes[s.quoteSelection].kind == .reported)
        s = press(s, .char("]"))
        #expect(s.message?.contains("last quote") == true)
        s = press(s, .char("["), .char("["), .char("["))
        #expect(s.article?.id == "b.txt")
    }

    @Test func speakerListFiltersAndJumps() {
        var s = press(Fixture.state(100, 30), .char("s"))
        #expect(s.speakerEntries(filter: "").map(\.name).sorted() == ["Ana Costa", "Pedro Alves"])
        s = type(s, "alv")
        guard case .speakers(let f, _) = s.overlay else { Issue.record("speaker list open"); return }
        #expect(f == "alv")
        s = press(s, .enter)
        #expect(s.overlay == nil)
        #expect(s.quotes[s.quoteSelection].speaker == "Pedro Alves")
        #expect(s.focus == .quotes)
    }

    @Test func eventsToggleIntoTheTimelineAndOpenTheirSentence() {
        var s = press(Fixture.state(100, 30), .char("e"))
        // The event of b.txt (2022-11-29) stands at its date: after a.txt of that day, before the undated c.txt.
        #expect(s.timelineRows == [.article(0), .article(1), .event(article: 0, event: 0), .article(2)])
        s = press(s, .char("j"), .char("j"))
        #expect(s.timelineRows[s.timelineSelection] == .event(article: 0, event: 0))
        #expect(s.article?.id == "b.txt", "an event row shows its own article")
        s = press(s, .enter)
        #expect(s.focus == .article)
        #expect(s.highlight == s.corpus.articles[0].events[0].sentenceRange)
        s = press(s, .char("e"))
        #expect(!s.timelineRows.contains { if case .event = $0 { return true } else { return false } })
    }

    @Test func bookmarksAndStarsToggleAndList() {
        var s = press(Fixture.state(100, 30), .char("m"), .char("3"), .char("*"))
        #expect(s.marks.bookmarks == ["b.txt"])
        #expect(s.marks.stars.count == 1)
        s = press(s, .char("'"))
        #expect(s.markEntries().count == 2)
        s = press(s, .char("j"), .enter)
        #expect(s.overlay == nil)
        #expect(s.quotes[s.quoteSelection].text == "a fragile start")
        s = press(s, .char("*"))
        #expect(s.marks.stars.isEmpty)
    }

    @Test func resizeKeepsEverythingInBounds() {
        var s = press(Fixture.state(100, 30), .char("G"), .char("2"), .char("G"))
        for (w, h) in [(60, 20), (1, 1), (400, 120), (20, 6), (100, 30)] {
            s = reduce(s, .resize(Size(width: w, height: h)))
            let c = render(s)
            #expect(c.width == w && c.height == h)
            #expect(s.articleScroll >= 0)
            #expect(s.timelineSelection < s.timelineRows.count)
        }
    }

    @Test func mouseClickSelectsATimelineRow() {
        var s = Fixture.state(100, 30)
        let inner = Layout.inner(Layout.compute(s.size).timeline)
        s = reduce(s, .mouse(MouseEvent(kind: .click, x: inner.x + 3, y: inner.y + 2)))
        #expect(s.article?.id == "c.txt")
        s = reduce(s, .mouse(MouseEvent(kind: .click, x: 5, y: Layout.compute(s.size).quotes.y + 2)))
        #expect(s.focus == .quotes)
    }

    @Test func savedPositionComesBack() {
        var s = press(Fixture.state(60, 12), .char("j"), .char("m"), .char("2"), .char("j"))
        let saved = s.savedPosition
        s = reduce(Fixture.state(60, 12), .restore(saved))
        #expect(s.article?.id == "a.txt")
        #expect(s.articleScroll == saved.scroll)
        #expect(s.marks.bookmarks == ["a.txt"])
    }

    @Test func aNewCorpusKeepsTheCurrentArticle() {
        var s = press(Fixture.state(100, 30), .char("j"))
        s = reduce(s, .corpusLoaded(CorpusBox(Fixture.corpus)))
        #expect(s.article?.id == "a.txt")
        var empty = ReaderState(corpus: Corpus(), size: Size(width: 80, height: 24))
        empty = press(empty, .char("j"), .char("3"), .char("j"), .char("]"), .char("n"), .char("*"), .char("m"))
        #expect(empty.article == nil)
        empty = reduce(empty, .corpusLoaded(CorpusBox(Fixture.corpus)))
        #expect(empty.article?.id == "b.txt")
    }
}

@Suite struct SlicedSearchTests {
    /// When more articles may match than one slice holds, the first keystroke answers from the
    /// first slice; the loop's steps find the rest, and the total equals a full scan.
    @Test func searchOnALargeCorpusArrivesInSlices() {
        let n = 5_000
        var articles: [Article] = []
        for i in 0..<n {
            let word = i % 2 == 0 ? "harbour" : "market"
            articles.append(Fixture.article(String(format: "%05d.txt", i), title: "Story \(i)", date: PartialDate(year: 2020, month: 1, day: 1 + i % 28),
                                            paragraphs: ["The \(word) opened on day \(i)."]))
        }
        let corpus = CorpusBuilder.build(articles)
        var s = type(press(ReaderState(corpus: corpus, size: Size(width: 100, height: 30)), .char("/")), "harbour")
        #expect(s.search.inProgress)
        #expect(s.search.current == 0, "the first match is selected at once")
        #expect(render(s).row(29).contains("+"), "the counter says more are coming")
        var steps = 0
        while s.search.inProgress, steps < 100 { s = reduce(s, .searchStep); steps += 1 }
        #expect(!s.search.inProgress)
        let expected = corpus.articles.filter { $0.paragraphs[0].text.contains("harbour") }.count
        #expect(s.search.hits.count == expected)
        #expect(Set(s.search.hits.map(\.article)).count == expected)
        #expect(render(s).row(29).contains("1 of \(expected)"))
    }
}
