import DossierCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Article text that tries to drive the terminal: it must reach the screen only as visible
/// placeholders — in the reader, in plain output to a terminal — and JSON must escape it.
@Suite("Terminal safety of hostile article text", .serialized)
struct TerminalSafetyTests {
    /// Clipboard write of "HOSTILE-CLIP" (OSC 52), a hyperlink (OSC 8), CSI queries and a
    /// full reset, DCS and APC strings, 8-bit C1 controls, bidi overrides, a bell.
    static let osc52 = "\u{1B}]52;c;SE9TVElMRS1DTElQ\u{07}"
    static let osc8 = "\u{1B}]8;;https://evil.example/\u{1B}\\click\u{1B}]8;;\u{1B}\\"
    static let csi = "\u{1B}[21t\u{1B}[6n\u{1B}c"
    static let dcs = "\u{1B}P+q544e\u{1B}\\"
    static let apc = "\u{1B}_hostileapc\u{1B}\\"
    static let c1 = "C1:\u{9B}31m\u{9D}52;c;QzE=\u{9C}\u{90}dcs\u{9C}\u{9F}apc\u{9C}\u{85}end"
    static let bidi = "bidi:\u{202E}txt.exe\u{202C}\u{2066}a\u{2069}\u{202A}\u{202B}\u{202D}\u{2067}\u{2068}\u{2069}"

    static let article = """
        Hostile \(osc52) title \(bidi)

        \(osc52) opens the story about the clipboard.

        \(csi) and \(dcs) and \(apc) follow here.

        \u{201C}Quoted \(osc8) words,\u{201D} said Mallory \(c1).

        \(bidi) closes it.\u{07}

        """

    /// Sequences only the article could have produced (ncurses never sends these).
    static let forbidden: [String] = [
        "\u{1B}]52", "\u{1B}]8;", "\u{1B}P", "\u{1B}_", "\u{1B}c", "\u{1B}[21t", "\u{1B}[6n", "\u{07}",
    ]

