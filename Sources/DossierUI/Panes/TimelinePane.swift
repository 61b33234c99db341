import DossierCore

/// Articles (and, with `e`, their events) by date. Inferred dates carry a `~`; articles
/// about the same story share a group bar.
public enum TimelinePane: Pane {
    public static let id = PaneID.timeline

    public static func title(_ state: ReaderState) -> String {
        let n = state.articleCount
        return "Timeline · \(n) article\(n == 1 ? "" : "s")\(state.showEvents ? " + events" : "")\(state.filter.isEmpty ? "" : " · filtered")"
    }

    /// How a date is shown: as precise as it is known, `?` when unknown.
    public static func dateLabel(_ p: Publication) -> String {
        guard let d = p.date else { return "?" }
        return d.iso + (p.inferred ? "~" : "")
    }

    public static func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        let rows = state.timelineRows
        if rows.isEmpty {
            let empty = state.progress != nil ? "loading…" : (state.corpus.articles.isEmpty ? "no articles" : "nothing matches the filter")
            canvas.put(empty, x: rect.x + 1, y: rect.y, role: .dim, limit: rect.width - 1)
            return
        }
        for line in 0..<rect.height {
            let i = state.timelineScroll + line
            guard rows.indices.contains(i) else { break }
            let y = rect.y + line
            let selected = i == state.timelineSelection
            let style: TextStyle = selected ? (state.focus == .timeline ? [.reverse, .bold] : [.reverse]) : []
            let role: ColorRole = selected ? .selection : .normal
            if selected { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style, role: role) }
            switch rows[i] {
            case .article(let a):
                let art = state.corpus.articles.summary(a)
                let story = art.story
                let groupRole: ColorRole = story.map { .speaker(SpeakerColors.slot(for: $0)) } ?? .accent
                var x = rect.x + canvas.put(story == nil ? " " : "┃", x: rect.x, y: y, style: style, role: selected ? role : groupRole, limit: rect.width)
                let date = DisplayWidth.pad(dateLabel(art.published), to: 11)
                x += canvas.put(date, x: x, y: y, style: style, role: selected ? role : (art.published.inferred ? .dim : .accent), limit: rect.x + rect.width - x)
                var title = art.displayTitle
                if let n = state.search.perArticle[a] { title = "[\(n)] " + title }
                if state.marks.bookmarks.contains(art.id) { title = "▶ " + title }
                canvas.put(DisplayWidth.truncate(title, to: rect.x + rect.width - x), x: x, y: y, style: style, role: role)
            case .event(let a, let e):
                let art = state.corpus.articles[a]
                // A record damaged since the start reads back without its events.
                guard art.events.indices.contains(e) else { continue }
                let ev = art.events[e]
                let label = " · \(DisplayWidth.pad(ev.date.iso, to: 10)) \(ev.text) — \(art.sentence(of: ev))"
                canvas.put(DisplayWidth.truncate(label, to: rect.width), x: rect.x, y: y, style: style, role: selected ? role : .dim)
            }
        }
    }
}
