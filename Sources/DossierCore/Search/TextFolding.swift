import Foundation
/// Folds text for matching: case (unless asked to keep it), accents, quote and apostrophe
/// variants, dashes and odd spaces. Folding is one output scalar per input scalar, so a match
/// in folded text is at the same offsets in the original.
public enum TextFolding {
    public static func fold(_ c: Unicode.Scalar, keepCase: Bool) -> Unicode.Scalar {
        if c.value < Table.limit { return Unicode.Scalar(Table.lookup(c.value, keepCase ? Table.exact : Table.caseless, keepCase))! }
        return slowFold(c, keepCase: keepCase)
    }

    /// The folding rules themselves; `fold` answers from a table for the common scripts.
    static func slowFold(_ c: Unicode.Scalar, keepCase: Bool) -> Unicode.Scalar {
        switch c {
        case "’", "‘", "ʼ", "‛", "`", "´", "′": return "'"
        case "“", "”", "„", "‟", "«", "»", "″": return "\""
        case "–", "—", "‐", "‑", "−": return "-"
        default: break
        }
        if Scalars.isSpace(c) { return " " }
        var s = c
        if c.value >= 0xC0 {
            // Strip accents: the first scalar of the canonical decomposition is the base letter.
            let decomposed = String(c).decomposedStringWithCanonicalMapping.unicodeScalars
            if let base = decomposed.first, base.value < 0x250 || decomposed.count > 1 { s = base }
            switch c {
            case "ß": s = "s"
            case "ø", "Ø": s = keepCase && c == "Ø" ? "O" : "o"
            case "ł": s = "l"
            case "Ł": s = keepCase ? "L" : "l"
            case "đ", "Đ": s = keepCase && c == "Đ" ? "D" : "d"
            default: break
            }
        }
        if !keepCase, s.properties.isUppercase, let lower = s.properties.lowercaseMapping.unicodeScalars.first,
           s.properties.lowercaseMapping.unicodeScalars.count == 1 { s = lower }
        return s
    }

    public static func fold(_ text: String, keepCase: Bool) -> [Unicode.Scalar] {
        text.unicodeScalars.map { fold($0, keepCase: keepCase) }
    }

    /// Appends the folded scalars of `text` to `out` as raw values, walking its UTF-8 directly
    /// (the hot loop of every search).
    static func fold(_ text: String, keepCase: Bool, into out: inout [UInt32]) {
        var text = text
        text.withUTF8 { u in
            guard !u.isEmpty else { return }
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: u.count))
            let t = keepCase ? Table.exact : Table.caseless
            let written = out.withUnsafeMutableBufferPointer { o -> Int in
                    var i = 0, k = start
                    let n = u.count
                    while i < n {
                        let b = u[i]
                        if b < 0x80 { o[k] = t[Int(b)]; k += 1; i += 1; continue }
                        var v: UInt32
                        var len: Int
                        if b & 0xE0 == 0xC0 { v = UInt32(b & 0x1F); len = 2 } else if b & 0xF0 == 0xE0 { v = UInt32(b & 0x0F); len = 3 } else { v = UInt32(b & 0x07); len = 4 }
                        len = min(len, n - i)
                        for j in 1..<max(1, len) { v = v << 6 | UInt32(u[i + j] & 0x3F) }
                        i += len
                        o[k] = v < Table.limit ? Table.lookup(v, t, keepCase) : slowFold(Unicode.Scalar(v) ?? "\u{FFFD}", keepCase: keepCase).value
                        k += 1
                    }
                    return k
            }
            out.removeLast(out.count - written)
        }
    }

    /// Folds of the scripts news is written in (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic,
    /// punctuation), filled in on first use of each scalar: building all of it up front costs
    /// more than a one-shot search.
    enum Table {
        static let limit: UInt32 = 0x3100
        static let unknown = UInt32.max
        nonisolated(unsafe) static let exact = make(keepCase: true)
        nonisolated(unsafe) static let caseless = make(keepCase: false)

        static func make(keepCase: Bool) -> UnsafeMutablePointer<UInt32> {
            let t = UnsafeMutablePointer<UInt32>.allocate(capacity: Int(limit))
            t.initialize(repeating: unknown, count: Int(limit))
            for v in 0..<UInt32(0x80) { t[Int(v)] = slowFold(Unicode.Scalar(v)!, keepCase: keepCase).value }
            return t
        }

        /// Threads may fill the same entry at once; they write the same value.
        @inline(__always)
        static func lookup(_ v: UInt32, _ t: UnsafeMutablePointer<UInt32>, _ keepCase: Bool) -> UInt32 {
            let known = t[Int(v)]
            if known != unknown { return known }
            let f = Unicode.Scalar(v).map { slowFold($0, keepCase: keepCase).value } ?? v
            t[Int(v)] = f
            return f
        }
    }
}
