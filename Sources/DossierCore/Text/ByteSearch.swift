#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte (case-sensitive). Foundation's
    /// `contains` goes through NSString and costs many times more; the parser asks this of every
    /// paragraph of every article.
    func includes(_ needle: String) -> Bool {
        var n = needle
        return n.withUTF8 { nb in
            guard nb.count > 0 else { return true }
            if let found = utf8.withContiguousStorageIfAvailable({ hb in ByteSearch.find(nb, in: hb) }) { return found }
            var copy = String(self)
            return copy.withUTF8 { ByteSearch.find(nb, in: $0) }
        }
    }

    /// Whether any of `needles` occurs in the text.
    func includesAny(_ needles: [String]) -> Bool { needles.contains { includes($0) } }

    /// Whether the text's bytes start with those of `prefix` (compared with `memcmp`; the
    /// generic `utf8.starts(with:)` steps through both views a byte at a time).
    func startsWithBytes(_ prefix: String) -> Bool {
        var p = prefix
        return p.withUTF8 { pb in
            guard pb.count <= utf8.count else { return false }
            if let found = utf8.withContiguousStorageIfAvailable({ hb in pb.count == 0 || memcmp(hb.baseAddress!, pb.baseAddress!, pb.count) == 0 }) { return found }
            return utf8.starts(with: pb)
        }
    }
}

/// glibc's `memmem`, a GNU extension the Glibc module does not export.
@_silgen_name("memmem") private func memmem(_ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer, _ needleLength: Int) -> UnsafeMutableRawPointer?

enum ByteSearch {
    /// glibc's `memmem`: for the short needles asked here it hashes pairs of bytes instead of
    /// comparing at every occurrence of the first byte, which in prose is everywhere.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= haystack.count, let h = haystack.baseAddress, let n = needle.baseAddress else { return needle.isEmpty }
        return memmem(h, haystack.count, n, needle.count) != nil
    }
}

/// Lowercased words of ASCII text, read from its bytes: case folding without Foundation, for
/// hot paths that need only plain words.
enum ASCIIWords {
    /// Calls `body` with each run of letters (and digits, when `digits`), lowercased; stops
    /// early when `body` returns false. Returns false for text that is not all ASCII, which
    /// callers must read some other way.
    @discardableResult
    static func forEach(in text: String, digits: Bool, _ body: (String) -> Bool) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        var word: [UInt8] = []
        word.reserveCapacity(24)
        var going = true
        func flush() {
            if going, !word.isEmpty { going = body(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        for b in text.utf8 {
            switch b {
            case 0x41...0x5A: word.append(b | 0x20)
            case 0x61...0x7A: word.append(b)
            case 0x30...0x39 where digits: word.append(b)
            default: flush(); if !going { return true }
            }
        }
        flush()
        return true
    }
}

/// A text to be searched for many short phrases (the furniture rules ask a line for dozens),
/// with a record of which pairs of adjacent bytes it holds: a phrase with a pair the text lacks
/// cannot occur in it, and is ruled out without scanning the text.
struct SearchedText {
    let text: String
    /// Kept inline (no heap arrays): one of these is made for every paragraph of every article.
    private var pairs = SIMD16<UInt64>()
    /// Which byte values occur, one bit each.
    private var bytes = SIMD4<UInt64>()

    init(_ text: String) {
        var text = text
        var pairs = SIMD16<UInt64>(), bytes = SIMD4<UInt64>()
        text.withUTF8 { u in
            guard var a = u.first else { return }
            bytes[Int(a >> 6)] |= 1 << UInt64(a & 63)
            for b in u.dropFirst() {
                let k = Self.slot(a, b)
                pairs[k >> 6] |= 1 << UInt64(k & 63)
                bytes[Int(b >> 6)] |= 1 << UInt64(b & 63)
                a = b
            }
        }
        self.text = text
        self.pairs = pairs
        self.bytes = bytes
    }

    /// Whether the byte occurs in the text.
    func holds(_ b: UInt8) -> Bool { bytes[Int(b >> 6)] & (1 << UInt64(b & 63)) != 0 }

    /// One of 1,024 bits; distinct for every pair of lowercase letters.
    @inline(__always) private static func slot(_ a: UInt8, _ b: UInt8) -> Int {
        (Int(a &- 0x61) &* 37 &+ Int(b &- 0x61)) & 1023
    }

    /// Whether every adjacent pair of `needle` is in the text (needed for it to occur).
    private func mayInclude(_ needle: String) -> Bool {
        var previous: UInt8?
        for b in needle.utf8 {
            if let a = previous {
                let k = Self.slot(a, b)
                if pairs[k >> 6] & (1 << UInt64(k & 63)) == 0 { return false }
            }
            previous = b
        }
        return true
    }

    func includes(_ needle: String) -> Bool { mayInclude(needle) && text.includes(needle) }
    func includesAny(_ needles: [String]) -> Bool { needles.contains { includes($0) } }
    /// `String.hasPrefix`, after a check of the bytes: the rules' prefixes are plain words and
    /// marks, which no other scalars spell, so a text whose bytes do not start with them cannot.
    func hasPrefix(_ prefix: String) -> Bool { text.startsWithBytes(prefix) && text.hasPrefix(prefix) }
    var utf8: String.UTF8View { text.utf8 }
    var unicodeScalars: String.UnicodeScalarView { text.unicodeScalars }
}

extension String {
    /// `split(separator: " ")`. Plain ASCII text is split by its bytes: there every scalar but a
    /// CR LF pair is a character of its own, so the pieces are the same, and walking characters
    /// costs several times more (names are split like this many times per sentence).
    func spaceSeparated() -> [Substring] {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return split(separator: " ") }
        var pieces: [Substring] = []
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            if utf8[i] == 0x20 {
                if i != start { pieces.append(self[start..<i]) }
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        if i != start { pieces.append(self[start..<i]) }
        return pieces
    }

    /// `split(separator: " ").count`, counted the same way.
    var spaceSeparatedCount: Int {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return split(separator: " ").count }
        var count = 0, inWord = false
        for b in utf8 {
            if b == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }
}
