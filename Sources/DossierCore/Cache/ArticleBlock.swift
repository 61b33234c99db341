import Foundation

/// Articles stored with a table of offsets, so any of them can be read alone or in parallel.
struct ArticleBlock: Sendable {
    let map: MappedFile
    let count: Int
    /// Where the offset table's entries start, the first record starts, and the table.
    let table: Int, first: Int, tableStart: Int

    static let end: [UInt8] = Array("END.".utf8)

    /// Finds the block whose records start where `reader` stands and which ends at `size`
    /// (its end mark), by the table at its end; the table is read entry by entry as articles
    /// are asked for.
    init(reader: BinaryReader, map: MappedFile, end size: Int) throws {
        guard size <= map.buffer.count, size >= reader.at + 12,
              map.buffer[(size - 4)..<size].elementsEqual(Self.end) else { throw CacheCorrupt() }
        var r = BinaryReader(map.buffer, at: size - 12)
        let tableStart = try r.fixed64()
        guard tableStart >= UInt64(reader.at), tableStart < UInt64(size - 12) else { throw CacheCorrupt() }
        r = BinaryReader(UnsafeRawBufferPointer(rebasing: map.buffer[..<(size - 12)]), at: Int(tableStart))
        let n = try r.size()
        guard n <= (r.count - r.at) / 8, r.count - r.at == (n + 1) * 8 else { throw CacheCorrupt() }
        self.map = map
        count = n
        table = r.at
        first = reader.at
        self.tableStart = Int(tableStart)
        guard offset(0) == first, offset(n) == self.tableStart else { throw CacheCorrupt() }
    }

    /// Checks every record's checksum on all cores, handing the pages back as it goes, so a
    /// damaged cache is noticed at the start rather than when that article is shown.
    func verify() throws { try verify(0..<count) }

    /// The same for records `range`.
    func verify(_ range: Range<Int>) throws {
        guard range.lowerBound >= 0, range.upperBound <= count else { throw CacheCorrupt() }
        let chunk = 2048, chunks = (range.count + chunk - 1) / chunk
        let bad = ChunkFlags(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = range.lowerBound + c * chunk, hi = min(range.upperBound, lo + chunk)
            for i in lo..<hi {
                guard let body = record(i),
                      UInt64(littleEndian: map.buffer.loadUnaligned(fromByteOffset: body.upperBound, as: UInt64.self))
                        == Checksum.of(UnsafeRawBufferPointer(rebasing: map.buffer[body]))
                else { bad.set(c); return }
            }
            map.release(offset(lo)..<offset(hi))
        }
        guard !bad.any else { throw CacheCorrupt() }
    }

    /// Hands the pages of every record read so far back to the kernel (the file stays mapped).
    func releaseRecords() { map.release(first..<tableStart) }

    /// The bytes of record `i`'s article (its checksum follows), or nil when the table is damaged.
    func record(_ i: Int) -> Range<Int>? {
        guard i >= 0, i < count else { return nil }
        let start = offset(i), next = offset(i + 1)
        // In this order no subtraction can overflow, whatever the table holds.
        guard start >= first, start <= tableStart, next >= start, next <= tableStart, next - start > 8 else { return nil }
        return start..<(next - 8)
    }

    /// Where record `i` starts (`i == count`: where the last one ends).
    func offset(_ i: Int) -> Int {
        // A damaged entry fails the bounds checks of the caller rather than trapping here.
        Int(truncatingIfNeeded: UInt64(littleEndian: map.buffer.loadUnaligned(fromByteOffset: table + 8 * i, as: UInt64.self)))
    }

    /// Each record is the article followed by a checksum of it.
    func article(_ i: Int, findings: Bool = true) throws -> Article {
        guard let body = record(i) else { throw CacheCorrupt() }
        let start = body.lowerBound, end = body.upperBound
        var sum = BinaryReader(map.buffer, at: end)
        guard try sum.fixed64() == Checksum.of(UnsafeRawBufferPointer(rebasing: map.buffer[start..<end])) else { throw CacheCorrupt() }
        var r = BinaryReader(UnsafeRawBufferPointer(rebasing: map.buffer[..<end]), at: start)
        let a = try r.article(findings: findings)
        guard r.at == end else { throw CacheCorrupt() }
        return a
    }

