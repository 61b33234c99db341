/// Makes untrusted text safe to show on a terminal: every control character, escape
/// introducer, C1 control and bidirectional override becomes a visible placeholder, so
/// article text can never move the cursor, set the clipboard (OSC 52), make links or reorder text.
public enum TerminalSafe {
    /// True for scalars that a terminal could interpret rather than print.
    public static func isUnsafe(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x00...0x08, 0x0B...0x1F, 0x7F: return true          // C0 (tab and newline are handled by callers) and DEL
        case 0x80...0x9F: return true                              // C1, including 8-bit CSI/OSC/DCS/APC
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true  // bidi controls
        default: return false
        }
    }

    /// The visible stand-in: Control Pictures for C0 (␛ for ESC), otherwise U+FFFD.
    public static func placeholder(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.value < 0x20 { return Unicode.Scalar(0x2400 + c.value)! }
        if c.value == 0x7F { return "\u{2421}" }
        return "\u{FFFD}"
    }

    /// Replaces unsafe scalars one for one (offsets are kept); tabs become spaces unless `keepLayout`.
    public static func visible(_ s: String, keepLayout: Bool = false) -> String {
        guard s.unicodeScalars.contains(where: { isUnsafe($0) || (!keepLayout && ($0 == "\t" || $0 == "\n" || $0 == "\r")) }) else { return s }
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            if c == "\t" || c == "\n" { out.append(keepLayout ? c : " ") } else if c == "\r" { out.append(keepLayout ? "\n" : " ") } else { out.append(isUnsafe(c) ? placeholder(c) : c) }
        }
        return String(out)
    }
}
