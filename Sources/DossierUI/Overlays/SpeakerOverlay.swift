import DossierCore

/// The speaker list: type to filter, Enter jumps to the speaker's first quote.
public enum SpeakerOverlay {
    public static func draw(_ state: ReaderState, filter: String, selection: Int, on canvas: inout Canvas) {
        let list = state.speakerEntries(filter: filter)
        let inner = OverlayFrame.box(&canvas, title: "Speakers (\(list.count)) — type to filter, Enter to jump", width: 90, height: canvas.height - 2)
        canvas.put("filter: " + filter + "▏", x: inner.x, y: inner.y, role: .accent, limit: inner.width)
        let height = max(0, inner.height - 2)
        let start = max(0, selection - height + 1)
        for (row, i) in (start..<max(start, min(list.count, start + height))).enumerated() {
            let sp = list[i]
            let y = inner.y + 2 + row
            let selected = i == selection
            let style: TextStyle = selected ? [.reverse, .bold] : []
            if selected { canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style, role: .selection) }
            let counts = "\(sp.quotes) quotes, \(sp.reported) statements"
            let x = inner.x + canvas.put(sp.name, x: inner.x, y: y, style: style.union(.bold), role: .speaker(SpeakerColors.slot(for: sp.name)), limit: inner.width)
            var rest = ""
            if let role = sp.role { rest += " · " + role }
            rest += " · " + counts
            canvas.put(rest, x: x, y: y, style: style, role: selected ? .selection : .dim, limit: inner.x + inner.width - x)
        }
        if list.isEmpty { canvas.put("no speaker matches", x: inner.x, y: inner.y + 2, role: .dim) }
    }
}
