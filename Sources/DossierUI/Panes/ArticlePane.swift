import DossierCore

/// The selected article, wrapped to the pane, with the selected quote (or event sentence) and
/// search matches highlighted.
public enum ArticlePane: Pane {
    public static let id = PaneID.article

    public static func title(_ state: ReaderState) -> String {
        guard let a = state.article else { return "Article" }
        let lines = state.articleLines().count
        let h = max(1, state.articlePageHeight)
        let pct = lines <= h ? 100 : min(100, (state.articleScroll + h) * 100 / lines)
        return "Article · \(a.id) · \(pct)%"
    }

    public static func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        guard let article = state.article else { return }
        let lines = state.articleLines()
        let matches = state.search.hits.filter { $0.article == state.currentArticle }.map(\.range)
        let current = state.search.current.flatMap { state.search.hits[safe: $0] }.flatMap { $0.article == state.currentArticle ? $0.range : nil }
        let quoteSpeakers = article.quotes.filter { $0.kind != .reported }
        for row in 0..<rect.height {
            let i = state.articleScroll + row
            guard lines.indices.contains(i) else { break }
            let line = lines[i]
            let y = rect.y + row
            var x = rect.x + 1
            for (ch, off) in zip(line.characters, line.offsets) {
                var style: TextStyle = []
                var role: ColorRole = .normal
                switch line.kind {
                case .title: style = [.bold]; role = .title
                case .meta: role = .dim
                case .furniture: style = [.dim]; role = .dim
                case .body, .blank: break
                }
                if off >= 0 {
                    if let q = quoteSpeakers.first(where: { $0.range.contains(off) }) {
                        role = q.speaker.map { .speaker(SpeakerColors.slot(for: $0)) } ?? .quote
                    }
                    if let h = state.highlight, h.contains(off) { style.insert(.underline); style.insert(.bold) }
                    if matches.contains(where: { $0.contains(off) }) { style.insert(.reverse); role = .match }
                    if let c = current, c.contains(off) { style.insert(.reverse); style.insert(.bold); role = .currentMatch }
                }
                let w = canvas.put(String(ch), x: x, y: y, style: style, role: role, limit: rect.x + rect.width - x)
                x += w
            }
        }
    }
}
