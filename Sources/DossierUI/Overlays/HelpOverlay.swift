/// Every key binding, generated from the keymap so it cannot disagree with it.
public enum HelpOverlay {
    public static func draw(_ state: ReaderState, keymap: Keymap, on canvas: inout Canvas) {
        let rows = keymap.bindings.map { b in (b.keys.map(\.label).joined(separator: " "), b.help) }
        let keyWidth = min(24, (rows.map { DisplayWidth.of($0.0) }.max() ?? 8) + 2)
        let inner = OverlayFrame.box(&canvas, title: "Keys — ? or q to close", width: 72, height: rows.count + 4)
        var y = inner.y
        for (keys, help) in rows where y < inner.y + inner.height {
            canvas.put(DisplayWidth.pad(keys, to: keyWidth), x: inner.x, y: y, style: [.bold], role: .accent, limit: inner.width)
            canvas.put(help, x: inner.x + keyWidth, y: y, limit: max(0, inner.width - keyWidth))
            y += 1
        }
        if y < inner.y + inner.height {
            canvas.put("Search: smart case, accents and quote styles ignored; \"a phrase\"; filters speaker: date:A..B file:", x: inner.x, y: y + 1, role: .dim, limit: inner.width)
        }
    }
}
