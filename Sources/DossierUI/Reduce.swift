import DossierCore

/// Turns a key into an action given what is open: prompts and filterable lists take typed keys.
public func action(for key: Key, in state: ReaderState, keymap: Keymap = .standard) -> Action? {
    if case .mouse(let m) = key { return .mouse(m) }
    if state.prompt != nil { return .input(key) }
    if case .speakers = state.overlay {
        switch key {
        case .up, .down, .pageUp, .pageDown, .enter, .escape, .backspace, .char, .home, .end: return .input(key)
        default: break
        }
    }
    if state.overlay != nil, state.overlay != .help, key == .enter { return .input(key) }
    return keymap.action(for: key)
}

/// The reader's one state transition. Pure: same state and action, same result.
public func reduce(_ state: ReaderState, _ action: Action) -> ReaderState {
    var s = state
    switch action {
    case .progress, .corpusLoaded, .restore, .showMessage, .resize, .searchStep: break
    default: s.message = nil
    }
    s.apply(action)
    return s
}

extension ReaderState {
    var layout: Layout { Layout.compute(size) }

    /// Lines of the article pane at its current width.
    public func articleLines() -> [WrappedLine] {
        guard let a = article else { return [] }
        return TextLayout.article(a, width: max(1, Layout.inner(layout.article).width - 1), furniture: showFurniture)
    }

    var articlePageHeight: Int { max(1, Layout.inner(layout.article).height) }
    var timelinePageHeight: Int { max(1, Layout.inner(layout.timeline).height) }
    var quotes: [Quote] { article?.quotes ?? [] }

