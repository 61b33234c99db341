import DossierCore
import DossierTestSupport
@testable import DossierUI
import Foundation
import Testing

/// 10,000 random keys — Esc sequences, multi-byte characters, mouse reports anywhere — at
/// random sizes, through the same path as the terminal: `action(for:in:)`, `reduce`, `render`.
/// A fixed seed makes any failure reproducible; the step number is in the message.
@Suite("Key storm")
struct KeyStormTests {
    static let packageRoot = packageRootPath

    static var seedCorpus: Corpus { CorpusBuilder.load(paths: [packageRoot + "/seeds"]) }

    /// Text that tries to drive the terminal, plus long names and unclosed quotes.
    static var hostileCorpus: Corpus {
        let name = (0..<400).map { "Xa\($0)" }.joined(separator: " ")
        let texts = [
            "Hostile \u{1B}]52;c;SE9TVA==\u{07} title \u{202E}rev\n\n\u{201C}Quoted \u{1B}[2J words,\u{201D} said \(name).\n\n\u{9B}31m C1 \u{9D} and \u{0}NUL\r\nend\n",
            "東京 😀 👨‍👩‍👧 e\u{301} \u{5D0}\u{5D1} tab\there\n\n\"never closed " + String(repeating: "word ", count: 400) + "\n",
            String(repeating: "\"", count: 1000) + "\n\n" + String(repeating: "x", count: 1500) + "\n",
        ]
        let docs = texts.enumerated().flatMap { i, t in Loader.documents(bytes: Array(t.utf8), id: "hostile\(i).txt", path: "hostile\(i).txt").documents }
        return CorpusBuilder.build(CorpusBuilder.parseAll(docs))
    }

