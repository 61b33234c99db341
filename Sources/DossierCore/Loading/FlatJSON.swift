import Foundation

/// A fast reading of the usual JSONL record: one JSON object whose wanted keys hold strings.
/// `JSONSerialization` builds every value of the line as Foundation objects; this reads the
/// bytes once, makes Strings only for the wanted keys and skips the rest.
///
/// It answers only when it is sure `JSONSerialization` would read the same: strict JSON, ASCII
/// or valid UTF-8, no exponent or long number (which may not fit a Double), no lone surrogate,
/// nesting under 100. Anything else gives nil and the caller asks `JSONSerialization`, which
/// also decides what is malformed.
enum FlatJSON {
    /// The string values of `wanted` keys (the last of a repeated key wins, as in
    /// `JSONSerialization`), and the wanted keys that held something else.
    struct Fields {
        var strings: [String: String] = [:]
        var notStrings: Set<String> = []
    }

    static func fields(_ line: ArraySlice<UInt8>, wanted: Set<String>) -> Fields? {
        line.withUnsafeBytes { raw -> Fields? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
            // Non-ASCII must be valid UTF-8 everywhere (JSONSerialization rejects the line otherwise).
            if raw.contains(where: { $0 >= 0x80 }), TextDecoder.utf8Stats(line).invalid > 0 { return nil }
            var r = Reader(p: base, n: raw.count)
            return r.object(wanted: wanted)
        }
    }

    private struct Reader {
        let p: UnsafePointer<UInt8>
        let n: Int
        var i = 0

        init(p: UnsafePointer<UInt8>, n: Int) { self.p = p; self.n = n }

        var byte: UInt8? { i < n ? p[i] : nil }

        mutating func space() {
            while i < n, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0D || p[i] == 0x0A { i += 1 }
        }

        mutating func eat(_ b: UInt8) -> Bool {
            space()
            guard byte == b else { return false }
            i += 1
            return true
        }

        /// The top-level object, then nothing but white space.
        mutating func object(wanted: Set<String>) -> Fields? {
            guard eat(UInt8(ascii: "{")) else { return nil }
            var fields = Fields()
            if eat(UInt8(ascii: "}")) { space(); return i == n ? fields : nil }
            repeat {
                space()
                guard byte == UInt8(ascii: "\""), let key = string(), eat(UInt8(ascii: ":")) else { return nil }
                space()
                if wanted.contains(key) {
                    if byte == UInt8(ascii: "\"") {
                        guard let value = string() else { return nil }
                        fields.strings[key] = value
                        fields.notStrings.remove(key)
                    } else {
                        guard skipValue(depth: 1) else { return nil }
                        fields.strings[key] = nil
                        fields.notStrings.insert(key)
                    }
                } else if !skipValue(depth: 1) {
                    return nil
                }
            } while eat(UInt8(ascii: ","))
            guard eat(UInt8(ascii: "}")) else { return nil }
            space()
            return i == n ? fields : nil
        }

