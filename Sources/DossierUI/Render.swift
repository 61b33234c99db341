import DossierCore

/// The whole screen as a function of the state.
public func render(_ state: ReaderState, keymap: Keymap = .standard) -> Canvas {
    var canvas = Canvas(width: state.size.width, height: state.size.height)
    let layout = Layout.compute(state.size)
    guard layout.usable else {
        canvas.put("terminal too small", x: 0, y: 0, role: .warning, limit: state.size.width)
        if state.size.height > 1 { canvas.put("need \(Layout.minimum.width)x\(Layout.minimum.height)", x: 0, y: 1, role: .dim) }
        return canvas
    }
    TimelinePane.render(state, in: layout.timeline, on: &canvas)
    ArticlePane.render(state, in: layout.article, on: &canvas)
    QuotePane.render(state, in: layout.quotes, on: &canvas)
    StatusLine.draw(state, in: layout.status, on: &canvas)
    switch state.overlay {
    case .help?: HelpOverlay.draw(state, keymap: keymap, on: &canvas)
    case .speakers(let f, let sel)?: SpeakerOverlay.draw(state, filter: f, selection: sel, on: &canvas)
    case .marks(let sel)?: MarksOverlay.draw(state, selection: sel, on: &canvas)
    case .details?: DetailsOverlay.draw(state, on: &canvas)
    case nil: break
    }
    return canvas
}
