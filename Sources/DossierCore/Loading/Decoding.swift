import Foundation

/// Turns file bytes into text without ever failing: UTF-8 (invalid bytes become U+FFFD),
/// UTF-16 with a BOM, or Latin-1 when the bytes are clearly not UTF-8.
public enum TextDecoder {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", latin1 = "ISO-8859-1" }

    public struct Decoded: Sendable {
        public var text: String
        public var encoding: Encoding
        /// How many bytes could not be decoded and became U+FFFD.
        public var replacements: Int
    }

    /// True when the bytes look like a binary file rather than text (NUL bytes outside UTF-16).
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        return bytes.prefix(1 << 16).contains(0)
    }

    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), littleEndian: false) }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        let (valid, invalid) = utf8Stats(body)
        // Latin-1 text has high bytes that are never valid UTF-8 sequences.
        if invalid > 0 && valid == 0 {
            let text = String(String.UnicodeScalarView(body.map { Unicode.Scalar($0) }))
            return Decoded(text: text, encoding: .latin1, replacements: 0)
        }
        let text = String(decoding: body, as: UTF8.self)
        return Decoded(text: text, encoding: .utf8, replacements: invalid)
    }

    /// Counts valid multi-byte sequences and invalid bytes.
    static func utf8Stats(_ bytes: ArraySlice<UInt8>) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 { need = 1 } else if b & 0xF0 == 0xE0 { need = 2 } else if b & 0xF8 == 0xF0, b <= 0xF4 { need = 3 } else { invalid += 1; i += 1; continue }
            var ok = i + need < bytes.endIndex
            if ok { for k in 1...need where bytes[i + k] & 0xC0 != 0x80 { ok = false } }
            if ok { valid += 1; i += need + 1 } else { invalid += 1; i += 1 }
        }
        return (valid, invalid)
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return Decoded(text: String(decoding: units, as: UTF16.self), encoding: littleEndian ? .utf16LE : .utf16BE, replacements: 0)
    }
}