        mutating func skipValue(depth: Int) -> Bool {
            guard depth < 100, let b = byte else { return false }
            switch b {
            case UInt8(ascii: "\""): return skipString()
            case UInt8(ascii: "{"):
                i += 1
                if eat(UInt8(ascii: "}")) { return true }
                repeat {
                    space()
                    guard byte == UInt8(ascii: "\""), skipString(), eat(UInt8(ascii: ":")) else { return false }
                    space()
                    guard skipValue(depth: depth + 1) else { return false }
                } while eat(UInt8(ascii: ","))
                return eat(UInt8(ascii: "}"))
            case UInt8(ascii: "["):
                i += 1
                if eat(UInt8(ascii: "]")) { return true }
                repeat {
                    space()
                    guard skipValue(depth: depth + 1) else { return false }
                } while eat(UInt8(ascii: ","))
                return eat(UInt8(ascii: "]"))
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard n - i >= count, memcmp(p + i, word.utf8Start, count) == 0 else { return false }
            i += count
            return true
        }

        /// -?(0|[1-9][0-9]*)(.[0-9]+)? with at most 15 digits; an exponent is left to Foundation.
        mutating func number() -> Bool {
            if byte == UInt8(ascii: "-") { i += 1 }
            func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
            var digits = 0
            guard isDigit(byte) else { return false }
            if byte == UInt8(ascii: "0") {
                i += 1; digits = 1
            } else {
                while isDigit(byte) { i += 1; digits += 1 }
            }
            if byte == UInt8(ascii: ".") {
                i += 1
                guard isDigit(byte) else { return false }
                while isDigit(byte) { i += 1; digits += 1 }
            }
            return digits <= 15 && byte != UInt8(ascii: "e") && byte != UInt8(ascii: "E")
        }

        /// Sixteen bytes a step while none is a quote, a backslash or a control byte.
        mutating func skipPlain() {
            typealias V = ByteScan.V
            let quote = V(repeating: 0x22), backslash = V(repeating: 0x5C), space = V(repeating: 0x20)
            let base = UnsafeRawPointer(p)
            while n - i >= 16 {
                let v = base.loadUnaligned(fromByteOffset: i, as: V.self)
                if ByteScan.anyLane((v .== quote) .| (v .== backslash) .| (v .< space)) { return }
                i += 16
            }
        }

        mutating func skipString() -> Bool {
            i += 1
            while i < n {
                skipPlain()
                guard i < n else { return false }
                let b = p[i]
                if b == UInt8(ascii: "\"") { i += 1; return true }
                if b < 0x20 { return false }
                if b == UInt8(ascii: "\\") {
                    var scalar: Unicode.Scalar?
                    guard escape(into: &scalar) else { return false }
                } else {
                    i += 1
                }
            }
            return false
        }

        /// The string at `i` (which is at its opening quote).
        mutating func string() -> String? {
            i += 1
            var bytes: [UInt8] = []
            while true {
                // Runs without an escape are copied whole.
                let run = i
                skipPlain()
                while i < n, p[i] != UInt8(ascii: "\""), p[i] != UInt8(ascii: "\\"), p[i] >= 0x20 { i += 1 }
                guard i < n, p[i] >= 0x20 else { return nil }
                let plain = UnsafeBufferPointer(start: p + run, count: i - run)
                if p[i] == UInt8(ascii: "\"") {
                    i += 1
                    if bytes.isEmpty { return String(decoding: plain, as: UTF8.self) }
                    bytes.append(contentsOf: plain)
                    return String(decoding: bytes, as: UTF8.self)
                }
                if bytes.isEmpty { bytes.reserveCapacity(plain.count + 64) }
                bytes.append(contentsOf: plain)
                var scalar: Unicode.Scalar?
                guard escape(into: &scalar), let scalar else { return nil }
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }

        /// Reads the escape at `i` (a backslash); a lone surrogate fails.
        mutating func escape(into scalar: inout Unicode.Scalar?) -> Bool {
            guard i + 1 < n else { return false }
            let e = p[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalar = Unicode.Scalar(e)
            case UInt8(ascii: "b"): scalar = "\u{08}"
            case UInt8(ascii: "f"): scalar = "\u{0C}"
            case UInt8(ascii: "n"): scalar = "\n"
            case UInt8(ascii: "r"): scalar = "\r"
            case UInt8(ascii: "t"): scalar = "\t"
            case UInt8(ascii: "u"):
                guard let unit = hex4() else { return false }
                if unit >= 0xD800 && unit < 0xDC00 {
                    guard i + 1 < n, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") else { return false }
                    i += 2
                    guard let low = hex4(), low >= 0xDC00 && low < 0xE000 else { return false }
                    scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                } else {
                    scalar = Unicode.Scalar(unit)  // nil for a lone low surrogate
                }
                return scalar != nil
            default: return false
            }
            return true
        }

        mutating func hex4() -> UInt32? {
            guard n - i >= 4 else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 {
                let b = p[i + k]
                let d: UInt8
                switch b {
                case 0x30...0x39: d = b - 0x30
                case 0x41...0x46: d = b - 0x41 + 10
                case 0x61...0x66: d = b - 0x61 + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            i += 4
            return v
        }
    }
}
