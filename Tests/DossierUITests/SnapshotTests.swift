import DossierCore
import Testing
@testable import DossierUI

/// Whole-screen snapshots: the screen as text, compared line by line.
@Suite struct SnapshotTests {
    static func check(_ canvas: Canvas, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let got = canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(got.count == want.count, sourceLocation: sourceLocation)
        for (i, (g, w)) in zip(got, want).enumerated() where g != w {
            Issue.record("row \(i):\n got: \(g)\nwant: \(w)", sourceLocation: sourceLocation)
        }
    }

    @Test func stackedAt80x24() {
        let s = press(Fixture.state(80, 24), .char("j"), .char("3"), .char("j"))
        Self.check(render(s), Snapshots.stacked80x24)
    }

    @Test func sideBySideAt160x45() {
        let s = press(Fixture.state(160, 45), .char("3"), .char("j"))
        Self.check(render(s), Snapshots.sideBySide160x45)
    }

    @Test func tooSmallSaysSo() {
        let c = render(Fixture.state(12, 4))
        #expect(c.row(0) == "terminal to…" || c.row(0).hasPrefix("terminal too"))
    }

    @Test func wideAndCombiningCharactersTakeTheRightColumns() {
        var c = Canvas(width: 10, height: 1)
        let used = c.put("a価e\u{301}b", x: 0, y: 0)
        #expect(used == 5)
        #expect(c.row(0) == "a価e\u{301}b")
        #expect(c[1, 0].character == "価")
        #expect(c[2, 0].continuation)
        var clipped = Canvas(width: 3, height: 1)
        clipped.put("ab価", x: 0, y: 0)
        #expect(clipped.row(0) == "ab", "a wide character that does not fit is not half-drawn")
    }

    @Test func controlCharactersNeverReachTheCanvas() {
        var c = Canvas(width: 40, height: 1)
        c.put("a\u{1B}]52;c;aGk=\u{07}b\u{9B}31m\u{202E}x", x: 0, y: 0)
        let scalars = c.cells.flatMap { $0.character.unicodeScalars }
        #expect(!scalars.contains { TerminalSafe.isUnsafe($0) })
        #expect(c.row(0).hasPrefix("a␛]52;c;aGk=␇b"))
    }
}