    /// Decodes one range on all cores straight into the result's storage: copying 100,000
    /// decoded articles again would cost a retain and release of every string they hold.
    func decode(_ range: Range<Int>) throws -> [Article] {
        let n = range.count, chunk = 512
        guard n > 0 else { return [] }
        let chunks = (n + chunk - 1) / chunk
        let done = ChunkFlags(count: chunks)
        let result = [Article](unsafeUninitializedCapacity: n) { buffer, initialized in
            let base = UncheckedPointer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let lo = c * chunk, hi = min(n, lo + chunk)
                var k = lo
                do {
                    while k < hi { (base.pointer + k).initialize(to: try article(range.lowerBound + k)); k += 1 }
                    map.release(offset(range.lowerBound + lo)..<offset(range.lowerBound + hi))
                    done.set(c)
                } catch {
                    (base.pointer + lo).deinitialize(count: k - lo)
                }
            }
            if done.all {
                initialized = n
            } else {
                for c in 0..<chunks where done.get(c) {
                    (base.pointer + c * chunk).deinitialize(count: min(n, (c + 1) * chunk) - c * chunk)
                }
                initialized = 0
            }
        }
        guard result.count == n else { throw CacheCorrupt() }
        return result
    }
}

/// Writes an article block as articles come, a batch at a time: records go to the file at
/// once, only their offsets stay in memory until `finish` writes the table.
final class ArticleBlockWriter {
    let file: CacheFileWriter
    private var offsets: [UInt64]

    init(file: CacheFileWriter) {
        self.file = file
        offsets = [UInt64(file.offset)]
    }

    var count: Int { offsets.count - 1 }

    /// Encodes `articles` on all cores, a chunk of them a thread, and writes them in order.
    func append(_ articles: [Article]) throws {
        let chunk = 256
        let parts = PartBox(count: (articles.count + chunk - 1) / chunk)
        DispatchQueue.concurrentPerform(iterations: parts.count) { c in
            var local = BinaryWriter()
            var ends: [Int] = []
            for i in (c * chunk)..<min(articles.count, (c + 1) * chunk) {
                let start = local.bytes.count
                local.article(articles[i])
                let sum = local.bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[start...])) }
                local.fixed64(sum)
                ends.append(local.bytes.count)
            }
            parts.set(c, (local.bytes, ends))
        }
        for (bytes, ends) in parts.values {
            let base = UInt64(file.offset)
            try file.write(bytes)
            offsets += ends.map { base + UInt64($0) }
        }
    }

    /// Copies records `range` of another block as they are (articles of unchanged files).
    func append(records range: Range<Int>, of block: ArticleBlock) throws {
        guard !range.isEmpty else { return }
        let lo = block.offset(range.lowerBound), hi = block.offset(range.upperBound)
        guard lo >= block.first, hi <= block.tableStart, hi >= lo else { throw CacheCorrupt() }
        let base = UInt64(file.offset)
        try file.write(UnsafeRawBufferPointer(rebasing: block.map.buffer[lo..<hi]))
        for i in range {
            let end = block.offset(i + 1)
            guard end >= lo, end <= hi else { throw CacheCorrupt() }
            offsets.append(base + UInt64(end - lo))
        }
        block.map.release(lo..<hi)
    }

    /// Writes the offset table, its position and the end mark.
    func finish() throws {
        var w = BinaryWriter()
        let tableStart = UInt64(file.offset)
        w.uint(UInt64(count))
        for o in offsets { w.fixed64(o) }
        w.fixed64(tableStart)
        w.bytes += ArticleBlock.end
        try file.write(w.bytes)
    }
}

/// Which chunks of a parallel decode finished.
final class ChunkFlags: @unchecked Sendable {
    private var flags: [Bool]
    private let lock = NSLock()
    init(count: Int) { flags = Array(repeating: false, count: count) }
    func set(_ i: Int) { lock.lock(); flags[i] = true; lock.unlock() }
    func get(_ i: Int) -> Bool { lock.lock(); defer { lock.unlock() }; return flags[i] }
    var all: Bool { lock.lock(); defer { lock.unlock() }; return !flags.contains(false) }
    var any: Bool { lock.lock(); defer { lock.unlock() }; return flags.contains(true) }
}

/// A pointer that parallel workers write through at disjoint places.
struct UncheckedPointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

/// Results of parallel work, by chunk number.
final class PartBox: @unchecked Sendable {
    private var storage: [([UInt8], [Int])?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    var count: Int { storage.count }
    func set(_ i: Int, _ v: ([UInt8], [Int])) { lock.lock(); storage[i] = v; lock.unlock() }
    var values: [([UInt8], [Int])] { storage.map { $0! } }
}
