/// Every key binding, generated from the keymap so it cannot disagree with it. Uses two columns
/// when one does not fit, and scrolls with j/k when even two do not.
public enum HelpOverlay {
    public static func draw(_ state: ReaderState, keymap: Keymap, on canvas: inout Canvas) {
        var rows = keymap.bindings.map { b in (b.keys.prefix(2).map(\.label).joined(separator: " "), b.help) }
        rows.append(("", ""))
        rows.append(("search", "smart case; accents and quote styles ignored; \"a phrase\""))
        rows.append(("filters", "speaker:NAME date:A..B file:TEXT, with words"))
        let keyWidth = min(14, (rows.map { DisplayWidth.of($0.0) }.max() ?? 8) + 2)
        let one = keyWidth + (rows.map { DisplayWidth.of($0.1) }.max() ?? 20)
        let available = max(1, canvas.height - 4)
        let columns = rows.count > available && canvas.width >= 80 ? 2 : 1
        let perColumn = (rows.count + columns - 1) / columns
        let width = columns == 1 ? one + 4 : min(2 * one + 5, canvas.width - 2)
        let inner = OverlayFrame.box(&canvas, title: "Keys — ? or q to close", width: width, height: perColumn + 2)
        let scroll = min(state.helpScroll, max(0, perColumn - inner.height))
        let columnWidth = columns == 1 ? inner.width : (inner.width - 1) / 2
        for c in 0..<columns {
            let x = inner.x + c * (columnWidth + 1)
            for line in 0..<inner.height {
                let i = c * perColumn + scroll + line
                guard i < min(rows.count, (c + 1) * perColumn) else { break }
                let (keys, help) = rows[i]
                canvas.put(DisplayWidth.pad(keys, to: keyWidth), x: x, y: inner.y + line, style: [.bold], role: .accent, limit: columnWidth)
                canvas.put(DisplayWidth.truncate(help, to: max(0, columnWidth - keyWidth)), x: x + keyWidth, y: inner.y + line)
            }
        }
        if perColumn > inner.height {
            canvas.put(" j/k scroll ", x: inner.x + inner.width - 12, y: inner.y + inner.height, role: .dim)
        }
    }
}
