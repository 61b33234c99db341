import DossierCore

/// The article's quotes, one entry each: speaker (in their colour), kind, and the text.
public enum QuotePane: Pane {
    public static let id = PaneID.quotes
    /// Text lines shown per entry before it is cut with an ellipsis.
    static let maxTextLines = 3

    public static func title(_ state: ReaderState) -> String {
        let n = state.quotes.count
        return "Quotes · \(n)" + (n > 0 ? " · \(min(state.quoteSelection + 1, n))/\(n)" : "")
    }

    /// The lines of one entry at a width.
    static func entryLines(_ q: Quote, index: Int, state: ReaderState, width: Int) -> [(String, ColorRole, TextStyle)] {
        let speaker = q.speaker ?? "unattributed"
        let star = state.article.map { a in state.marks.stars.contains(Marks.StarKey(article: a.id, start: q.range.start)) } ?? false
        let role: ColorRole = q.speaker.map { .speaker(SpeakerColors.slot(for: $0)) } ?? .dim
        var out: [(String, ColorRole, TextStyle)] = [((star ? "★ " : "") + speaker + (q.kind == .direct ? "" : " (\(q.kind.rawValue))"), role, [.bold])]
        let body = q.kind == .reported ? q.text : "“\(q.text)”"
        let wrapped = TextLayout.wrap(body, start: nil, width: max(1, width - 4), kind: .body)
        for (i, l) in wrapped.prefix(maxTextLines).enumerated() {
            let cut = i == maxTextLines - 1 && wrapped.count > maxTextLines
            out.append(("  " + l.text + (cut ? "…" : ""), .normal, []))
        }
        if let also = alsoReported(q, index: index, state: state) { out.append(("  " + also, .dim, [.dim])) }
        return out
    }

    /// "also reported by …" for statements linked across outlets.
    static func alsoReported(_ q: Quote, index: Int, state: ReaderState) -> String? {
        let me = QuoteRef(article: state.currentArticle, quote: index)
        let others = state.corpus.linkLookup.linked(to: me)
        guard !others.isEmpty else { return nil }
        let names = Set(others.map { state.corpus.articles.id($0.article) }).sorted()
        return "also reported by " + names.joined(separator: ", ")
    }

    /// Which quote an inner row shows (for mouse clicks).
    public static func quote(atRow row: Int, state: ReaderState) -> Int? {
        let width = Layout.inner(Layout.compute(state.size).quotes).width
        var y = 0
        for i in state.quoteScrollStart(width: width)..<state.quotes.count {
            let h = entryLines(state.quotes[i], index: i, state: state, width: width).count + 1
            if row < y + h { return i }
            y += h
        }
        return nil
    }

    public static func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        let quotes = state.quotes
        guard !quotes.isEmpty else {
            canvas.put("no quotes in this article", x: rect.x + 1, y: rect.y, role: .dim, limit: rect.width - 1)
            return
        }
        var y = rect.y
        for i in state.quoteScrollStart(width: rect.width)..<quotes.count {
            guard y < rect.y + rect.height else { break }
            let selected = i == state.quoteSelection
            for (text, role, style) in entryLines(quotes[i], index: i, state: state, width: rect.width) {
                guard y < rect.y + rect.height else { break }
                var st = style
                if selected { st.insert(.reverse); if state.focus == .quotes { st.insert(.bold) } }
                if selected { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: st, role: role) }
                canvas.put(" " + text, x: rect.x, y: y, style: st, role: role, limit: rect.width)
                y += 1
            }
            y += 1
        }
    }
}

extension ReaderState {
    /// The first entry to draw so that the selected quote is fully visible.
    func quoteScrollStart(width: Int) -> Int {
        let height = Layout.inner(layout.quotes).height
        var start = 0
        var total = 0
        for i in 0...max(0, min(quoteSelection, quotes.count - 1)) where quotes.indices.contains(i) {
            total += QuotePane.entryLines(quotes[i], index: i, state: self, width: width).count + 1
        }
        var first = 0
        while total > height + 1, first < quoteSelection {
            total -= QuotePane.entryLines(quotes[first], index: first, state: self, width: width).count + 1
            first += 1
        }
        start = first
        return start
    }
}
