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
    /// the anchor; any other line is passed on to be decoded.
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

/// Byte searches sixteen bytes a step, for scanning raw files at memory speed.
enum ByteScan {
    typealias V = SIMD16<UInt8>

    /// Any lane set (the standard library's `any` reduces lane by lane).
    @inline(__always)
    static func anyLane(_ m: SIMDMask<SIMD16<Int8>>) -> Bool {
        let w = unsafeBitCast(m, to: SIMD2<UInt64>.self)
        return w[0] | w[1] != 0
    }

    /// True when the bytes are ASCII without a `\u` escape.
    static func isPlainJSON(_ p: UnsafeRawBufferPointer) -> Bool {
        guard let base = p.baseAddress else { return true }
        let n = p.count
        var i = 0
        var high = V(repeating: 0)
        let backslash = V(repeating: 0x5C), u = V(repeating: 0x75)
        while i + 17 <= n {
            let v = base.loadUnaligned(fromByteOffset: i, as: V.self)
            let next = base.loadUnaligned(fromByteOffset: i + 1, as: V.self)
            high |= v
            if anyLane((v .== backslash) .& (next .== u)) { return false }
            i += 16
        }
        let h = unsafeBitCast(high, to: SIMD2<UInt64>.self)
        if (h[0] | h[1]) & 0x8080_8080_8080_8080 != 0 { return false }
        while i < n {
            let b = p[i]
            if b >= 0x80 || (b == 0x5C && i + 1 < n && p[i + 1] == 0x75) { return false }
            i += 1
        }
        return true
    }

    /// The first offset at or after `from` where a byte is non-ASCII, a `\u` escape starts, or
    /// `anchor` (lower-case ASCII letters and digits; may be empty) may start in any case: a
    /// place worth a closer look. Nil when there is none.
    static func firstStop(in p: UnsafeRawBufferPointer, from: Int, anchor: [UInt8]) -> Int? {
        guard let base = p.baseAddress else { return nil }
        let n = p.count, m = max(1, anchor.count)
        func fold(_ c: UInt8) -> UInt8 { c >= 0x61 ? 0x20 : 0 }
        let first = anchor.first ?? 0, last = anchor.last ?? 0
        let fv = V(repeating: first), lv = V(repeating: last), fm = V(repeating: fold(first)), lm = V(repeating: fold(last))
        let backslash = V(repeating: 0x5C), u = V(repeating: 0x75), high = V(repeating: 0x80)
        let useAnchor = !anchor.isEmpty
        var i = from
        while i + max(m - 1, 1) + 16 <= n {
            let v = base.loadUnaligned(fromByteOffset: i, as: V.self)
            let next = base.loadUnaligned(fromByteOffset: i + 1, as: V.self)
            var stop = (v .>= high) .| ((v .== backslash) .& (next .== u))
            if useAnchor {
                let b = base.loadUnaligned(fromByteOffset: i + m - 1, as: V.self) | lm
                stop = stop .| (((v | fm) .== fv) .& (b .== lv))
            }
            if anyLane(stop) { for k in 0..<16 where stop[k] { return i + k } }
            i += 16
        }
        // The last few bytes, one at a time.
        while i < n {
            let b = p[i]
            if b >= 0x80 || (b == 0x5C && i + 1 < n && p[i + 1] == 0x75) { return i }
            if useAnchor, i + anchor.count <= n, (0..<anchor.count).allSatisfy({ p[i + $0] | fold(anchor[$0]) == anchor[$0] }) { return i }
            i += 1
        }
        return nil
    }

    /// Whether `needle` (lower-case ASCII letters and digits) stands at `i` in any case.
    static func caselessMatch(_ needle: [UInt8], in p: UnsafeRawBufferPointer, at i: Int) -> Bool {
        guard i + needle.count <= p.count else { return false }
        for k in needle.indices where p[i + k] | (needle[k] >= 0x61 ? 0x20 : 0) != needle[k] { return false }
        return true
    }

    /// The offset of the last newline before `end`, sixteen bytes a step.
    static func lastNewline(in p: UnsafeRawBufferPointer, before end: Int) -> Int? {
        guard let base = p.baseAddress else { return nil }
        let newline = V(repeating: 0x0A)
        var i = end
        while i >= 16 {
            let hit = base.loadUnaligned(fromByteOffset: i - 16, as: V.self) .== newline
            if anyLane(hit) { for k in stride(from: 15, through: 0, by: -1) where hit[k] { return i - 16 + k } }
            i -= 16
        }
        while i > 0 {
            i -= 1
            if p[i] == 0x0A { return i }
        }
        return nil
    }

    /// Whether `needle` (lower-case ASCII letters and digits) occurs in the bytes in any case:
    /// a candidate where the first and last bytes fit, then the whole.
    static func containsCaseless(_ needle: [UInt8], in p: UnsafeRawBufferPointer) -> Bool {
        guard let base = p.baseAddress, !needle.isEmpty else { return needle.isEmpty }
        let n = p.count, m = needle.count
        guard n >= m else { return false }
        func fold(_ c: UInt8) -> UInt8 { c >= 0x61 ? 0x20 : 0 }
        let first = needle[0], last = needle[m - 1]
        let fv = V(repeating: first), lv = V(repeating: last)
        let fm = V(repeating: fold(first)), lm = V(repeating: fold(last))
        func matches(at i: Int) -> Bool {
            for k in 0..<m where base.load(fromByteOffset: i + k, as: UInt8.self) | fold(needle[k]) != needle[k] { return false }
            return true
        }
        var i = 0
        while i + m - 1 + 16 <= n {
            let a = base.loadUnaligned(fromByteOffset: i, as: V.self) | fm
            let b = base.loadUnaligned(fromByteOffset: i + m - 1, as: V.self) | lm
            let hit = (a .== fv) .& (b .== lv)
            if anyLane(hit) {
                for k in 0..<16 where hit[k] && matches(at: i + k) { return true }
            }
            i += 16
        }
        while i + m <= n {
            if matches(at: i) { return true }
            i += 1
        }
        return false
    }
}
