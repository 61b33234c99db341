import DossierCore

/// What every pane provides: a title for its frame and a way to draw its inside.
/// Panes are stateless views of `ReaderState`; all their state lives there.
public protocol Pane {
    static var id: PaneID { get }
    static func title(_ state: ReaderState) -> String
    static func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas)
}

extension Pane {
    /// Draws the frame (title row, left border) and then the pane inside it.
    static func render(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        guard rect.width > 0, rect.height > 0 else { return }
        let focused = state.focus == id
        canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: focused ? [.reverse, .bold] : [.reverse], role: focused ? .accent : .border)
        canvas.put(" \(id.rawValue + 1) \(title(state)) ", x: rect.x, y: rect.y, style: focused ? [.reverse, .bold] : [.reverse], role: focused ? .accent : .border, limit: rect.width)
        if rect.x > 0 {
            for y in (rect.y + 1)..<(rect.y + rect.height) { canvas.put("│", x: rect.x, y: y, role: .border) }
        }
        draw(state, in: Layout.inner(rect), on: &canvas)
    }
}

/// A stable colour slot per speaker name, the same on every run.
public enum SpeakerColors {
    public static let slots = 12
    public static func slot(for name: String) -> Int {
        var h: UInt32 = 2166136261
        for b in name.utf8 { h = (h ^ UInt32(b)) &* 16777619 }
        return Int(h % UInt32(slots))
    }
}
