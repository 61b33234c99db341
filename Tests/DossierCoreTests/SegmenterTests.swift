import DossierCore
import Testing

@Suite struct SegmenterTests {
    func paragraphs(_ text: String) -> [String] {
        let s = SourceText(text)
        return Segmenter.paragraphs(s, lines: s.lines()).compactMap { Segmenter.paragraph(s, lines: $0)?.text }
    }

    @Test func onePerLinePagesStaySplit() {
        let long = String(repeating: "word ", count: 30)
        #expect(paragraphs("\(long)end.\nShort line.\n\(long)end.").count == 3)
    }

    @Test func shortHeaderLinesStaySplit() {
        #expect(paragraphs("17.3 C\nBucurești\nvineri, 3 mai 2024\nNo menu items!") == ["17.3 C", "București", "vineri, 3 mai 2024", "No menu items!"])
    }

    @Test func hardWrappedCopyJoinsAndIndentsSplit() {
        let text = "LONDON, March 2 - The central bank left its rates unchanged\non Monday, saying that inflation was still too high.\n    Dealers had expected the decision, which came after a\nweek of rumours.\n"
        #expect(paragraphs(text) == [
            "LONDON, March 2 - The central bank left its rates unchanged on Monday, saying that inflation was still too high.",
            "Dealers had expected the decision, which came after a week of rumours.",
        ])
    }
}
