/// The source as an array of Unicode scalars, so offsets are plain integers; lives only while
/// an article is parsed.
public struct SourceText: Sendable {
    public let scalars: [Unicode.Scalar]
    public init(_ text: String) { scalars = Scalars.array(text) }
    public var count: Int { scalars.count }

    public func string(_ range: SourceRange) -> String {
        let lo = max(0, min(range.start, count)), hi = max(lo, min(range.end, count))
        return Scalars.string(scalars[lo..<hi])
    }

    /// Lines as ranges, without their terminators (`\n`, `\r\n` or a lone `\r`).
    public func lines(from start: Int = 0) -> [SourceRange] {
        var result: [SourceRange] = []
        var s = start, i = start
        while i < count {
            let c = scalars[i]
            if c == "\n" || c == "\r" {
                result.append(SourceRange(s, i))
                if c == "\r", i + 1 < count, scalars[i + 1] == "\n" { i += 1 }
                s = i + 1
            }
            i += 1
        }
        if s < count { result.append(SourceRange(s, count)) }
        return result
    }

    /// The range without leading and trailing white space.
    public func trimmed(_ r: SourceRange) -> SourceRange {
        var a = r.start, b = r.end
        while a < b, Scalars.isSpace(scalars[a]) { a += 1 }
        while b > a, Scalars.isSpace(scalars[b - 1]) { b -= 1 }
        return SourceRange(a, b)
    }

    public func isBlank(_ r: SourceRange) -> Bool { trimmed(r).length == 0 }
}

/// Character classes used across the parser.
public enum Scalars {
    /// White space including no-break and other Unicode spaces.
    public static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }
    // ASCII answers first: the Unicode property lookups are costly and most news text is ASCII.
    @inline(__always) public static func isLetter(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value | 0x20) &- 0x61 < 26 : c.properties.isAlphabetic
    }
    @inline(__always) public static func isUpper(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? c.value &- 0x41 < 26 : c.properties.isUppercase
    }
    @inline(__always) public static func isLower(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? c.value &- 0x61 < 26 : c.properties.isLowercase
    }
    public static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    /// A run of scalars as a string, written as UTF-8 in one go: building a
    /// `String.UnicodeScalarView` appends one scalar at a time and costs several times more.
    public static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var length = 0
        for c in s { length += c.value < 0x80 ? 1 : c.value < 0x800 ? 2 : c.value < 0x10000 ? 3 : 4 }
        return String(unsafeUninitializedCapacity: length) { buf in
            var k = 0
            for c in s {
                let v = c.value
                if v < 0x80 {
                    buf[k] = UInt8(truncatingIfNeeded: v); k += 1
                } else {
                    for b in c.utf8 { buf[k] = b; k += 1 }
                }
            }
            return k
        }
    }

    public static func string(_ s: [Unicode.Scalar]) -> String { string(s[...]) }

    /// A text's scalars in one pass: `Array(text.unicodeScalars)` counts them first. The room
    /// reserved is one scalar a byte, exact for plain ASCII.
    public static func array(_ text: String) -> [Unicode.Scalar] {
        // Plain ASCII (most news text) is one scalar a byte, written straight from the bytes
        // without decoding.
        var text = text
        let ascii = text.withUTF8 { u -> [Unicode.Scalar]? in
            guard u.allSatisfy({ $0 < 0x80 }) else { return nil }
            return Array(unsafeUninitializedCapacity: u.count) { buf, n in
                for (k, b) in u.enumerated() { buf[k] = Unicode.Scalar(b) }
                n = u.count
            }
        }
        if let ascii { return ascii }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars { result.append(c) }
        return result
    }

    /// A run of scalars as a string, and its lowercase form. Tokenizers call this for every
    /// word of every article; ASCII runs (most of them) skip the Unicode machinery, and a
    /// single ASCII scalar (a mark, an initial) is copied from a table, not made anew.
    public static func stringAndLower(_ s: ArraySlice<Unicode.Scalar>) -> (text: String, lower: String) {
        if s.count == 1, let v = s.first?.value, v < 0x80 {
            return (asciiStrings[Int(v)], asciiStrings[Int(v &- 0x41 < 26 ? v | 0x20 : v)])
        }
        var upper = false
        for c in s {
            if c.value >= 0x80 {
                let text = string(s)
                return (text, text.lowercased())
            }
            if c.value &- 0x41 < 26 { upper = true }
        }
        let text = String(unsafeUninitializedCapacity: s.count) { buf in
            for (k, c) in s.enumerated() { buf[k] = UInt8(truncatingIfNeeded: c.value) }
            return s.count
        }
        guard upper else { return (text, text) }
        let lower = String(unsafeUninitializedCapacity: s.count) { buf in
            for (k, c) in s.enumerated() { buf[k] = UInt8(truncatingIfNeeded: c.value &- 0x41 < 26 ? c.value | 0x20 : c.value) }
            return s.count
        }
        return (text, lower)
    }

    /// Each ASCII scalar as a one-scalar String.
    static let asciiStrings: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    /// Apostrophe-like marks that may also close a single quote.
    public static func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "’" || c == "ʼ" }
}
