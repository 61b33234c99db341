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
        // The bytes read in place: stepping through `utf8` costs several times more.
        var text = text
        return text.withUTF8 { u in
            guard u.allSatisfy({ $0 < 0x80 }) else { return false }
            var word: [UInt8] = []
            word.reserveCapacity(24)
            var going = true
            func flush() {
                if going, !word.isEmpty { going = body(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
            for b in u {
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
        (pairs, bytes) = text.withUTF8 { Self.record($0) }
        self.text = text
    }

    /// `SearchedText(text.lowercased())`. Plain ASCII is lowercased byte by byte, as
    /// `lowercased()` would, while the pairs are recorded, in one pass.
    init(lowercasing text: String) {
        var source = text
        let ascii = source.withUTF8 { u -> (String, SIMD16<UInt64>, SIMD4<UInt64>)? in
            guard u.allSatisfy({ $0 < 0x80 }) else { return nil }
            var pairs = SIMD16<UInt64>(), bytes = SIMD4<UInt64>()
            let lower = String(unsafeUninitializedCapacity: u.count) { buf in
                for k in u.indices { buf[k] = u[k] &- 0x41 < 26 ? u[k] | 0x20 : u[k] }
                (pairs, bytes) = Self.record(UnsafeBufferPointer(buf))
                return u.count
            }
            return (lower, pairs, bytes)
        }
        guard let (lower, pairs, bytes) = ascii else { self.init(text.lowercased()); return }
        self.init(text: lower, pairs: pairs, bytes: bytes)
    }

    private init(text: String, pairs: SIMD16<UInt64>, bytes: SIMD4<UInt64>) {
        self.text = text
        self.pairs = pairs
        self.bytes = bytes
    }

    /// The pairs and bytes of a text, counted in words on the stack: setting bits of the
    /// SIMD values one at a time moves them through memory at every step.
    private static func record(_ u: UnsafeBufferPointer<UInt8>) -> (SIMD16<UInt64>, SIMD4<UInt64>) {
        var pairs = SIMD16<UInt64>(), bytes = SIMD4<UInt64>()
        guard var a = u.first else { return (pairs, bytes) }
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 20) { w in
            w.initialize(repeating: 0)
            w[16 + Int(a &>> 6)] |= 1 &<< UInt64(a & 63)
            for i in 1..<u.count {
                let b = u[i], k = slot(a, b)
                w[k &>> 6] |= 1 &<< UInt64(k & 63)
                w[16 + Int(b &>> 6)] |= 1 &<< UInt64(b & 63)
                a = b
            }
            for i in 0..<16 { pairs[i] = w[i] }
            for i in 0..<4 { bytes[i] = w[16 + i] }
        }
        return (pairs, bytes)
    }

    /// Whether the byte occurs in the text.
    func holds(_ b: UInt8) -> Bool { bytes[Int(b >> 6)] & (1 << UInt64(b & 63)) != 0 }

    /// One of 1,024 bits; distinct for every pair of lowercase letters.
    @inline(__always) private static func slot(_ a: UInt8, _ b: UInt8) -> Int {
        (Int(a &- 0x61) &* 37 &+ Int(b &- 0x61)) & 1023
    }

    /// The pairs of adjacent bytes a text holds, as `SearchedText` records them.
    fileprivate static func pairs(of text: String) -> SIMD16<UInt64> { SearchedText(text).pairs }

    /// Whether the text holds every pair in `needed`. Reduced by halves: SIMD's `==` compares
    /// lane by lane, with the vectors spilled to memory at each step.
    @inline(__always) private func holdsPairs(_ needed: SIMD16<UInt64>) -> Bool {
        let missing = needed & ~pairs
        let a = missing.lowHalf | missing.highHalf, b = a.lowHalf | a.highHalf, c = b.lowHalf | b.highHalf
        return c[0] | c[1] == 0
    }

    /// Whether any of the phrases occurs: each is looked for only when the text holds all its pairs.
    func includesAny(_ phrases: Phrases) -> Bool {
        for k in phrases.texts.indices where holdsPairs(phrases.needs[k]) {
            if text.includes(phrases.texts[k]) { return true }
        }
        return false
    }

    /// How many of the phrases occur.
    func count(of phrases: Phrases) -> Int {
        var n = 0
        for k in phrases.texts.indices where holdsPairs(phrases.needs[k]) && text.includes(phrases.texts[k]) { n += 1 }
        return n
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
    /// `String.hasPrefix`, after a check of the bytes: the rules' prefixes are plain words and
    /// marks, which no other scalars spell, so a text whose bytes do not start with them cannot.
    func hasPrefix(_ prefix: String) -> Bool { text.startsWithBytes(prefix) && text.hasPrefix(prefix) }
    var utf8: String.UTF8View { text.utf8 }
    var unicodeScalars: String.UnicodeScalarView { text.unicodeScalars }
}

/// A fixed list of phrases to look for in many texts, each with the pairs of adjacent bytes it
/// needs: `SearchedText.includesAny` rules most of them out with a few vector operations, where
/// a list of strings is walked byte by byte for each phrase.
struct Phrases: Sendable, ExpressibleByArrayLiteral {
    let texts: [String]
    fileprivate let needs: [SIMD16<UInt64>]

    init(_ texts: [String]) {
        self.texts = texts
        needs = texts.map(SearchedText.pairs(of:))
    }

    init(arrayLiteral texts: String...) { self.init(texts) }
}

/// A fixed list of openings looked for at the start of many texts, each with its first eight
/// bytes (or fewer) as one word: a text is ruled out for most of them by comparing two words,
/// without walking strings. The openings must be plain words and marks without "K", ";" or "`"
/// (which Unicode lets other scalars spell): then a text that starts with one starts with its bytes.
struct Openers: Sendable, ExpressibleByArrayLiteral {
    let texts: [String]
    private let heads: [(key: UInt64, mask: UInt64)]

    init(_ texts: [String]) {
        assert(!texts.joined().contains { "K;`".contains($0) }, "an opening another scalar can spell")
        self.texts = texts
        heads = texts.map { t in
            let n = min(8, t.utf8.count)
            return (Self.head(t), n == 8 ? ~0 : (1 &<< UInt64(8 * n)) &- 1)
        }
    }

    init(arrayLiteral texts: String...) { self.init(texts) }

    /// The first eight bytes of a text, the first in the lowest byte; zero past its end.
    static func head<S: StringProtocol>(_ text: S) -> UInt64 {
        // From the bytes in place when they are contiguous: a generic `prefix(8)` iterator cost
        // about 800 instructions a call, and the rules ask this of every paragraph several times.
        if let h = text.utf8.withContiguousStorageIfAvailable({ u -> UInt64 in
            var h: UInt64 = 0
            for k in 0..<min(8, u.count) { h |= UInt64(u[k]) &<< UInt64(8 * k) }
            return h
        }) { return h }
        var h: UInt64 = 0, shift: UInt64 = 0
        for b in text.utf8.prefix(8) { h |= UInt64(b) &<< shift; shift += 8 }
        return h
    }

    /// Whether the text's bytes may start with one of the openings (needed for it to start with one).
    func mayOpen<S: StringProtocol>(_ text: S) -> Bool {
        let h = Self.head(text)
        return heads.contains { h & $0.mask == $0.key }
    }

    /// `texts.contains(where: text.hasPrefix)`, asked only of the openings the text's bytes allow.
    func opens(_ text: String) -> Bool {
        let h = Self.head(text)
        for k in texts.indices where h & heads[k].mask == heads[k].key {
            if text.hasPrefix(texts[k]) { return true }
        }
        return false
    }
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