    /// Checks recorded terminal output: no article escape sequence, no C1 control, no bidi control.
    static func expectClean(_ bytes: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = String(decoding: bytes, as: UTF8.self)
        for f in forbidden {
            #expect(!text.contains(f), "\(label): terminal received \(f.debugDescription)", sourceLocation: sourceLocation)
        }
        let c1 = text.unicodeScalars.filter { (0x80...0x9F).contains($0.value) }
        #expect(c1.isEmpty, "\(label): C1 controls reached the terminal: \(c1.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
        let bidi = text.unicodeScalars.filter { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
        #expect(bidi.isEmpty, "\(label): bidi controls reached the terminal", sourceLocation: sourceLocation)
    }

    func corpus() -> TerminalTempDir {
        let dir = TerminalTempDir()
        dir.write("hostile.txt", Self.article)
        dir.write("evil\u{1B}]52;c;TkFNRQ==\u{07}name.txt", "Named badly\n\nThe file name itself is hostile.\n")
        return dir
    }

    @Test("the reader shows hostile text as placeholders", .enabled(if: TerminalFixtures.hasScript, "needs script(1) from util-linux for a pseudo-terminal"))
    func reader() throws {
        let dir = corpus()
        let rec = TerminalPty.record([TerminalFixtures.binary, dir.file("hostile.txt")],
                                     env: TerminalFixtures.environment(["TERM": "xterm-256color", "LANG": "C.UTF-8"]),
                                     readyMarker: "SE9TVElMRS1DTElQ", keys: Array("2jjjj3jq".utf8))
        print("[terminal] reader wrote \(rec.bytes.count) bytes, exit \(rec.status)")
        #expect(rec.status == 0)
        #expect(rec.text.contains("]52;c;SE9TVElMRS1DTElQ"), "the payload is shown as text")
        #expect(rec.text.contains("\u{241B}"), "ESC is shown as ␛")
        Self.expectClean(rec.bytes, "reader")
    }

    @Test("the reader with a hostile file name", .enabled(if: TerminalFixtures.hasScript, "needs script(1) from util-linux for a pseudo-terminal"))
    func readerFileName() throws {
        let dir = corpus()
        let rec = TerminalPty.record([TerminalFixtures.binary, dir.path],
                                     env: TerminalFixtures.environment(["TERM": "xterm-256color", "LANG": "C.UTF-8"]),
                                     readyMarker: "itself is hostile", keys: Array("jjkkq".utf8))
        #expect(rec.status == 0)
        #expect(rec.text.contains("itself is hostile"))
        Self.expectClean(rec.bytes, "reader, hostile file name")
    }

    @Test("plain `dossier articles` output to a terminal", .enabled(if: TerminalFixtures.hasScript, "needs script(1) from util-linux for a pseudo-terminal"))
    func plainOutputToTerminal() throws {
        let dir = corpus()
        for args in [["articles", dir.path], ["quotes", dir.path], ["search", "clipboard", dir.path]] {
            let rec = TerminalPty.record([TerminalFixtures.binary] + args, env: TerminalFixtures.environment(["TERM": "xterm-256color"]))
            #expect(rec.status == 0, "\(args[0])")
            Self.expectClean(rec.bytes, args[0])
            let raw = rec.bytes.filter { ($0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09) || $0 == 0x7F }
            #expect(raw.isEmpty, "\(args[0]): no control byte at all, got \(raw)")
        }
        let articles = TerminalPty.record([TerminalFixtures.binary, "articles", dir.path], env: TerminalFixtures.environment())
        #expect(articles.text.contains("\u{241B}]52;c;SE9TVElMRS1DTElQ"), "shown, as a placeholder")
    }

    @Test("JSON output escapes every control and bidi scalar and keeps the text")
    func jsonEscapes() throws {
        let dir = corpus()
        let r = TerminalFixtures.run(TerminalFixtures.binary, ["articles", "--json", dir.file("hostile.txt")], env: TerminalFixtures.environment())
        #expect(r.status == 0)
        Self.expectClean([UInt8](r.out), "JSON")
        #expect(!r.out.contains(0x1B))
        let decoded = try #require(try JSONSerialization.jsonObject(with: r.out) as? [[String: Any]])
        let paragraphs = (decoded.first?["paragraphs"] as? [String] ?? []).joined(separator: "\n")
        #expect(paragraphs.contains("]52;c;SE9TVElMRS1DTElQ"), "the text is there")
        let escaped = String(decoding: r.out, as: UTF8.self)
        // Whatever unsafe scalars the cleaned text keeps reach JSON only as \u escapes.
        for c in paragraphs.unicodeScalars where TerminalSafe.isUnsafe(c) {
            #expect(escaped.lowercased().contains(String(format: "\\u%04x", c.value)), "U+\(String(c.value, radix: 16)) escaped")
        }

        let quotes = TerminalFixtures.run(TerminalFixtures.binary, ["quotes", "--json", dir.path], env: TerminalFixtures.environment())
        Self.expectClean([UInt8](quotes.out), "quotes JSON")
        #expect(!quotes.out.contains(0x1B))
        _ = try JSONSerialization.jsonObject(with: quotes.out)
    }

    @Test("a starred hostile quote exported to a terminal, and as JSON", .enabled(if: TerminalFixtures.hasScript, "needs script(1) from util-linux for a pseudo-terminal"))
    func export() throws {
        let dir = TerminalTempDir()
        let file = dir.write("hostile.txt", "Hostile title\n\n\u{201C}Quoted \(Self.osc8) \(Self.osc52) \(Self.bidi) words,\u{201D} said Mallory \(Self.c1).\n")
        let env = TerminalFixtures.environment(["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_STATE_HOME": dir.file("state")])
        let star = TerminalPty.record([TerminalFixtures.binary, file], env: env, readyMarker: "Quotes", keys: Array("3*q".utf8))
        #expect(star.status == 0)
        for format in ["markdown", "csv"] {
            let rec = TerminalPty.record([TerminalFixtures.binary, "export", "--starred", "--format", format, file], env: env)
            #expect(rec.status == 0, "\(format)")
            #expect(rec.text.contains("Quoted"), "\(format): the starred quote is exported")
            Self.expectClean(rec.bytes, "export \(format) to a terminal")
            #expect(!rec.bytes.contains(0x1B), "\(format)")
        }
        let json = TerminalFixtures.run(TerminalFixtures.binary, ["export", "--starred", "--format", "json", file], env: env)
        #expect(String(decoding: json.out, as: UTF8.self).contains("Quoted"))
        Self.expectClean([UInt8](json.out), "export JSON")
        #expect(!json.out.contains(0x1B))
    }

    @Test("JSON to a terminal is escaped too", .enabled(if: TerminalFixtures.hasScript, "needs script(1) from util-linux for a pseudo-terminal"))
    func jsonToTerminal() throws {
        let dir = corpus()
        let rec = TerminalPty.record([TerminalFixtures.binary, "articles", "--json", dir.path], env: TerminalFixtures.environment())
        #expect(rec.status == 0)
        Self.expectClean(rec.bytes, "JSON on a terminal")
        #expect(!rec.bytes.contains(0x1B))
    }
}
