import Foundation
/// Folds text for matching: case (unless asked to keep it), accents, quote and apostrophe
/// variants, dashes and odd spaces. Folding is one output scalar per input scalar, so a match
/// in folded text is at the same offsets in the original.
public enum TextFolding {
    public static func fold(_ c: Unicode.Scalar, keepCase: Bool) -> Unicode.Scalar {
        if c.value < Table.limit {
            return Unicode.Scalar(keepCase ? Table.exact[Int(c.value)] : Table.caseless[Int(c.value)])!
        }
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
            let written = (keepCase ? Table.exact : Table.caseless).withUnsafeBufferPointer { t in
                out.withUnsafeMutableBufferPointer { o -> Int in
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
                        o[k] = v < Table.limit ? t[Int(v)] : slowFold(Unicode.Scalar(v) ?? "\u{FFFD}", keepCase: keepCase).value
                        k += 1
                    }
                    return k
                }
            }
            out.removeLast(out.count - written)
        }
    }

    /// Precomputed folds for Latin, Greek, Cyrillic and the punctuation block (quotes, dashes, spaces).
    enum Table {
        static let limit: UInt32 = 0x2070
        static let exact: [UInt32] = build(keepCase: true)
        static let caseless: [UInt32] = build(keepCase: false)
        static func build(keepCase: Bool) -> [UInt32] {
            (0..<limit).map { v in
                guard let c = Unicode.Scalar(v) else { return v }
                return slowFold(c, keepCase: keepCase).value
            }
        }
    }
}
