import DossierCore
import Foundation

/// One wrapped line of text, each character carrying the source offset it came from so that
/// quotes and search matches can be highlighted exactly.
public struct WrappedLine: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case title, meta, body, blank, furniture }
    public var characters: [Character]
    /// Source offset (Unicode scalars) of each character; -1 where the text is not from the source.
    public var offsets: [Int]
    public var kind: Kind

    public init(_ text: String, kind: Kind) {
        characters = Array(text); offsets = Array(repeating: -1, count: characters.count); self.kind = kind
    }
    init(characters: [Character], offsets: [Int], kind: Kind) { self.characters = characters; self.offsets = offsets; self.kind = kind }

    public var text: String { String(characters) }
    /// First and last source offsets on the line, if any.
    public var sourceSpan: SourceRange? {
        guard let a = offsets.first(where: { $0 >= 0 }), let b = offsets.last(where: { $0 >= 0 }) else { return nil }
        return SourceRange(a, b + 1)
    }
}

/// Greedy word wrapping by display width; words wider than the line are broken.
public enum TextLayout {
    public static func wrap(_ text: String, start: Int?, width: Int, kind: WrappedLine.Kind) -> [WrappedLine] {
        guard width > 0 else { return [] }
        var lines: [WrappedLine] = []
        var chars: [Character] = [], offs: [Int] = []
        var used = 0
        var word: [Character] = [], wordOffs: [Int] = [], wordWidth = 0
        var offset = start ?? 0

        func flushLine() {
            while chars.last == " " { chars.removeLast(); offs.removeLast() }
            lines.append(WrappedLine(characters: chars, offsets: offs, kind: kind))
            chars = []; offs = []; used = 0
        }
        func placeWord() {
            if used > 0, used + wordWidth > width { flushLine() }
            if wordWidth > width {
                for (c, o) in zip(word, wordOffs) {
                    let w = DisplayWidth.of(c)
                    if used + w > width { flushLine() }
                    chars.append(c); offs.append(o); used += w
                }
            } else {
                chars += word; offs += wordOffs; used += wordWidth
            }
            word = []; wordOffs = []; wordWidth = 0
        }
        for c in text {
            let o = start == nil ? -1 : offset
            offset += c.unicodeScalars.count
            if c == " " {
                placeWord()
                if used > 0, used < width { chars.append(" "); offs.append(o); used += 1 }
            } else {
                word.append(c); wordOffs.append(o); wordWidth += DisplayWidth.of(c)
            }
        }
        placeWord()
        if !chars.isEmpty || lines.isEmpty { flushLine() }
        return lines
    }

    /// The article as lines for the article pane: title, date, story paragraphs
    /// (and, when asked, the dropped furniture, greyed).
    public static func article(_ a: Article, width: Int, furniture: Bool) -> [WrappedLine] {
        ArticleLayoutCache.shared.lines(a, width: width, furniture: furniture)
    }

    static func buildArticle(_ a: Article, width: Int, furniture: Bool) -> [WrappedLine] {
        var lines = a.title.map { wrap($0, start: nil, width: width, kind: .title) } ?? []
        var meta = a.published.date.map { "\($0.iso)\(a.published.inferred ? " (inferred)" : "")" } ?? "date unknown"
        meta += " · \(a.id)"
        if let source = a.metadata["source"] { meta += " · \(source)" }
        lines += wrap(meta, start: nil, width: width, kind: .meta)
        for p in a.paragraphs {
            lines.append(WrappedLine("", kind: .blank))
            lines += wrap(p.text, start: p.start, width: width, kind: .body)
        }
        if furniture, !a.boilerplate.isEmpty {
            lines.append(WrappedLine("", kind: .blank))
            lines += wrap("── dropped as page furniture ──", start: nil, width: width, kind: .furniture)
            for b in a.boilerplate { lines += wrap(b, start: nil, width: width, kind: .furniture) }
        }
        return lines
    }

    /// The first line index showing a source offset.
    public static func line(containing offset: Int, in lines: [WrappedLine]) -> Int? {
        var best: Int? = nil
        for (i, l) in lines.enumerated() {
            guard let span = l.sourceSpan else { continue }
            if span.start <= offset { best = i }
            if span.start > offset { break }
        }
        return best
    }
}

/// Wrapping a long article is the costly part of a frame; keep the last few layouts.
final class ArticleLayoutCache: @unchecked Sendable {
    static let shared = ArticleLayoutCache()
    private struct Key: Hashable { var id: String; var path: String; var width: Int; var furniture: Bool; var length: Int; var count: Int }
    private var entries: [Key: [WrappedLine]] = [:]
    private var order: [Key] = []
    private let lock = NSLock()

    func lines(_ a: Article, width: Int, furniture: Bool) -> [WrappedLine] {
        let key = Key(id: a.id, path: a.path, width: width, furniture: furniture, length: a.sourceLength, count: a.paragraphs.count)
        lock.lock()
        if let hit = entries[key] { lock.unlock(); return hit }
        lock.unlock()
        let built = TextLayout.buildArticle(a, width: width, furniture: furniture)
        lock.lock()
        entries[key] = built
        order.append(key)
        if order.count > 8 { entries[order.removeFirst()] = nil }
        lock.unlock()
        return built
    }
}
