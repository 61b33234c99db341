import DossierCore

/// The bottom line: a prompt while typing, otherwise corpus, position, search counter,
/// filter, progress, message and key hints.
public enum StatusLine {
    public static func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        canvas.fill(rect, style: [.reverse], role: .status)
        if let p = state.prompt {
            let label = p.kind == .search ? "/" : "filter: "
            var text = label + p.text + "▏"
            if p.kind == .search, !p.text.isEmpty { text += "   " + counter(state) }
            canvas.put(text, x: rect.x, y: rect.y, style: [.reverse, .bold], role: .statusAccent, limit: rect.width)
            return
        }
        var parts: [String] = []
        let n = state.corpus.articles.count
        parts.append("Dossier · \(n) article\(n == 1 ? "" : "s")")
        if let row = state.currentRow, let a = state.article {
            parts.append("\(row + 1)/\(state.timelineRows.count) \(TimelinePane.dateLabel(a.published))")
        }
        if !state.search.query.isEmpty { parts.append("/\(state.search.query) " + counter(state)) }
        if !state.filter.isEmpty { parts.append("filter: \(state.filter)") }
        if let p = state.progress {
            parts.append(p.total == 0 ? "loading…" : String(format: "indexing %d/%d (%.0f/s)", p.done, p.total, p.rate))
        }
        if let m = state.message { parts.append(m) }
        if let a = state.article, a.published.inferred, state.message == nil { parts.append("date: " + a.published.evidence) }
        let hints = "?:help q:quit"
        let left = " " + parts.joined(separator: " │ ")
        let hintWidth = DisplayWidth.of(hints)
        canvas.put(left, x: rect.x, y: rect.y, style: [.reverse], role: .status, limit: max(0, rect.width - hintWidth - 2))
        if rect.width > hintWidth + 10 {
            canvas.put(hints, x: rect.x + rect.width - hintWidth - 1, y: rect.y, style: [.reverse, .bold], role: .statusAccent)
        }
    }

    /// "3 of 12", "12 matches", or "no matches".
    static func counter(_ state: ReaderState) -> String {
        let n = state.search.hits.count
        let more = state.search.inProgress ? "+" : ""
        if n == 0 { return state.search.inProgress ? "searching…" : "no matches" }
        if let c = state.search.current { return "\(c + 1) of \(n)\(more)" }
        return "\(n)\(more) matches"
    }
}
