import Foundation

/// Parsed corpora kept on disk under `$XDG_CACHE_HOME/dossier/` (default `~/.cache/dossier/`),
/// keyed by the corpus paths, so a second start skips parsing and indexing.
///
/// Two files per corpus: a snapshot of the built corpus with its search index (read whole when
/// no input file changed, or article by article for a one-shot search), and the per-file parse
/// results (so that only changed and added files are parsed again; removed ones are dropped).
/// A file is unchanged when its size and modification time are. Both files name the program
/// that wrote them, so a rebuilt program never trusts results of an older pipeline.
public struct CorpusCache: Sendable {
    public let directory: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        directory = XDG.dossierDirectory("XDG_CACHE_HOME", fallback: ".cache", environment: environment)
    }

    public init(directory: String) { self.directory = directory }

    /// What a load did.
    public struct Report: Sendable {
        /// The whole corpus came from the snapshot: nothing was parsed or indexed.
        public var fromSnapshot = false
        /// Articles taken from the cache and articles parsed now.
        public var reused = 0
        public var parsed = 0
        /// One line for the user when a cache file was unusable or could not be written.
        public var warning: String?
        public init() {}
    }

    /// The file names of a corpus's cache, from a stable hash of its key.
    public func files(forKey key: String) -> (snapshot: String, parsed: String) {
        var h: UInt64 = 14695981039346656037
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
        let name = String(h, radix: 16)
        return (directory + "/corpus-" + name + ".bin", directory + "/parsed-" + name + ".bin")
    }

    /// Loads the corpus under `paths`, built and indexed, using and refreshing the cache.
    /// `progress` gets (articles done, articles expected) from the loading thread; the
    /// expected total is an estimate until the last file has been read.
    public func load(paths: [String], key: String, progress: @Sendable (Int, Int) -> Void = { _, _ in }) -> (Corpus, Report) {
        let listing = SourceListing(paths: paths)
        var report = Report()
        if listing.readsStdin {
            var none: [String: ParsedFile] = [:]
            return (Self.parse(listing, previous: &none, report: &report, progress: progress, persist: { _ in nil }), report)
        }
        let names = files(forKey: key)
        do {
            if let snap = try CorpusSnapshot(path: names.snapshot, key: key, listing: listing) {
                let corpus = try snap.corpus()
                report.fromSnapshot = true
                report.reused = corpus.articles.count
                progress(corpus.articles.count, corpus.articles.count)
                return (corpus, report)
            }
        } catch {
            report.warning = "ignoring unreadable cache \(names.snapshot); reading the corpus again"
        }
        var previous: [String: ParsedFile] = [:]
        do {
            previous = try ParsedFiles.read(path: names.parsed, key: key, wanted: listing.files)
        } catch {
            report.warning = report.warning ?? "ignoring unreadable cache \(names.parsed); reading the corpus again"
        }
        var trouble: String?
        let corpus = Self.parse(listing, previous: &previous, report: &report, progress: progress) { perFile in
            trouble = write(perFile, key: key)
            return trouble
        }
        var summaries: [ArticleSummary] = []
        if trouble == nil {
            trouble = attempt { summaries = try CorpusSnapshot.write(corpus, files: listing.files, key: key, to: names.snapshot) }
        }
        if let trouble { report.warning = report.warning ?? trouble; return (corpus, report) }
        // Read on from the snapshot just written, so the parsed text need not stay in memory.
        if let snap = try? CorpusSnapshot(path: names.snapshot, key: key, listing: listing),
           let onDisk = snap.corpus(replacing: corpus, summaries: summaries) {
            return (onDisk, report)
        }
        return (corpus, report)
    }

    /// The cached corpus when it is fresh, with its index and articles read one at a time, or
    /// nil (stale, missing or unreadable).
    public func snapshot(paths: [String], key: String) -> CorpusSnapshot? {
        let listing = SourceListing(paths: paths)
        guard !listing.readsStdin else { return nil }
        return try? CorpusSnapshot(path: files(forKey: key).snapshot, key: key, listing: listing)
    }

    /// Reuses the articles of unchanged files, parses the rest, hands the per-file results to
    /// `persist` (which writes them to the cache), then builds and indexes. `previous` is
    /// emptied and the per-file results dropped before the build, so that the build changes
    /// the only copy of each article in place instead of copying its quotes and events.
    static func parse(_ listing: SourceListing, previous: inout [String: ParsedFile], report: inout Report,
                      progress: @Sendable (Int, Int) -> Void, persist: ([ParsedFile]) -> String?) -> Corpus {
        var perFile: [ParsedFile] = []
        var stdinArticles: [Article] = []
        var toRead = SourceListing(paths: [])
        toRead.readsStdin = listing.readsStdin
        var reusedCount = 0
        for f in listing.files {
            if let p = previous[f.path], p.file == f { reusedCount += p.articles.count } else { toRead.files.append(f) }
        }
        var fresh: [String: ParsedFile] = [:]
        var done = reusedCount
        let totalBytes = max(1, toRead.files.reduce(0) { $0 + $1.size })
        var bytesRead: Int64 = 0
        for batch in SourceFiles.batches(toRead) {
            let offset = done
            var estimate = done
            var grouped: [String: [RawDocument]] = [:]
            var problems: [String: [LoadProblem]] = [:]
            for f in batch.files {
                let r = Loader.load(file: f.path, id: f.id)
                grouped[f.path] = r.documents
                problems[f.path] = r.problems
                bytesRead += f.size
            }
            var docs = batch.files.flatMap { grouped[$0.path]! }
            if batch.stdin { docs += Loader.load(paths: ["-"]).documents }
            let seen = docs.count + done - reusedCount
            estimate = reusedCount + Int(Double(seen) * Double(totalBytes) / Double(max(1, bytesRead)))
            let expected = max(estimate, offset + docs.count)
            let articles = CorpusBuilder.parseAll(docs) { n, _ in progress(offset + n, expected) }
            var at = 0
            for f in batch.files {
                let n = grouped[f.path]!.count
                fresh[f.path] = ParsedFile(file: f, problems: problems[f.path]!, articles: Array(articles[at..<(at + n)]))
                at += n
            }
            stdinArticles += articles[at...]
            done += docs.count
        }
        for f in listing.files { perFile.append(fresh[f.path] ?? previous[f.path]!) }
        fresh = [:]
        previous = [:]
        report.reused = reusedCount
        report.parsed = done - reusedCount
        _ = persist(perFile)
        let problems = listing.problems + perFile.flatMap(\.problems)
        var all = perFile.flatMap(\.articles) + stdinArticles
        perFile = []
        stdinArticles = []
        let corpus = CorpusBuilder.build(consuming: &all, problems: problems)
        progress(done, done)
        return corpus
    }

    /// Writes the per-file results; returns a one-line message when that fails.
    func write(_ perFile: [ParsedFile], key: String) -> String? {
        attempt { try ParsedFiles.write(perFile, key: key, to: files(forKey: key).parsed) }
    }

    private func attempt(_ body: () throws -> Void) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try body()
            return nil
        } catch {
            return "could not write the cache in \(directory) (\(error.localizedDescription)); the next start will parse again"
        }
    }

    /// Identifies the program writing a cache: its size and modification time.
    static let writer: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? "?"
        guard let f = SourceListing.stat(exe, id: exe) else { return "format 3 " + exe }
        return "format 3 \(exe) \(f.size) \(f.mtime)"
    }()

}

