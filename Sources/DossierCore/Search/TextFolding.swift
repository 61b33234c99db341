/// Folds text for matching: case (unless asked to keep it), accents, quote and apostrophe
/// variants, dashes and odd spaces. Folding is one output scalar per input scalar, so a match
/// in folded text is at the same offsets in the original.
public enum TextFolding {
    public static func fold(_ c: Unicode.Scalar, keepCase: Bool) -> Unicode.Scalar {
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
}

import Foundation
