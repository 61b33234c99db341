import Foundation

/// A quick test of unparsed text for a query's terms, so that a search without a parsed corpus
/// parses only the documents that may match. It may pass a document the search then finds
/// nothing in, never the reverse: the story's paragraphs are stretches of the source text that
/// differ from it only in spaces, which fold alike, so a term in a paragraph is a term in the
/// folded source. Case is always ignored here (a case-sensitive match is also a caseless one).
public struct RawTextFilter: Sendable {
    /// Each term, folded without case.
    let needles: [[UInt32]]
    /// The longest run of ASCII letters and digits in the folded terms, lower case: the bytes of
    /// a JSON line without escapes or non-ASCII must hold it, in either case, to match.
    let anchor: [UInt8]
    /// Some term folds to a non-ASCII scalar, which text of ASCII bytes cannot hold.
    let needsNonASCII: Bool

    public init(_ q: SearchQuery) {
        var needles: [[UInt32]] = []
        var best: [UInt8] = [], nonASCII = false
        for term in q.terms {
            var n: [UInt32] = []
            TextFolding.fold(term, keepCase: false, into: &n)
            guard !n.isEmpty else { continue }
            needles.append(n)
            var run: [UInt8] = []
            for v in n + [0] {
                if v >= 0x80 { nonASCII = true }
                if Self.isAlnum(v) { run.append(UInt8(v)); continue }
                if run.count > best.count { best = run }
                run = []
            }
        }
        self.needles = needles
        anchor = best
        needsNonASCII = nonASCII
    }

    static func isAlnum(_ v: UInt32) -> Bool { (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) }

    /// Whether decoded text may match: every folded term occurs in the folded text.
    public func mayMatch(_ text: String) -> Bool {
        guard !needles.isEmpty else { return false }
        var hay: [UInt32] = []
        TextFolding.fold(text, keepCase: false, into: &hay)
        return hay.withUnsafeBufferPointer { h in
            needles.allSatisfy { n in n.withUnsafeBufferPointer { Search.find($0, in: h, from: 0, end: h.count) != nil } }
        }
    }

    /// Whether one line of a JSONL file may hold a matching record, from its raw bytes. A line
    /// of plain ASCII (no `\u` escape) decodes to the same letters and digits, so it must hold
    /// the anchor; any other line is passed on to be decoded. The rule stated line by line:
    /// `eachLikelyLine` applies it in one pass over a whole block, and the tests hold the two
    /// to the same lines.
    public func mayMatch(jsonLine p: UnsafeRawBufferPointer) -> Bool {
        guard !needles.isEmpty else { return false }
        if needsNonASCII { return !ByteScan.isPlainJSON(p) }
        if anchor.isEmpty { return true }
        return ByteScan.containsCaseless(anchor, in: p) || !ByteScan.isPlainJSON(p)
    }

    /// Calls `line` with the range of every line of `p` (JSONL, split at `\n`) that
    /// `mayMatch(jsonLine:)` passes, in order, in one pass over the bytes: it stops only where
    /// the anchor or a non-ASCII byte or `\u` escape stands, and then looks for that line's ends.
    /// `line` returns false to end the pass there.
    func eachLikelyLine(in p: UnsafeRawBufferPointer, _ line: (Range<Int>) -> Bool) {
        guard !needles.isEmpty, let base = p.baseAddress else { return }
        let n = p.count
        func lineEnd(_ i: Int) -> Int { memchr(base + i, 0x0A, n - i).map { base.distance(to: UnsafeRawPointer($0)) } ?? n }
        if !needsNonASCII && anchor.isEmpty {
            var s = 0
            while s < n { let e = lineEnd(s); if !line(s..<e) { return }; s = e + 1 }
            return
        }
        let anchor = needsNonASCII ? [] : anchor
        var i = 0
        while i < n {
            guard let at = ByteScan.firstStop(in: p, from: i, anchor: anchor) else { break }
            // A stop where only the anchor's first and last bytes fit says nothing of its line:
            // look on from the next byte. Any other stop passes the line (`mayMatch(jsonLine:)`).
            let b = p[at]
            if b < 0x80, !(b == 0x5C && at + 1 < n && p[at + 1] == 0x75), !ByteScan.caselessMatch(anchor, in: p, at: at) {
                i = at + 1
                continue
            }
            let s = ByteScan.lastNewline(in: p, before: at).map { $0 + 1 } ?? 0, e = lineEnd(at)
            if !line(s..<e) { return }
            i = e + 1
        }
    }
}
