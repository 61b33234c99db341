import Foundation

/// Parsed corpora kept on disk under `$XDG_CACHE_HOME/dossier/` (default `~/.cache/dossier/`),
/// keyed by the corpus paths, so a second start skips parsing and indexing.
///
/// Two files per corpus: a snapshot of the built corpus with its search index (read whole when
/// no input file changed, or article by article for a one-shot search), and the per-file parse
/// results (so that only changed and added files are parsed again; removed ones are dropped).
/// A file is unchanged when its size and modification time are. Both files name the program
/// that wrote them, so a rebuilt program never trusts results of an older pipeline.
///
/// A cold load goes through both files rather than memory: parsed articles are written to the
/// per-file results as each batch finishes, and the snapshot is then written from there, so
/// only a batch of articles and compact facts of every article are held at once (see `build`).
public struct CorpusCache: Sendable {
    public let directory: String
    /// How much input a cold load parses at a time: the parsed articles and their facts take
    /// about ten times the text until the batch is written, and one batch is being written
    /// while the next is parsed.
    var batchBytes: Int64 = 1 << 20

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
    /// expected total is an estimate until the last file has been read. When a cold load
    /// parses more than one batch, `preview` gets a corpus of the first batch's first articles
    /// as soon as they are parsed, so that a reader can show articles while the rest is read.
    public func load(paths: [String], key: String, progress: @Sendable (Int, Int) -> Void = { _, _ in },
                     preview: (Corpus) -> Void = { _ in }) -> (Corpus, Report) {
        let listing = SourceListing(paths: paths)
        var report = Report()
        if listing.readsStdin { return (Self.parse(listing, report: &report, progress: progress), report) }
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
        var previous: ParsedFiles.Previous?
        do {
            previous = try ParsedFiles.open(path: names.parsed, key: key, wanted: listing.files)
        } catch {
            report.warning = report.warning ?? "ignoring unreadable cache \(names.parsed); reading the corpus again"
        }
        var streamed = report
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            CacheFileWriter.removeAbandoned(in: directory)
            return (try build(listing, key: key, previous: previous, report: &streamed, progress: progress, preview: preview), streamed)
        } catch {
            report.warning = report.warning
                ?? "could not write the cache in \(directory) (\(error.localizedDescription)); the next start will parse again"
            return (Self.parse(listing, report: &report, progress: progress), report)
        }
    }

    /// The cached corpus when it is fresh, with its index and articles read one at a time, or
    /// nil (stale, missing or unreadable).
    public func snapshot(paths: [String], key: String) -> CorpusSnapshot? {
        let listing = SourceListing(paths: paths)
        guard !listing.readsStdin else { return nil }
        return try? CorpusSnapshot(path: files(forKey: key).snapshot, key: key, listing: listing)
    }

    /// A cold load that never holds the corpus: files are read and parsed a batch at a time
    /// (unchanged files' articles are taken from the per-file cache instead), each article is
    /// written to the new per-file cache as soon as it is parsed and only its facts are kept;
    /// both happen while the next slice is parsed (the writing on a `SerialStage`, the facts on
    /// this thread, whose heap holds them). The corpus-wide stages then run on the facts, and
    /// the snapshot is written from the per-file cache with their changes applied, in timeline
    /// order. The corpus returned reads its articles from that snapshot.
    private func build(_ listing: SourceListing, key: String, previous: ParsedFiles.Previous?, report: inout Report,
                       progress: @Sendable (Int, Int) -> Void, preview: (Corpus) -> Void) throws -> Corpus {
        let names = files(forKey: key)
        let out = try CacheFileWriter(path: names.parsed)
        try out.write(ParsedFiles.head(key: key))
        let records = ArticleBlockWriter(file: out)
        var facts = CorpusFacts()
        var entries: [ParsedFiles.Entry] = []
        let reusable = listing.files.compactMap { previous?.entries[$0.path] }
        let reusedTotal = reusable.reduce(0) { $0 + $1.count }
        let freshBytes = max(1, listing.files.reduce(Int64(0)) { $0 + (previous?.entries[$1.path] == nil ? $1.size : 0) })
        var done = 0, freshSeen = 0, bytesRead: Int64 = 0
        /// Reused articles plus fresh ones, those not read yet estimated from the bytes read so far.
        func expected(adding n: Int) -> Int {
            let fresh = bytesRead > 0 ? Int(Double(freshSeen) * Double(freshBytes) / Double(bytesRead)) : 0
            return max(done + n, reusedTotal + fresh)
        }

        // Each slice's articles are written here, in order, on a thread of its own.
        let stage = SerialStage()
        defer { stage.close() }
        // The facts of the slice parsed last, added while the next one is parsed.
        var held: [ArticleFacts] = []
        func addHeld() {
            for f in held { facts.add(f) }
            held = []
        }
        var pending: [SourceFile] = [], pendingBytes: Int64 = 0
        var previewed = false
        func parsePending() throws {
            guard !pending.isEmpty else { return }
            var docs: [RawDocument] = []
            // Read and decoded on both cores: one file's work does not depend on another's.
            for (f, r) in zip(pending, ParallelMap.map(pending) { Loader.load(file: $0.path, id: $0.id) }) {
                entries.append(ParsedFiles.Entry(file: f, problems: r.problems, count: r.documents.count))
                docs += r.documents
                bytesRead += f.size
            }
            pending = []; pendingBytes = 0
            freshSeen += docs.count
            let offset = done, total = expected(adding: docs.count)
            // A file of many articles is parsed a slice at a time all the same.
            let slice = 4096
            for lo in stride(from: 0, to: docs.count, by: slice) {
                let hi = min(docs.count, lo + slice)
                let parsed = CorpusBuilder.parseAll(Array(docs[lo..<hi]), progress: { n, _ in progress(offset + lo + n, total) },
                                                    parse: { doc in
                    let (a, profile) = ArticleParser.parseWithProfile(doc)
                    return (a, ArticleFacts(a, profile: profile))
                }, meanwhile: addHeld)
                // The first slice of a load that has more to read: its first articles alone, to
                // read meanwhile (a few hundred: the reader holds them until the load ends).
                if !previewed, done == 0, hi < docs.count || bytesRead < freshBytes {
                    previewed = true
                    preview(CorpusBuilder.build(parsed.prefix(Self.previewArticles).map(\.0)))
                }
                // Written and added to the facts while the next slice is parsed.
                try stage.submit { try records.append(parsed.map(\.0)) }
                held = parsed.map(\.1)
                done += parsed.count
                report.parsed += parsed.count
            }
            docs = []
            HeapTuning.releaseFreed()
        }
        var run: [ParsedFiles.Entry] = []
        func takeRun() throws {
            guard let first = run.first, let previous else { return }
            addHeld()
            let range = first.range.lowerBound..<run[run.count - 1].range.upperBound
            let files = run
            run = []
            // Checked whole first (every record's checksum), then decoded a slice at a time.
            guard (try? previous.block.verify(range)) != nil else {
                // Damaged records: those files are parsed again.
                for e in files { pending.append(e.file); pendingBytes += e.file.size }
                return try parsePending()
            }
            let slice = 4096
            for lo in stride(from: range.lowerBound, to: range.upperBound, by: slice) {
                let articles = try previous.block.decode(lo..<min(range.upperBound, lo + slice))
                for f in ParallelMap.map(articles) { ArticleFacts($0) } { facts.add(f) }
                done += articles.count
                report.reused += articles.count
            }
            // Copied once decoded: the copy hands the pages it read back to the kernel.
            try stage.submit { try records.append(records: range, of: previous.block) }
            entries += files
            progress(done, expected(adding: 0))
        }
        for f in listing.files {
            if let e = previous?.entries[f.path] {
                try parsePending()
                if let last = run.last, last.range.upperBound != e.range.lowerBound || run.count >= 64 { try takeRun() }
                run.append(e)
            } else {
                try takeRun()
                if pendingBytes > 0, pendingBytes + f.size > batchBytes { try parsePending() }
                pending.append(f); pendingBytes += f.size
            }
        }
        try takeRun()
        try parsePending()
        addHeld()
        try stage.finish()
        // What the stage's thread freed stays with its own heap until handed back.
        HeapTuning.releaseFreed()
        try records.finish()
        try out.write(ParsedFiles.tail(entries, at: out.offset))
        // Mapped before it is renamed into place: another process loading the same corpus may
        // replace the file by its own, whose records this plan does not describe.
        guard let map = MappedFile(path: out.tmp) else { throw CacheCorrupt() }
        try out.commit()
        guard let parsed = try ParsedFiles.open(map: map, key: key), parsed.block.count == facts.count else { throw CacheCorrupt() }
        var unreadable = false
        var plan = facts.plan { i in
            if let a = try? parsed.block.article(i) { return a }
            unreadable = true
            return Article(id: "", path: "", title: nil, published: .unknown, paragraphs: [])
        }
        guard !unreadable else { throw CacheCorrupt() }
        facts = CorpusFacts()
        HeapTuning.releaseFreed()
        let problems = listing.problems + entries.flatMap(\.problems)
        let summaries = try CorpusSnapshot.write(plan: &plan, parsed: parsed.block, files: listing.files, key: key, problems: problems,
                                                 to: names.snapshot)
        parsed.block.releaseRecords()
        guard let snap = try CorpusSnapshot(path: names.snapshot, key: key, listing: listing),
              let corpus = try? snap.corpus(summaries: summaries) else { throw CacheCorrupt() }
        progress(done, done)
        return corpus
    }

    /// Loads in memory without the cache (standard input, or a cache folder that cannot be written).
    static func parse(_ listing: SourceListing, report: inout Report, progress: @Sendable (Int, Int) -> Void) -> Corpus {
        let corpus = CorpusBuilder.load(listing, progress: progress)
        report.parsed = corpus.articles.count
        return corpus
    }

    /// How many articles a cold load shows before the whole corpus is ready.
    static let previewArticles = 500

    /// Identifies the program writing a cache: its size and modification time.
    static let writer: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? "?"
        guard let f = SourceListing.stat(exe, id: exe) else { return "format 4 " + exe }
        return "format 4 \(exe) \(f.size) \(f.mtime)"
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
        try bytes.withUnsafeBytes { try write($0) }
    }

    func write(_ buf: UnsafeRawBufferPointer) throws {
        var off = 0
        while off < buf.count {
            let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
            guard n > 0 else { throw CocoaError(.fileWriteOutOfSpace) }
            off += n
        }
        offset += buf.count
    }

    /// Overwrites bytes written earlier (offsets known only once what follows is written).
    func patch(_ bytes: [UInt8], at position: Int) throws {
        let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, off_t(position)) }
        guard n == bytes.count else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Removes temporary files left by loads that were killed before they finished (their
    /// process is gone): each is as large as the cache it was to become.
    static func removeAbandoned(in directory: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            guard let mark = name.range(of: ".tmp-", options: .backwards), let pid = Int32(name[mark.upperBound...]),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(directory + "/" + name)
        }
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

/// The per-file parse results on disk (before the corpus-wide stages): the header, the
/// articles of every file in listing order as an article block, then which files they came
/// from (written last, once their counts are known) and where that list starts.
enum ParsedFiles {
    static let magic: [UInt8] = Array("DOSSPRS1".utf8)
    static let filesMark: [UInt8] = Array("FILS".utf8)

    /// One input file and the articles it gave.
    struct Entry: Sendable {
        var file: SourceFile
        var problems: [LoadProblem]
        var count: Int
        /// Its articles' records in the block it was read from (unused while writing).
        var range: Range<Int> = 0..<0
    }

    /// A per-file cache as found on disk: its block and the entries of the files still unchanged.
    struct Previous {
        let block: ArticleBlock
        let entries: [String: Entry]
    }

    static func head(key: String) -> [UInt8] {
        var w = BinaryWriter()
        w.bytes = magic
        w.string(CorpusCache.writer); w.string(key)
        return w.bytes
    }

    /// The file list that ends the file, with its position and mark; `at` is where it starts.
    static func tail(_ entries: [Entry], at: Int) -> [UInt8] {
        var w = BinaryWriter()
        w.uint(UInt64(entries.count))
        for e in entries {
            w.string(e.file.path); w.string(e.file.id); w.int(Int(e.file.size)); w.int(Int(e.file.mtime))
            w.problems(e.problems); w.uint(UInt64(e.count))
        }
        w.seal()
        w.fixed64(UInt64(at))
        w.bytes += filesMark
        return w.bytes
    }

    /// The cache at `path` with the entries of the `wanted` files that are unchanged; nil when
    /// missing or written by another program or for another key.
    static func open(path: String, key: String, wanted: [SourceFile]) throws -> Previous? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let map = MappedFile(path: path) else { throw CacheCorrupt() }
        guard let all = try open(map: map, key: key) else { return nil }
        let want = Dictionary(wanted.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var entries: [String: Entry] = [:]
        for e in all.entries.values where want[e.file.path] == e.file { entries[e.file.path] = e }
        return Previous(block: all.block, entries: entries)
    }

    /// Every entry of a mapped per-file cache, its block checked against their counts.
    static func open(map: MappedFile, key: String) throws -> Previous? {
        let size = map.buffer.count
        guard map.buffer.starts(with: magic) else { throw CacheCorrupt() }
        var r = BinaryReader(map.buffer, at: magic.count)
        guard try r.string() == CorpusCache.writer, try r.string() == key else { return nil }
        let blockAt = r.at
        guard size >= blockAt + 12, map.buffer[(size - 4)...].elementsEqual(filesMark) else { throw CacheCorrupt() }
        var t = BinaryReader(map.buffer, at: size - 12)
        let listAt = Int(truncatingIfNeeded: try t.fixed64())
        guard listAt > blockAt, listAt < size - 12 else { throw CacheCorrupt() }
        var l = BinaryReader(UnsafeRawBufferPointer(rebasing: map.buffer[..<(size - 12)]), at: listAt)
        var entries: [String: Entry] = [:]
        var first = 0
        for _ in 0..<(try l.size()) {
            let f = SourceFile(path: try l.string(), id: try l.string(), size: Int64(try l.int()), mtime: Int64(try l.int()))
            let problems = try l.problems()
            // Checked against the block's count below (it is not a length within this list).
            let count = try l.uint()
            guard count <= UInt64(size), first <= size else { throw CacheCorrupt() }
            let n = Int(count)
            entries[f.path] = Entry(file: f, problems: problems, count: n, range: first..<(first + n))
            first += n
        }
        try l.checkSeal(from: listAt)
        guard l.at == size - 12 else { throw CacheCorrupt() }
        let block = try ArticleBlock(reader: BinaryReader(map.buffer, at: blockAt), map: map, end: listAt)
        guard block.count == first else { throw CacheCorrupt() }
        return Previous(block: block, entries: entries)
    }
}
