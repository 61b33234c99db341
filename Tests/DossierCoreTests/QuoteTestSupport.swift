import Foundation
@testable import DossierCore

/// Builds paragraphs from a passage, one paragraph per line, with real scalar offsets.
func passageParagraphs(_ text: String) -> [Paragraph] {
    var result: [Paragraph] = []
    var offset = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let count = line.unicodeScalars.count
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { result.append(Paragraph(text: String(line), start: offset)) }
        offset += count + 1
    }
    return result
}

/// Quotes and reported items of a passage.
func extractPassage(_ text: String) -> [Quote] { QuoteExtractor.extract(passageParagraphs(text), title: nil) }

/// The source text of a range.
func sourceSlice(_ text: String, _ r: SourceRange) -> String {
    let s = Array(text.unicodeScalars)
    return String(String.UnicodeScalarView(s[r.start..<min(r.end, s.count)]))
}

/// A quotation expected in a passage: its text, speaker and kind.
struct ExpectedQuote: CustomStringConvertible, Sendable {
    var text: String
    var speaker: String?
    var kind: QuoteKind
    var description: String { "“\(text)” — \(speaker ?? "nil") (\(kind.rawValue))" }
}

/// A reported statement expected in a passage: a piece of its clause and its speaker.
struct ExpectedReport: CustomStringConvertible, Sendable {
    var contains: String
    var speaker: String?
    var description: String { "[\(contains)] — \(speaker ?? "nil")" }
}
