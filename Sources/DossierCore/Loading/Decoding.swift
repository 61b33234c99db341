import Foundation

/// Turns file bytes into text without ever failing: UTF-8 (invalid bytes become U+FFFD),
/// UTF-16 with or without a BOM, or a single-byte guess (Latin-1, or Windows-1252 when its
/// curly quotes and dashes are present) when the bytes are clearly not UTF-8.
public enum TextDecoder {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", latin1 = "ISO-8859-1", windows1252 = "Windows-1252"
    }

    public struct Decoded: Sendable {
        public var text: String
        public var encoding: Encoding
        /// How many bytes could not be decoded and became U+FFFD.
        public var replacements: Int
    }

    /// How much of a file the binary and UTF-16 sniffers look at.
    static let sniffBytes = 1 << 16

    /// True when the bytes look like a binary file rather than text (NUL bytes outside UTF-16).
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        if utf16WithoutBOM(bytes) != nil { return false }
        return bytes.prefix(sniffBytes).contains(0)
    }

    /// Recognises BOM-less UTF-16 of mostly Latin text: NUL in every other byte on one side only.
    /// Returns true for little-endian, false for big-endian, nil when it is not that.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(sniffBytes & ~1)
        guard sample.count >= 4, sample.count % 2 == 0 else { return nil }
        var evenZero = 0, oddZero = 0
        var i = sample.startIndex
        while i + 1 < sample.endIndex {
            if sample[i] == 0 { evenZero += 1 }
            if sample[i + 1] == 0 { oddZero += 1 }
            if sample[i] == 0, sample[i + 1] == 0 { return nil }  // U+0000 is not text
            i += 2
        }
        let pairs = sample.count / 2
        if oddZero * 10 >= pairs * 6, evenZero * 10 <= pairs { return true }
        if evenZero * 10 >= pairs * 6, oddZero * 10 <= pairs { return false }
        return nil
    }

    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), littleEndian: false) }
        if let little = utf16WithoutBOM(bytes) { return utf16(bytes[...], littleEndian: little) }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        let (valid, invalid) = utf8Stats(body)
        // Single-byte text has high bytes that are rarely valid UTF-8 sequences; a UTF-8 file
        // with a few damaged bytes still has more good multi-byte sequences than bad bytes.
        if invalid > valid { return singleByte(body) }
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

    /// Windows-1252's printable characters at 0x80–0x9F (nil where it leaves a byte undefined).
    static let windows1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    /// One scalar per byte. Bytes 0x80–0x9F are C1 controls in Latin-1, which no text uses, so
    /// their presence means Windows-1252 (as browsers treat a Latin-1 label).
    static func singleByte(_ bytes: ArraySlice<UInt8>) -> Decoded {
        let cp1252 = bytes.contains { $0 >= 0x80 && $0 <= 0x9F }
        var scalars = String.UnicodeScalarView()
        var replacements = 0
        for b in bytes {
            if cp1252, b >= 0x80, b <= 0x9F {
                if let v = windows1252High[Int(b - 0x80)], let s = Unicode.Scalar(v) { scalars.append(s) } else { scalars.append("\u{FFFD}"); replacements += 1 }
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return Decoded(text: String(scalars), encoding: cp1252 ? .windows1252 : .latin1, replacements: replacements)
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
        if units.first == 0xFEFF { units.removeFirst() }
        var bad = 0
        var it = units.makeIterator()
        var parser = UTF16.ForwardParser()
        loop: while true {
            switch parser.parseScalar(from: &it) {
            case .valid: continue
            case .error: bad += 1
            case .emptyInput: break loop
            }
        }
        if bytes.count % 2 == 1 { bad += 1 }
        return Decoded(text: String(decoding: units, as: UTF16.self), encoding: littleEndian ? .utf16LE : .utf16BE, replacements: bad)
    }
}
