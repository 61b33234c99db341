import DossierCore

/// What a cell means, not its colour: the terminal layer maps roles to colours (or to
/// attributes only, under NO_COLOR).
public enum ColorRole: Hashable, Sendable {
    case normal, dim, title, accent, border, status, statusAccent, selection, quote, match, currentMatch, warning
    /// A speaker's stable colour slot.
    case speaker(Int)
}

/// Attributes that survive without colour.
public struct TextStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextStyle(rawValue: 1)
    public static let reverse = TextStyle(rawValue: 2)
    public static let underline = TextStyle(rawValue: 4)
    public static let dim = TextStyle(rawValue: 8)
}

/// One screen cell. A wide character occupies its cell and leaves the next one `continuation`.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: TextStyle
    public var role: ColorRole
    public var continuation: Bool
    public static let blank = Cell(character: " ", style: [], role: .normal, continuation: false)
}

/// A rectangle of the screen, in cells.
public struct Rect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) { self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height) }
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < x + width && py >= y && py < y + height }
}

/// Terminal size in cells.
public struct Size: Hashable, Sendable {
    public var width: Int, height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

/// An in-memory screen that panes render into; the terminal layer copies it to ncurses and
/// tests compare it as text.
public struct Canvas: Sendable {
    public let width: Int, height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` at (x, y), clipped to `limit` columns (default: to the right edge);
    /// unsafe scalars become placeholders. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: TextStyle = [], role: ColorRole = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var col = x
        for ch in TerminalSafe.visible(text) {
            let w = DisplayWidth.of(ch)
            if w == 0 {
                if col > x, col - 1 < width, col - 1 >= 0 {
                    var prev = self[col - 1, y]
                    if !prev.continuation { prev.character = Character(String(prev.character) + String(ch)); self[col - 1, y] = prev }
                }
                continue
            }
            if col + w > end { break }
            if col >= 0 {
                self[col, y] = Cell(character: ch, style: style, role: role, continuation: false)
                for k in 1..<max(1, w) { self[col + k, y] = Cell(character: " ", style: style, role: role, continuation: true) }
            }
            col += w
        }
        return col - x
    }

    /// Fills a rectangle with spaces of one style.
    public mutating func fill(_ r: Rect, style: TextStyle = [], role: ColorRole = .normal) {
        for y in max(0, r.y)..<min(height, r.y + r.height) {
            for x in max(0, r.x)..<min(width, r.x + r.width) {
                self[x, y] = Cell(character: " ", style: style, role: role, continuation: false)
            }
        }
    }

    /// Restyles existing cells (for highlights over already-written text).
    public mutating func restyle(x: Int, y: Int, count: Int, style: TextStyle, role: ColorRole) {
        guard y >= 0, y < height else { return }
        for cx in max(0, x)..<min(width, x + count) {
            self[cx, y].style = style; self[cx, y].role = role
        }
    }

    /// The screen as plain text, one line per row, trailing spaces removed (for tests).
    public var text: String {
        (0..<height).map { row($0) }.joined(separator: "\n")
    }

    public func row(_ y: Int) -> String {
        var s = ""
        for x in 0..<width where !self[x, y].continuation { s.append(self[x, y].character) }
        while s.last == " " { s.removeLast() }
        return s
    }
}
