import Foundation

/// Thrown for any cache file that does not read back exactly as written.
struct CacheCorrupt: Error {}

/// Appends values in a compact binary form: LEB128 integers (zigzag for signed), strings as
/// length + UTF-8.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func uint(_ v: UInt64) { Varint.append(v, to: &bytes) }
    mutating func int(_ v: Int) { uint(UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in uint(UInt64(u.count)); bytes.append(contentsOf: u) }
    }
    mutating func optString(_ s: String?) {
        if let s { bytes.append(1); string(s) } else { bytes.append(0) }
    }
    mutating func optInt(_ v: Int?) {
        if let v { bytes.append(1); int(v) } else { bytes.append(0) }
    }
    mutating func double(_ v: Double) { fixed64(v.bitPattern) }
    mutating func fixed64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
}

/// A fast 64-bit checksum that catches damaged cache files; not a cryptographic hash. Four
/// independent lanes of eight bytes a step, so that a search can check the index it reads
/// at memory speed.
enum Checksum {
    static func of(_ p: UnsafeRawBufferPointer) -> UInt64 {
        let k: UInt64 = 0xFF51_AFD7_ED55_8CCD
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(p.count), b = a &+ 1, c = a &+ 2, d = a &+ 3
        var i = 0
        while i + 32 <= p.count {
            a = (a ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k; a ^= a >> 29
            b = (b ^ p.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* k; b ^= b >> 29
            c = (c ^ p.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)) &* k; c ^= c >> 29
            d = (d ^ p.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) &* k; d ^= d >> 29
            i += 32
        }
        var h = a ^ (b &* 3) ^ (c &* 5) ^ (d &* 7)
        while i + 8 <= p.count {
            h = (h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
            h ^= h >> 29
            i += 8
        }
        while i < p.count { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3; i += 1 }
        return h ^ (h >> 32)
    }
}

extension BinaryWriter {
    /// Appends a checksum of everything written from `start` on.
    mutating func seal(from start: Int = 0) {
        let sum = bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        fixed64(sum)
    }

    /// Zero bytes up to a multiple of eight, so that arrays after it can be used in place.
    mutating func align() {
        while bytes.count % 8 != 0 { bytes.append(0) }
    }

    /// An array to be read in place: its count, padding, then its contents.
    mutating func alignedArray<T: FixedWidthInteger>(_ a: UnsafeBufferPointer<T>) {
        uint(UInt64(a.count))
        align()
        bytes.append(contentsOf: UnsafeRawBufferPointer(a))
    }
}

extension BinaryReader {
    /// Checks the checksum `seal` wrote here against everything from `start` on.
    mutating func checkSeal(from start: Int = 0) throws {
        let sum = Checksum.of(UnsafeRawBufferPointer(start: base + start, count: at - start))
        guard try fixed64() == sum else { throw CacheCorrupt() }
    }

    mutating func align() throws {
        let next = (at + 7) / 8 * 8
        guard next <= count else { throw CacheCorrupt() }
        at = next
    }

    /// An array written by `alignedArray`, read where it lies (the buffer must outlive it).
    mutating func alignedArray<T: FixedWidthInteger>(_: T.Type) throws -> UnsafeBufferPointer<T> {
        let n = try size()
        try align()
        let size = MemoryLayout<T>.stride
        guard n <= (count - at) / size, Int(bitPattern: base + at) % MemoryLayout<T>.alignment == 0 else { throw CacheCorrupt() }
        defer { at += n * size }
        return UnsafeBufferPointer(start: (base + at).assumingMemoryBound(to: T.self), count: n)
    }

    /// Steps over a string without making it.
    mutating func skipString() throws { at += try size() }
}

/// Reads what `BinaryWriter` wrote, checking every bound.
struct BinaryReader {
    let base: UnsafeRawPointer
    let count: Int
    var at: Int

    init(_ buffer: UnsafeRawBufferPointer, at: Int = 0) {
        base = buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        count = buffer.count
        self.at = at
    }

    mutating func byte() throws -> UInt8 {
        guard at < count else { throw CacheCorrupt() }
        defer { at += 1 }
        return base.load(fromByteOffset: at, as: UInt8.self)
    }

    mutating func uint() throws -> UInt64 {
        var v: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw CacheCorrupt() }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let u = try uint()
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    /// A length or count: it must fit in what is left of the file.
    mutating func size() throws -> Int {
        let n = try uint()
        guard n <= UInt64(count - at) else { throw CacheCorrupt() }
        return Int(n)
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw CacheCorrupt()
        }
    }

    mutating func string() throws -> String {
        let n = try size()
        defer { at += n }
        return String(decoding: UnsafeRawBufferPointer(start: base + at, count: n), as: UTF8.self)
    }

    mutating func optString() throws -> String? { try bool() ? try string() : nil }
    mutating func optInt() throws -> Int? { try bool() ? try int() : nil }

    mutating func fixed64() throws -> UInt64 {
        guard count - at >= 8 else { throw CacheCorrupt() }
        defer { at += 8 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    mutating func double() throws -> Double { Double(bitPattern: try fixed64()) }
}

/// A read-only memory map of a whole file.
final class MappedFile: @unchecked Sendable {
    let buffer: UnsafeRawBufferPointer
    private let fd: Int32

    init?(path: String) {
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0,
              let p = mmap(nil, Int(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            close(fd); return nil
        }
        buffer = UnsafeRawBufferPointer(start: p, count: Int(st.st_size))
    }

    /// Lets the kernel drop pages already read, so a big cache does not sit in memory twice.
    func release(_ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let lo = (range.lowerBound + page - 1) / page * page, hi = range.upperBound / page * page
        guard hi > lo else { return }
        madvise(UnsafeMutableRawPointer(mutating: buffer.baseAddress! + lo), hi - lo, MADV_DONTNEED)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress!), buffer.count)
        close(fd)
    }
}
