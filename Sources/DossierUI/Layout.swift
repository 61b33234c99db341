/// Where the panes go: side by side on wide terminals, stacked on narrow ones.
public struct Layout: Hashable, Sendable {
    public var timeline: Rect
    public var article: Rect
    public var quotes: Rect
    public var status: Rect
    /// False when the terminal is too small to show anything useful.
    public var usable: Bool

    public static let minimum = Size(width: 20, height: 6)

    public static func compute(_ size: Size) -> Layout {
        let usable = size.width >= minimum.width && size.height >= minimum.height
        let status = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        let h = max(0, size.height - 1)
        if size.width >= 120 {
            let tw = size.width * 28 / 100, qw = size.width * 27 / 100
            let aw = size.width - tw - qw
            return Layout(timeline: Rect(x: 0, y: 0, width: tw, height: h),
                          article: Rect(x: tw, y: 0, width: aw, height: h),
                          quotes: Rect(x: tw + aw, y: 0, width: qw, height: h),
                          status: status, usable: usable)
        }
        let th = max(3, h * 3 / 10), qh = max(3, h * 3 / 10)
        let ah = max(0, h - th - qh)
        return Layout(timeline: Rect(x: 0, y: 0, width: size.width, height: th),
                      article: Rect(x: 0, y: th, width: size.width, height: ah),
                      quotes: Rect(x: 0, y: th + ah, width: size.width, height: qh),
                      status: status, usable: usable)
    }

    public func rect(_ pane: PaneID) -> Rect {
        switch pane {
        case .timeline: return timeline
        case .article: return article
        case .quotes: return quotes
        }
    }

    /// Inside a pane's frame (one row of title on top, one column of border on the left when
    /// the pane does not start at the screen edge).
    public static func inner(_ r: Rect) -> Rect {
        let left = r.x > 0 ? 1 : 0
        return Rect(x: r.x + left, y: r.y + 1, width: r.width - left, height: r.height - 1)
    }
}