/// A cache file being written: a temporary file beside the target, renamed over it once complete,
/// so a reader never sees half a file.
final class CacheFileWriter {
    let path: String
    let tmp: String
    private var fd: Int32
    private(set) var offset = 0

    init(path: String) throws {
        self.path = path
        tmp = path + ".tmp-\(getpid())"
        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission) }
    }

    func write(_ bytes: [UInt8]) throws {
        let ok = bytes.withUnsafeBytes { buf -> Bool in
            var off = 0
            while off < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
                if n <= 0 { return false }
                off += n
            }
            return true
        }
        guard ok else { throw CocoaError(.fileWriteOutOfSpace) }
        offset += bytes.count
    }

    func commit() throws {
        let closed = close(fd) == 0
        fd = -1
        guard closed, rename(tmp, path) == 0 else { unlink(tmp); throw CocoaError(.fileWriteUnknown) }
    }

    deinit {
        if fd >= 0 { close(fd); unlink(tmp) }
    }
}

/// One input file's parse results before the corpus-level stages, as the cache keeps them.
public struct ParsedFile: Sendable {
    public var file: SourceFile
    public var problems: [LoadProblem]
    public var articles: [Article]
}

/// The per-file parse results on disk.
enum ParsedFiles {
    static let magic: [UInt8] = Array("DOSSPRS1".utf8)

