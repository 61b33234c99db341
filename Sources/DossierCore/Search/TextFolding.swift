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

    /// Appends the folded scalars of `text` to `out` as raw values (no per-call allocation).
    static func fold(_ text: String, keepCase: Bool, into out: inout [UInt32]) {
        let table = keepCase ? Table.exact : Table.caseless
        table.withUnsafeBufferPointer { t in
            for c in text.unicodeScalars {
                out.append(c.value < Table.limit ? t[Int(c.value)] : slowFold(c, keepCase: keepCase).value)
            }
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
