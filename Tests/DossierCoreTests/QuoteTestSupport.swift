import Foundation
import Testing
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

    init(text: String, speaker: String?, kind: QuoteKind) { self.text = text; self.speaker = speaker; self.kind = kind }
    /// A found quote, described as an expected one is, so lists of both compare.
    init(_ q: Quote) { self.init(text: q.text, speaker: q.speaker, kind: q.kind) }
}

/// A reported statement expected in a passage: a piece of its clause and its speaker.
struct ExpectedReport: CustomStringConvertible, Sendable {
    var contains: String
    var speaker: String?
    var description: String { "[\(contains)] — \(speaker ?? "nil")" }
}

/// The checks every passage test makes: the quotations in order with speaker and kind, each
/// expected reported statement found with its speaker, each reported clause equal to its source.
func expectPassage(_ found: [Quote], quotes want: [ExpectedQuote], reported expected: [ExpectedReport], source: String, name: String) {
    let got = found.filter { $0.kind != .reported }.map { ExpectedQuote($0).description }
    let wanted = want.map(\.description)
    #expect(got == wanted, "\(name)\nmissing: \(wanted.filter { !got.contains($0) })\nextra: \(got.filter { !wanted.contains($0) })")
    let reported = found.filter { $0.kind == .reported }
    for w in expected {
        #expect(reported.contains { $0.text.contains(w.contains) && $0.speaker == w.speaker },
                "\(name): missing \(w); got \(reported.map { "[\($0.text)] — \($0.speaker ?? "nil")" })")
    }
    for item in reported { #expect(sourceSlice(source, item.range) == item.text) }
}