    mutating func apply(_ action: Action) {
        switch action {
        case .quit:
            if overlay != nil { overlay = nil } else if prompt != nil { prompt = nil } else { shouldQuit = true }
        case .cancel:
            if overlay != nil { overlay = nil } else if prompt != nil { prompt = nil } else if !search.query.isEmpty {
                search = SearchState(); message = "search cleared"
            } else if !filter.isEmpty { setFilter("") }
        case .toggleHelp: overlay = overlay == .help ? nil : .help; helpScroll = 0
        case .resize(let newSize):
            size = Size(width: max(0, newSize.width), height: max(0, newSize.height))
            clampScrolls()
        case .nextPane: focus = PaneID(rawValue: (focus.rawValue + 1) % 3)!
        case .previousPane: focus = PaneID(rawValue: (focus.rawValue + 2) % 3)!
        case .focus(let p): focus = p; if p == .quotes { showSelectedQuote() }
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: focus == .timeline ? timelinePageHeight : (focus == .article ? max(1, articlePageHeight - 2) : 5))
        case .pageUp: move(by: -(focus == .timeline ? timelinePageHeight : (focus == .article ? max(1, articlePageHeight - 2) : 5)))
        case .top: move(by: -Int.max / 2)
        case .bottom: move(by: Int.max / 2)
        case .open: open()
        case .startSearch: prompt = Prompt(kind: .search, text: ""); search = SearchState()
        case .startFilter: prompt = Prompt(kind: .filter, text: filter)
        case .nextMatch: stepMatch(1)
        case .previousMatch: stepMatch(-1)
        case .nextSameSpeaker: stepSpeaker(1)
        case .previousSameSpeaker: stepSpeaker(-1)
        case .speakerList: overlay = .speakers(filter: "", selection: 0)
        case .toggleEvents:
            showEvents.toggle()
            let keep = currentArticle
            refreshRows()
            timelineSelection = timelineRows.firstIndex(of: .article(keep)) ?? 0
            ensureTimelineVisible()
            message = showEvents ? "events shown in the timeline" : "events hidden"
        case .toggleFurniture:
            showFurniture.toggle()
            clampScrolls()
            message = showFurniture ? "showing dropped page furniture at the end of the article" : "page furniture hidden"
        case .bookmark: toggleBookmark()
        case .star: toggleStar()
        case .showMarks: overlay = .marks(selection: 0)
        case .input(let key): input(key)
        case .mouse(let m): mouse(m)
        case .corpusLoaded(let box): replaceCorpus(box.corpus)
        case .progress(let done, let total, let rate):
            progress = done >= total ? nil : Progress(done: done, total: total, rate: rate)
        case .restore(let saved): restore(saved)
        case .searchStep: searchStep()
        case .showMessage(let text): message = text
        case .showDetails: overlay = overlay == .details ? nil : .details
        }
    }

    /// Swaps in a newer corpus, keeping the reader on the same article where it still exists.
    mutating func replaceCorpus(_ new: Corpus) {
        let keepID = article?.id
        corpus = new
        refreshRows()
        if let keepID, let i = corpus.articles.index(ofID: keepID) {
            currentArticle = i
            timelineSelection = timelineRows.firstIndex(of: .article(i)) ?? timelineSelection
        } else if let first = timelineRows.first {
            timelineSelection = 0
            showArticle(first.article)
        }
        quoteSelection = clamp(quoteSelection, 0, max(0, quotes.count - 1))
        clampScrolls()
        if !search.query.isEmpty { let selected = search.current; runSearch(search.query); if let selected, selected < search.hits.count { search.current = selected } }
    }

    /// Puts back the reading position and marks saved by the previous run.
    mutating func restore(_ saved: SavedPosition) {
        marks = saved.marks
        guard let id = saved.article, let i = corpus.articles.index(ofID: id) else { return }
        showArticle(i)
        timelineSelection = timelineRows.firstIndex(of: .article(i)) ?? 0
        ensureTimelineVisible()
        articleScroll = clamp(saved.scroll, 0, max(0, articleLines().count - articlePageHeight))
    }

    /// What to save for the next start.
    public var savedPosition: SavedPosition { SavedPosition(article: article?.id, scroll: articleScroll, marks: marks) }

    // MARK: moving

    mutating func move(by delta: Int) {
        if case .marks(let sel) = overlay {
            overlay = .marks(selection: clamp(sel + delta, 0, max(0, markEntries().count - 1)))
            return
        }
        if overlay == .help { helpScroll = max(0, helpScroll.addingClamped(delta)); return }
        switch focus {
        case .timeline:
            guard !timelineRows.isEmpty else { return }
            selectRow(clamp(timelineSelection.addingClamped(delta), 0, timelineRows.count - 1))
        case .article:
            let maxScroll = max(0, articleLines().count - articlePageHeight)
            articleScroll = clamp(articleScroll.addingClamped(delta), 0, maxScroll)
        case .quotes:
            guard !quotes.isEmpty else { return }
            quoteSelection = clamp(quoteSelection.addingClamped(delta), 0, quotes.count - 1)
            showSelectedQuote()
        }
    }

    /// Selects a timeline row and shows its article (and event sentence).
    mutating func selectRow(_ row: Int) {
        guard timelineRows.indices.contains(row) else { return }
        timelineSelection = row
        let r = timelineRows[row]
        if r.article != currentArticle { showArticle(r.article) }
        if case .event(let a, let e) = r, let ev = corpus.articles[a].events[safe: e] {
            highlight = ev.sentenceRange
            scrollArticle(to: ev.range.start)
        }
        ensureTimelineVisible()
    }

    mutating func showArticle(_ index: Int) {
        currentArticle = index
        articleScroll = 0
        selectFirstQuote()
    }

    mutating func showSelectedQuote() {
        guard quotes.indices.contains(quoteSelection) else { highlight = nil; return }
        let q = quotes[quoteSelection]
        highlight = q.range
        scrollArticle(to: q.range.start)
    }

    /// Scrolls the article so the line holding `offset` sits a third of the way down.
    mutating func scrollArticle(to offset: Int) {
        let lines = articleLines()
        guard let line = TextLayout.line(containing: offset, in: lines) else { return }
        let maxScroll = max(0, lines.count - articlePageHeight)
        if line < articleScroll || line >= articleScroll + articlePageHeight {
            articleScroll = clamp(line - articlePageHeight / 3, 0, maxScroll)
        }
    }

    mutating func ensureTimelineVisible() {
        let h = timelinePageHeight
        if timelineSelection < timelineScroll { timelineScroll = timelineSelection }
        if timelineSelection >= timelineScroll + h { timelineScroll = timelineSelection - h + 1 }
        timelineScroll = clamp(timelineScroll, 0, max(0, timelineRows.count - 1))
    }

    mutating func clampScrolls() {
        timelineSelection = clamp(timelineSelection, 0, max(0, timelineRows.count - 1))
        ensureTimelineVisible()
        articleScroll = clamp(articleScroll, 0, max(0, articleLines().count - articlePageHeight))
        quoteSelection = clamp(quoteSelection, 0, max(0, quotes.count - 1))
    }

    mutating func open() {
        switch overlay {
        case .marks(let sel): openMark(sel); return
        case .help: overlay = nil; return
        default: break
        }
        switch focus {
        case .timeline:
            focus = .article
            if case .event(let a, let e)? = timelineRows[safe: timelineSelection], let ev = corpus.articles[a].events[safe: e] {
                highlight = ev.sentenceRange
                scrollArticle(to: ev.range.start)
            }
        case .quotes: showSelectedQuote(); focus = .article
        case .article: break
        }
    }

    // MARK: search and filter

    mutating func input(_ key: Key) {
        if var p = prompt {
            switch key {
            case .enter:
                prompt = nil
                if p.kind == .filter { setFilter(p.text) } else if search.hits.isEmpty && !p.text.isEmpty { message = "no match for \(p.text)" }
                return
            case .escape:
                prompt = nil
                if p.kind == .search { search = SearchState() }
                return
            case .backspace: if !p.text.isEmpty { p.text.removeLast() }
            case .char(let c): p.text.append(c)
            case .ctrl("u"): p.text = ""
            default: return
            }
            prompt = p
            if p.kind == .search { runSearch(p.text) }
            return
        }
        if case .speakers(var filterText, var sel) = overlay {
            let list = speakerEntries(filter: filterText)
            switch key {
            case .escape: overlay = nil; return
            case .enter:
                if list.indices.contains(sel) { jumpToSpeaker(list[sel].name) }
                return
            case .up: sel -= 1
            case .down: sel += 1
            case .pageUp: sel -= 10
            case .pageDown: sel += 10
            case .home: sel = 0
            case .end: sel = list.count - 1
            case .backspace: if !filterText.isEmpty { filterText.removeLast(); sel = 0 }
            case .char(let c): filterText.append(c); sel = 0
            default: return
            }
            let n = speakerEntries(filter: filterText).count
            overlay = .speakers(filter: filterText, selection: clamp(sel, 0, max(0, n - 1)))
            return
        }
        if key == .enter { open() }
    }

    /// Incremental search: recompute hits and move to the first one at or after the current article.
    mutating func runSearch(_ text: String) {
        var q = SearchQuery(parsing: text)
        if let f = filterQuery { q.speaker = q.speaker ?? f.speaker; q.dateFrom = q.dateFrom ?? f.dateFrom; q.dateTo = q.dateTo ?? f.dateTo; q.file = q.file ?? f.file }
        search.query = text
        guard !q.terms.isEmpty else { search.hits = []; search.current = nil; search.perArticle = [:]; search.run = nil; return }
        // Rows list articles in corpus order, so hits in corpus order are in timeline order too.
        search.hits = []
        search.perArticle = [:]
        search.current = nil
        search.taken = 0
        search.run = SearchRun(corpus, q)
        searchStep()
    }

    /// Articles scanned per step: a few milliseconds, so keys stay responsive on large corpora.
    /// Fewer when each is read from the cache first.
    var searchSlice: Int { corpus.articles.isOnDemand ? 150 : 2_000 }

    /// Scans the next slice of the search under way and takes its hits; the first match at or
    /// after the current article is selected as soon as it is found.
    mutating func searchStep() {
        guard var run = search.run else { return }
        run.advance(in: corpus, articles: searchSlice)
        // Hits in articles the filter hides are not taken (`shownArticles` is kept with the rows).
        for hit in run.hits[search.taken...] where shownArticles?[hit.article] ?? true {
            search.hits.append(hit)
            search.perArticle[hit.article, default: 0] += 1
        }
        search.taken = run.hits.count
        search.run = run.complete ? nil : run
        if search.current == nil {
            if let first = search.hits.firstIndex(where: { $0.article >= currentArticle }) {
                goToHit(first)
            } else if run.complete, !search.hits.isEmpty {
                goToHit(0)
            }
        }
    }

    mutating func stepMatch(_ delta: Int) {
        guard !search.hits.isEmpty else { message = search.query.isEmpty ? "no search: press / to search" : "no matches"; return }
        let n = search.hits.count
        let next = ((search.current ?? (delta > 0 ? -1 : 0)) + delta + n) % n
        if let c = search.current, (delta > 0 && next < c) || (delta < 0 && next > c) { message = delta > 0 ? "search wrapped to the top" : "search wrapped to the bottom" }
        goToHit(next)
    }

    mutating func goToHit(_ i: Int) {
        search.current = i
        let hit = search.hits[i]
        if hit.article != currentArticle { showArticle(hit.article) }
        if let row = timelineRows.firstIndex(of: .article(hit.article)) { timelineSelection = row; ensureTimelineVisible() }
        scrollArticle(to: hit.range.start)
    }

    mutating func setFilter(_ text: String) {
        filter = text.trimmingCharacters(in: .whitespaces)
        let keep = currentArticle
        refreshRows()
        if let row = timelineRows.firstIndex(where: { $0.article == keep }) {
            timelineSelection = row
        } else if let first = timelineRows.first {
            timelineSelection = 0; showArticle(first.article)
        } else {
            articleScroll = 0; selectFirstQuote()
        }
        ensureTimelineVisible()
        if !search.query.isEmpty { runSearch(search.query) }
        message = filter.isEmpty ? "filter cleared" : "\(articleCount) article\(articleCount == 1 ? "" : "s") match"
    }


    // MARK: speakers

    /// Speakers whose name or alias contains the typed text (accent- and case-insensitive).
    public func speakerEntries(filter text: String) -> [Speaker] {
        guard !text.isEmpty else { return corpus.speakers }
        let needle = TextFolding.fold(text, keepCase: false)
        return corpus.speakers.filter { sp in
            ([sp.name] + sp.aliases + [sp.role ?? ""]).contains { Search.find(needle, in: TextFolding.fold($0, keepCase: false), from: 0) != nil }
        }
    }

    /// Every quote of one speaker in timeline order (respecting the filter).
    func quotes(of speaker: String) -> [QuoteRef] {
        // Article rows run in corpus order, so the speaker's quotes in corpus order are in
        // timeline order; a filter keeps those of the articles it shows.
        let refs = corpus.articles.quoteRefs(of: speaker)
        guard let shown = shownArticles else { return refs }
        return refs.filter { shown[$0.article] }
    }

    mutating func jumpToSpeaker(_ name: String) {
        overlay = nil
        guard let first = quotes(of: name).first else { message = "no quotes by \(name) in view"; return }
        go(to: first)
        message = "\(name): quote 1 of \(quotes(of: name).count) — ] and [ for the next and previous"
    }

    mutating func go(to ref: QuoteRef) {
        if ref.article != currentArticle { showArticle(ref.article) }
        if let row = timelineRows.firstIndex(of: .article(ref.article)) { timelineSelection = row; ensureTimelineVisible() }
        quoteSelection = ref.quote
        focus = .quotes
        showSelectedQuote()
    }

    mutating func stepSpeaker(_ delta: Int) {
        guard quotes.indices.contains(quoteSelection), let name = quotes[quoteSelection].speaker else {
            message = "select a quote with a named speaker first (3, then j/k)"
            return
        }
        let refs = quotes(of: name)
        guard let here = refs.firstIndex(of: QuoteRef(article: currentArticle, quote: quoteSelection)) else { return }
        let next = here + delta
        guard refs.indices.contains(next) else {
            message = delta > 0 ? "last quote by \(name)" : "first quote by \(name)"
            return
        }
        go(to: refs[next])
        message = "\(name): quote \(next + 1) of \(refs.count)"
    }

    // MARK: marks

    mutating func toggleBookmark() {
        guard let a = article else { return }
        if let i = marks.bookmarks.firstIndex(of: a.id) { marks.bookmarks.remove(at: i); message = "bookmark removed" } else { marks.bookmarks.append(a.id); message = "bookmarked \(a.id)" }
    }

    mutating func toggleStar() {
        guard let a = article, quotes.indices.contains(quoteSelection) else { message = "no quote selected"; return }
        let key = Marks.StarKey(article: a.id, start: quotes[quoteSelection].range.start)
        if let i = marks.stars.firstIndex(of: key) { marks.stars.remove(at: i); message = "star removed" } else { marks.stars.append(key); message = "quote starred" }
    }

    /// Bookmarks then stars, resolved against the corpus.
    public func markEntries() -> [(label: String, ref: QuoteRef)] {
        var out: [(String, QuoteRef)] = []
        for id in marks.bookmarks {
            if let a = corpus.articles.index(ofID: id) { out.append(("▶ " + corpus.articles.summary(a).displayTitle, QuoteRef(article: a, quote: -1))) }
        }
        for star in marks.stars {
            guard let a = corpus.articles.index(ofID: star.article) else { continue }
            let quotes = corpus.articles[a].quotes
            guard let q = quotes.firstIndex(where: { $0.range.start == star.start }) else { continue }
            let quote = quotes[q]
            out.append(("★ \(quote.speaker ?? "unattributed"): “\(quote.text)”", QuoteRef(article: a, quote: q)))
        }
        return out
    }

    mutating func openMark(_ sel: Int) {
        let entries = markEntries()
        overlay = nil
        guard entries.indices.contains(sel) else { return }
        let ref = entries[sel].ref
        if ref.quote < 0 {
            showArticle(ref.article)
            if let row = timelineRows.firstIndex(of: .article(ref.article)) { timelineSelection = row; ensureTimelineVisible() }
            focus = .article
        } else { go(to: ref) }
    }

    // MARK: mouse

    mutating func mouse(_ m: MouseEvent) {
        guard overlay == nil, prompt == nil else { return }
        let l = layout
        guard let pane = PaneID.allCases.first(where: { l.rect($0).contains(x: m.x, y: m.y) }) else { return }
        switch m.kind {
        case .wheelUp, .wheelDown:
            let saved = focus
            focus = pane
            move(by: m.kind == .wheelUp ? -3 : 3)
            if pane != .timeline || saved == .timeline { focus = saved } else { focus = saved }
        case .click:
            focus = pane
            let inner = Layout.inner(l.rect(pane))
            let row = m.y - inner.y
            guard row >= 0 else { return }
            switch pane {
            case .timeline: selectRow(timelineScroll + row)
            case .quotes:
                if let q = QuotePane.quote(atRow: row, state: self) { quoteSelection = q; showSelectedQuote() }
            case .article: break
            }
        }
    }
}

func clamp(_ v: Int, _ lo: Int, _ hi: Int) -> Int { max(lo, min(hi, v)) }

extension Int {
    func addingClamped(_ d: Int) -> Int {
        let (r, o) = addingReportingOverflow(d)
        return o ? (d > 0 ? Int.max : Int.min) : r
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

import Foundation
