/// Where the article's date came from, its metadata and the furniture that was dropped.
public enum DetailsOverlay {
    public static func draw(_ state: ReaderState, on canvas: inout Canvas) {
        guard let a = state.article else { return }
        var lines = ["date: " + TimelinePane.dateLabel(a.published) + " (\(a.published.precision.rawValue))", "why: " + a.published.evidence]
        for (k, v) in a.metadata.sorted(by: { $0.key < $1.key }) { lines.append("\(k): \(v)") }
        if !a.boilerplate.isEmpty { lines.append("dropped: " + a.boilerplate.joined(separator: " | ")) }
        let inner = OverlayFrame.box(&canvas, title: a.id, width: 90, height: canvas.height - 4)
        var y = inner.y
        for l in lines {
            for w in TextLayout.wrap(l, start: nil, width: inner.width, kind: .body) where y < inner.y + inner.height {
                canvas.put(w.text, x: inner.x, y: y, limit: inner.width); y += 1
            }
        }
    }
}
