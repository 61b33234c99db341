import Foundation

/// Reads the whole lines that start in a stretch of a file, a block at a time, as `rg` does: a
/// search that stops at its first match reads little more than the bytes before it. Copying
/// with `pread` beats mapping here: unmapping while other threads run makes every core flush
/// its address cache.
enum LineBlocks {
    static let blockBytes = 1 << 16

    /// Hands `body` the lines that start in `range` (offsets into the file), several whole
    /// lines at a time with the file offset of the first, until `body` returns false or the
    /// lines end. When `range` starts at 0, `head` first sees the file's first block (all of
    /// it up to `blockBytes`); returning false ends the read there. Returns false when the file
    /// could not be read to the end of the range.
    static func read(fd: Int32, lines range: Range<Int>, head: ((UnsafeRawBufferPointer) -> Bool)? = nil,
                     _ body: (UnsafeRawBufferPointer, _ offset: Int) -> Bool) -> Bool {
        var capacity = blockBytes
        var buf = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buf.deallocate() }
        var filled = 0, begin = 0, bufOffset = 0, pos = 0
        var skipping = range.lowerBound > 0, eof = false
        if skipping {
            // The first line that starts at or after the range: the one after the newline at
            // or after the byte before it.
            bufOffset = range.lowerBound - 1; pos = bufOffset
        } else if let head {
            while filled < capacity {
                let n = pread(fd, buf + filled, capacity - filled, off_t(filled))
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { eof = true; break }
                filled += n
            }
            pos = filled
            guard head(UnsafeRawBufferPointer(start: buf, count: filled)) else { return true }
        }
        while true {
            if skipping {
                if let nl = memchr(buf + begin, 0x0A, filled - begin) {
                    begin = buf.distance(to: nl) + 1; skipping = false
                } else {
                    begin = filled
                    if eof { return true }
                }
            }
            if !skipping {
                let unread = UnsafeRawBufferPointer(start: buf + begin, count: filled - begin)
                var end = eof ? filled : (ByteScan.lastNewline(in: unread, before: unread.count).map { begin + $0 + 1 } ?? begin)
                var done = eof
                let hi = range.upperBound - bufOffset  // where the range ends, in the buffer
                if end > hi {
                    // The last line of the range ends at the first newline at or after its end.
                    if hi <= begin {
                        end = begin
                    } else if let nl = memchr(buf + hi - 1, 0x0A, end - hi + 1) {
                        end = buf.distance(to: nl) + 1
                    }
                    done = true
                }
                if end > begin, !body(UnsafeRawBufferPointer(start: buf + begin, count: end - begin), bufOffset + begin) { return true }
                begin = end
                if done { return true }
            }
            // Keep the unfinished line at the front and read on.
            if begin > 0 {
                memmove(buf, buf + begin, filled - begin)
                filled -= begin; bufOffset += begin; begin = 0
            }
            if filled == capacity {
                guard capacity <= Loader.maxFileBytes else { return false }
                capacity *= 2
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
                bigger.copyMemory(from: buf, byteCount: filled)
                buf.deallocate()
                buf = bigger
            }
            let n = pread(fd, buf + filled, capacity - filled, off_t(pos))
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            if n == 0 { eof = true } else { filled += n; pos += n }
        }
    }

    /// Reads up to `count` bytes at `offset`: fewer only at the end of the file; nil on an error.
    static func bytes(fd: Int32, at offset: Int, count: Int) -> [UInt8]? {
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: count) { buf, got in
            got = 0
            while got < count {
                let n = pread(fd, buf.baseAddress! + got, count - got, off_t(offset + got))
                if n < 0 { if errno == EINTR { continue }; failed = true; return }
                if n == 0 { return }
                got += n
            }
        }
        return failed ? nil : out
    }

    /// Line numbers of file offsets, counted on demand by reading the file from the start
    /// (only records without an id, and problems, need one).
    struct LineNumbers {
        let fd: Int32
        var offset = 0, line = 1

        init(fd: Int32) { self.fd = fd }

        mutating func number(at target: Int) -> Int {
            if target < offset { offset = 0; line = 1 }
            while offset < target, let block = LineBlocks.bytes(fd: fd, at: offset, count: min(blockBytes, target - offset)), !block.isEmpty {
                line += block.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                offset += block.count
            }
            offset = target
            return line
        }
    }
}
