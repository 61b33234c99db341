/// Bookmarked articles and starred quotes; Enter opens one.
public enum MarksOverlay {
    public static func draw(_ state: ReaderState, selection: Int, on canvas: inout Canvas) {
        let entries = state.markEntries()
        let inner = OverlayFrame.box(&canvas, title: "Bookmarks and stars — Enter to open", width: 90, height: min(canvas.height - 2, entries.count + 4))
        if entries.isEmpty {
            canvas.put("nothing yet: m bookmarks an article, * stars a quote", x: inner.x, y: inner.y, role: .dim, limit: inner.width)
            return
        }
        let start = max(0, selection - inner.height + 1)
        for (row, i) in (start..<min(entries.count, start + inner.height)).enumerated() {
            let style: TextStyle = i == selection ? [.reverse, .bold] : []
            if i == selection { canvas.fill(Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1), style: style, role: .selection) }
            canvas.put(entries[i].label, x: inner.x, y: inner.y + row, style: style, role: i == selection ? .selection : .normal, limit: inner.width)
        }
    }
}