    static func write(_ files: [ParsedFile], key: String, to path: String) throws {
        var w = BinaryWriter()
        w.bytes = magic
        w.string(CorpusCache.writer); w.string(key)
        w.uint(UInt64(files.count))
        for p in files {
            w.string(p.file.path); w.string(p.file.id); w.int(Int(p.file.size)); w.int(Int(p.file.mtime))
            w.problems(p.problems); w.uint(UInt64(p.articles.count))
        }
        w.seal()
        let file = try CacheFileWriter(path: path)
        try file.write(w.bytes)
        try ArticleBlock.write(ArticleStore(files.flatMap(\.articles)), to: file)
        try file.commit()
    }

    /// The entries of `wanted` files that are unchanged, with their articles decoded.
    static func read(path: String, key: String, wanted: [SourceFile]) throws -> [String: ParsedFile] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let map = MappedFile(path: path) else { throw CacheCorrupt() }
        var r = BinaryReader(map.buffer)
        guard map.buffer.starts(with: magic) else { throw CacheCorrupt() }
        r.at = magic.count
        guard try r.string() == CorpusCache.writer, try r.string() == key else { return [:] }
        let want = Dictionary(wanted.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var entries: [(ParsedFile, Range<Int>)] = []
        var first = 0
        for _ in 0..<(try r.size()) {
            let f = SourceFile(path: try r.string(), id: try r.string(), size: Int64(try r.int()), mtime: Int64(try r.int()))
            let problems = try r.problems()
            let n = try r.size()
            if want[f.path] == f { entries.append((ParsedFile(file: f, problems: problems, articles: []), first..<(first + n))) }
            first += n
        }
        try r.checkSeal()
        let block = try ArticleBlock(reader: r, map: map)
        guard block.count == first else { throw CacheCorrupt() }
        let articles = try block.decode(ranges: entries.map(\.1))
        var out: [String: ParsedFile] = [:]
        for (k, (entry, _)) in entries.enumerated() {
            var e = entry
            e.articles = articles[k]
            out[e.file.path] = e
        }
        return out
    }
}

/// Articles stored with a table of offsets, so any of them can be read alone or in parallel.
struct ArticleBlock: Sendable {
    let map: MappedFile
    let count: Int
    /// Where the offset table's entries start, the first record starts, and the table.
    let table: Int, first: Int, tableStart: Int

    static let end: [UInt8] = Array("END.".utf8)

    /// Writes the records, then the offset table, its position and an end mark. Articles are
    /// encoded on all cores a window at a time, so the encoded form never piles up in memory.
    static func write(_ articles: ArticleStore, to file: CacheFileWriter) throws {
        let chunk = 1024, window = 8 * chunk
        var offsets: [UInt64] = [UInt64(file.offset)]
        offsets.reserveCapacity(articles.count + 1)
        for lo in stride(from: 0, to: articles.count, by: window) {
            let hi = min(articles.count, lo + window)
            let parts = PartBox(count: (hi - lo + chunk - 1) / chunk)
            DispatchQueue.concurrentPerform(iterations: parts.count) { c in
                var local = BinaryWriter()
                var ends: [Int] = []
                for i in (lo + c * chunk)..<min(hi, lo + (c + 1) * chunk) {
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
        var w = BinaryWriter()
        let tableStart = UInt64(file.offset)
        w.uint(UInt64(articles.count))
        for o in offsets { w.fixed64(o) }
        w.fixed64(tableStart)
        w.bytes += end
        try file.write(w.bytes)
    }

    /// Finds the block whose records start where `reader` stands, by the table at the file's
    /// end; the table is read entry by entry as articles are asked for.
    init(reader: BinaryReader, map: MappedFile) throws {
        let size = map.buffer.count
        guard size >= reader.at + 12, map.buffer.suffix(4).elementsEqual(Self.end) else { throw CacheCorrupt() }
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
    func verify() throws {
        let chunk = 2048, chunks = (count + chunk - 1) / chunk
        let bad = ChunkFlags(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = c * chunk, hi = min(count, lo + chunk)
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

    /// Decodes the articles of each range on all cores, dropping the pages read as it goes.
    func decode(ranges: [Range<Int>]) throws -> [[Article]] {
        try ranges.map { try decode($0) }
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