    /// Keys as the terminal layer would deliver them.
    static func randomKey(_ rng: inout SplitMix, size: Size) -> [Key] {
        let plain: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab,
                            .escape, .backspace, .delete, .unknown, .function(1), .function(5), .function(12)]
        let chars: [Character] = Array("jkJKgGhl123nN/f[]semq*'F? bx9#:.-") + ["é", "東", "😀", "👨‍👩‍👧", "e\u{301}", "\u{202E}", "\u{1B}", "\u{7F}", "\u{9B}", "\u{0}", "ش", "\u{200D}"]
        switch rng.next() % 100 {
        case 0..<35: return [plain[Int(rng.next() % UInt64(plain.count))]]
        case 35..<75: return [.char(chars[Int(rng.next() % UInt64(chars.count))])]
        case 75..<82: return [.ctrl(Character(Unicode.Scalar(UInt8(97 + rng.next() % 26))))]
        case 82..<90:
            // An escape sequence split into keys, as when ESCDELAY runs out mid-sequence.
            let tails = ["[A", "[1;5C", "]52;c;QQ==", "[200~paste[201~", "OP", "[<0;10;5M"]
            return [.escape] + tails[Int(rng.next() % UInt64(tails.count))].map { Key.char($0) }
        default:
            let kinds: [MouseEvent.Kind] = [.click, .wheelUp, .wheelDown]
            let x = Int(rng.next() % UInt64(size.width + 20)) - 10, y = Int(rng.next() % UInt64(size.height + 20)) - 10
            return [.mouse(MouseEvent(kind: kinds[Int(rng.next() % 3)], x: x, y: y))]
        }
    }

    static func randomSize(_ rng: inout SplitMix) -> Size {
        switch rng.next() % 20 {
        case 0, 1: return Size(width: 1, height: 1)
        case 2: return Size(width: 400, height: 120)
        case 3, 4: return Size(width: 1 + Int(rng.next() % 25), height: 1 + Int(rng.next() % 8))
        default: return Size(width: 20 + Int(rng.next() % 120), height: 6 + Int(rng.next() % 40))
        }
    }

    /// The invariants a user would notice break: selection and scroll inside bounds, canvas the
    /// size of the terminal, nothing on the canvas a terminal would interpret.
    static func check(_ s: ReaderState, _ canvas: Canvas, size: Size, step: Int) -> [String] {
        var bad: [String] = []
        if canvas.width != size.width || canvas.height != size.height || s.size != size { bad.append("canvas \(canvas.width)x\(canvas.height), state \(s.size), terminal \(size)") }
        let rows = s.timelineRows.count
        if s.timelineSelection < 0 || s.timelineSelection > max(0, rows - 1) { bad.append("timeline selection \(s.timelineSelection) of \(rows)") }
        if s.timelineScroll < 0 || s.timelineScroll > max(0, rows - 1) || s.timelineScroll > s.timelineSelection { bad.append("timeline scroll \(s.timelineScroll), selection \(s.timelineSelection), rows \(rows)") }
        if !s.corpus.articles.indices.contains(s.currentArticle) { bad.append("current article \(s.currentArticle)") }
        let maxScroll = max(0, s.articleLines().count - s.articlePageHeight)
        if s.articleScroll < 0 || s.articleScroll > maxScroll { bad.append("article scroll \(s.articleScroll) of \(maxScroll)") }
        let quotes = s.article?.quotes.count ?? 0
        if s.quoteSelection < 0 || s.quoteSelection > max(0, quotes - 1) { bad.append("quote selection \(s.quoteSelection) of \(quotes)") }
        if s.quoteScroll < 0 { bad.append("quote scroll \(s.quoteScroll)") }
        if let c = s.search.current, !s.search.hits.indices.contains(c) { bad.append("search current \(c) of \(s.search.hits.count)") }
        switch s.overlay {
        case .speakers(_, let sel)?, .marks(let sel)?: if sel < 0 { bad.append("overlay selection \(sel)") }
        default: break
        }
        if let h = s.highlight, let a = s.article, h.start < 0 || h.end > a.sourceLength || h.start > h.end { bad.append("highlight \(h) in \(a.sourceLength)") }
        if step % 5 == 0 {
            scan: for cell in canvas.cells where !cell.character.isASCII || cell.character.asciiValue! < 0x20 || cell.character == "\u{7F}" {
                for c in cell.character.unicodeScalars where TerminalSafe.isUnsafe(c) || c == "\n" || c == "\r" || c == "\t" {
                    bad.append("unsafe character on the canvas: U+\(String(c.value, radix: 16))")
                    break scan
                }
            }
        }
        return bad.map { "step \(step): \($0)" }
    }

    func storm(_ corpus: Corpus, seed: UInt64, keys total: Int) -> [String] {
        var rng = SplitMix(seed: seed)
        var size = Size(width: 100, height: 30)
        var state = reduce(ReaderState(corpus: corpus, size: size), .resize(size))
        var failures: [String] = []
        var keys = 0, step = 0
        while keys < total, failures.count < 10 {
            step += 1
            if rng.next() % 40 == 0 {
                size = Self.randomSize(&rng)
                state = reduce(state, .resize(size))
            } else {
                for key in Self.randomKey(&rng, size: size) {
                    keys += 1
                    if let a = action(for: key, in: state) { state = reduce(state, a) }
                    if state.shouldQuit { state.shouldQuit = false }  // a new session, same state
                }
            }
            failures += Self.check(state, render(state), size: size, step: step)
        }
        return failures
    }

    @Test("10,000 random keys on the seed corpus keep every invariant")
    func seedStorm() throws {
        let corpus = Self.seedCorpus
        try #require(corpus.articles.count >= 5, "seeds/ in the package root")
        let clock = ContinuousClock()
        let start = clock.now
        let failures = storm(corpus, seed: 0x5EED, keys: 10_000)
        print("[storm] 10,000 keys on the seed corpus in \(clock.now - start)")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("3,000 random keys on hostile articles keep every invariant")
    func hostileStorm() {
        let clock = ContinuousClock()
        let start = clock.now
        let failures = storm(Self.hostileCorpus, seed: 0xBAD, keys: 3_000)
        print("[storm] 3,000 keys on hostile articles in \(clock.now - start)")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}

