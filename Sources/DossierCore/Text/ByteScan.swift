import Foundation

/// Byte searches sixteen bytes a step, for scanning raw files at memory speed.
enum ByteScan {
    typealias V = SIMD16<UInt8>

    /// Any lane set (the standard library's `any` reduces lane by lane).
    @inline(__always)
    static func anyLane(_ m: SIMDMask<SIMD16<Int8>>) -> Bool {
        let w = unsafeBitCast(m, to: SIMD2<UInt64>.self)
        return w[0] | w[1] != 0
    }

    /// True when every byte is ASCII; eight bytes a step.
    static func isASCII(_ p: UnsafeRawBufferPointer) -> Bool {
        guard let base = p.baseAddress else { return true }
        var i = 0, high: UInt64 = 0
        while i + 8 <= p.count { high |= base.loadUnaligned(fromByteOffset: i, as: UInt64.self); i += 8 }
        while i < p.count { high |= UInt64(p[i]); i += 1 }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// True when the bytes are ASCII without a `\u` escape.
    static func isPlainJSON(_ p: UnsafeRawBufferPointer) -> Bool {
        guard let base = p.baseAddress else { return true }
        let n = p.count
        var i = 0
        var high = V(repeating: 0)
        let backslash = V(repeating: 0x5C), u = V(repeating: 0x75)
        while i + 17 <= n {
            let v = base.loadUnaligned(fromByteOffset: i, as: V.self)
            let next = base.loadUnaligned(fromByteOffset: i + 1, as: V.self)
            high |= v
            if anyLane((v .== backslash) .& (next .== u)) { return false }
            i += 16
        }
        let h = unsafeBitCast(high, to: SIMD2<UInt64>.self)
        if (h[0] | h[1]) & 0x8080_8080_8080_8080 != 0 { return false }
        while i < n {
            let b = p[i]
            if b >= 0x80 || (b == 0x5C && i + 1 < n && p[i + 1] == 0x75) { return false }
            i += 1
        }
        return true
    }

    /// The first offset at or after `from` where a byte is non-ASCII, a `\u` escape starts, or
    /// `anchor` (lower-case ASCII letters and digits; may be empty) may start in any case: a
    /// place worth a closer look. Nil when there is none.
    static func firstStop(in p: UnsafeRawBufferPointer, from: Int, anchor: [UInt8]) -> Int? {
        guard let base = p.baseAddress else { return nil }
        let n = p.count, m = max(1, anchor.count)
        func fold(_ c: UInt8) -> UInt8 { c >= 0x61 ? 0x20 : 0 }
        // Without an anchor, one that only a byte above 0x7F fits (such a byte stops anyway):
        // the loop then needs no branch for it.
        let first = anchor.first ?? 0xFF, last = anchor.last ?? 0xFF
        let fv = V(repeating: first), lv = V(repeating: last), fm = V(repeating: fold(first)), lm = V(repeating: fold(last))
        let backslash = V(repeating: 0x5C), u = V(repeating: 0x75), high = V(repeating: 0x80)
        let lastOffset = m - 1
        // Offsets stay below `n`, checked by the loops: wrapping arithmetic spares overflow checks.
        @inline(__always) func stops(at i: Int) -> SIMDMask<SIMD16<Int8>> {
            let v = base.loadUnaligned(fromByteOffset: i, as: V.self)
            let next = base.loadUnaligned(fromByteOffset: i &+ 1, as: V.self)
            let b = base.loadUnaligned(fromByteOffset: i &+ lastOffset, as: V.self) | lm
            return (v .>= high) .| ((v .== backslash) .& (next .== u)) .| (((v | fm) .== fv) .& (b .== lv))
        }
        @inline(__always) func firstLane(_ stop: SIMDMask<SIMD16<Int8>>) -> Int {
            let w = unsafeBitCast(stop, to: SIMD2<UInt64>.self)
            return w[0] != 0 ? w[0].trailingZeroBitCount / 8 : 8 + w[1].trailingZeroBitCount / 8
        }
        var i = from
        // Two blocks a step, one branch for both.
        let reach = max(lastOffset, 1)  // the bytes a block reads past its sixteen
        while i <= n - reach - 32 {
            let a = stops(at: i), b = stops(at: i &+ 16)
            if anyLane(a .| b) { return anyLane(a) ? i + firstLane(a) : i + 16 + firstLane(b) }
            i &+= 32
        }
        while i <= n - reach - 16 {
            let stop = stops(at: i)
            if anyLane(stop) { return i + firstLane(stop) }
            i &+= 16
        }
        // The last few bytes, one at a time.
        while i < n {
            let b = p[i]
            if b >= 0x80 || (b == 0x5C && i + 1 < n && p[i + 1] == 0x75) { return i }
            if !anchor.isEmpty, caselessMatch(anchor, in: p, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// Whether `needle` (lower-case ASCII letters and digits) stands at `i` in any case.
    static func caselessMatch(_ needle: [UInt8], in p: UnsafeRawBufferPointer, at i: Int) -> Bool {
        guard i + needle.count <= p.count else { return false }
        for k in needle.indices where p[i + k] | (needle[k] >= 0x61 ? 0x20 : 0) != needle[k] { return false }
        return true
    }

    /// The offset of the last newline before `end`, sixteen bytes a step.
    static func lastNewline(in p: UnsafeRawBufferPointer, before end: Int) -> Int? {
        guard let base = p.baseAddress else { return nil }
        let newline = V(repeating: 0x0A)
        var i = end
        while i >= 16 {
            let hit = base.loadUnaligned(fromByteOffset: i - 16, as: V.self) .== newline
            if anyLane(hit) { for k in stride(from: 15, through: 0, by: -1) where hit[k] { return i - 16 + k } }
            i -= 16
        }
        while i > 0 {
            i -= 1
            if p[i] == 0x0A { return i }
        }
        return nil
    }

    /// Whether `needle` (lower-case ASCII letters and digits) occurs in the bytes in any case:
    /// a candidate where the first and last bytes fit, then the whole.
    static func containsCaseless(_ needle: [UInt8], in p: UnsafeRawBufferPointer) -> Bool {
        guard let base = p.baseAddress, !needle.isEmpty else { return needle.isEmpty }
        let n = p.count, m = needle.count
        guard n >= m else { return false }
        func fold(_ c: UInt8) -> UInt8 { c >= 0x61 ? 0x20 : 0 }
        let first = needle[0], last = needle[m - 1]
        let fv = V(repeating: first), lv = V(repeating: last)
        let fm = V(repeating: fold(first)), lm = V(repeating: fold(last))
        var i = 0
        while i + m - 1 + 16 <= n {
            let a = base.loadUnaligned(fromByteOffset: i, as: V.self) | fm
            let b = base.loadUnaligned(fromByteOffset: i + m - 1, as: V.self) | lm
            let hit = (a .== fv) .& (b .== lv)
            if anyLane(hit) {
                for k in 0..<16 where hit[k] && caselessMatch(needle, in: p, at: i + k) { return true }
            }
            i += 16
        }
        while i + m <= n {
            if caselessMatch(needle, in: p, at: i) { return true }
            i += 1
        }
        return false
    }
}
