/// A centred box with a title, drawn over the panes.
enum OverlayFrame {
    static func box(_ canvas: inout Canvas, title: String, width: Int, height: Int) -> Rect {
        let w = min(canvas.width - 2, width), h = min(canvas.height - 2, height)
        let x = max(0, (canvas.width - w) / 2), y = max(0, (canvas.height - h) / 2)
        canvas.fill(Rect(x: x, y: y, width: w, height: h))
        let horizontal = String(repeating: "─", count: max(0, w - 2))
        canvas.put("┌" + horizontal + "┐", x: x, y: y, role: .border)
        canvas.put("└" + horizontal + "┘", x: x, y: y + h - 1, role: .border)
        for row in (y + 1)..<max(y + 1, y + h - 1) {
            canvas.put("│", x: x, y: row, role: .border)
            canvas.put("│", x: x + w - 1, y: row, role: .border)
        }
        canvas.put(" \(title) ", x: x + 2, y: y, style: [.bold], role: .title, limit: w - 4)
        return Rect(x: x + 2, y: y + 1, width: w - 4, height: h - 2)
    }
}
