import Foundation

/// A built corpus as cached on disk, memory-mapped. Opening it reads the file list (to see
/// that it is fresh), the problems and the search index in place; speakers, links and article
/// summaries are read when the whole corpus is asked for, articles one at a time, so a
/// one-shot search touches only the index and its candidates and a reader holds no text it
/// does not show.
///
/// The magic stays that of format 1: the writer line, which names the format, comes first in
/// both, so an older file is quietly stale rather than damaged.
///
/// Layout: a header (writer, key, files, problems, where the sections start) with its own
/// checksum, then speakers and links with theirs, the index (arrays aligned to be used where
/// they lie) with its own, the article block, then the article summaries with theirs (last,
/// because they are made as the articles are written).
public final class CorpusSnapshot: Sendable {
    static let magic: [UInt8] = Array("DOSSCRP1".utf8)

    public let index: SearchIndex
    public let problems: [LoadProblem]
    let map: MappedFile
    /// Where speakers and links, the article summaries and the article records start.
    let speakersAt: Int, summariesAt: Int, blockAt: Int
    let block: ArticleBlock

    public var articleCount: Int { block.count }

    /// Opens the snapshot at `path`; nil when missing or stale (written by another program,
    /// for another key, or any input file changed, appeared or went away). Throws when the
    /// part it reads does not read back as written.
    init?(path: String, key: String, listing: SourceListing) throws {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let map = MappedFile(path: path), map.buffer.starts(with: Self.magic) else { throw CacheCorrupt() }
        var r = BinaryReader(map.buffer, at: Self.magic.count)
        guard try r.string() == CorpusCache.writer, try r.string() == key else { return nil }
        let n = try r.size()
        guard n == listing.files.count else { return nil }
        for f in listing.files {
            let stored = SourceFile(path: try r.string(), id: try r.string(), size: Int64(try r.int()), mtime: Int64(try r.int()))
            guard stored == f else { return nil }
        }
        problems = try r.problems()
        // Damaged offsets must fail the checks below, not trap on conversion.
        let speakersAt = Int(truncatingIfNeeded: try r.fixed64()), indexAt = Int(truncatingIfNeeded: try r.fixed64())
        let blockAt = Int(truncatingIfNeeded: try r.fixed64()), summariesAt = Int(truncatingIfNeeded: try r.fixed64())
        try r.checkSeal()
        guard speakersAt == r.at, indexAt > speakersAt, blockAt > indexAt, summariesAt > blockAt,
              summariesAt <= map.buffer.count - 8 else { throw CacheCorrupt() }
        var x = BinaryReader(UnsafeRawBufferPointer(rebasing: map.buffer[..<blockAt]), at: indexAt)
        index = try x.index(owner: map)
        try x.checkSeal(from: indexAt)
        guard x.at == blockAt else { throw CacheCorrupt() }
        block = try ArticleBlock(reader: BinaryReader(map.buffer, at: blockAt), map: map, end: summariesAt)
        guard index.articleCount == block.count else { throw CacheCorrupt() }
        self.map = map
        self.speakersAt = speakersAt
        self.summariesAt = summariesAt
        self.blockAt = blockAt
    }

    /// One article, or nil when its record is damaged. `findings: false` skips boilerplate,
    /// quotes and events, which a search of the text does not read.
    public func article(_ i: Int, findings: Bool = true) -> Article? {
        guard i >= 0, i < block.count else { return nil }
        return try? block.article(i, findings: findings)
    }

    /// The whole corpus: summaries of every article in memory, each article read from the
    /// mapped file when it is asked for.
    func corpus() throws -> Corpus {
        let (speakers, links) = try speakersAndLinks()
        // Checked before parsing: a damaged count must not ask for gigabytes.
        let sealAt = map.buffer.count - 8
        guard sealAt >= summariesAt,
              UInt64(littleEndian: map.buffer.loadUnaligned(fromByteOffset: sealAt, as: UInt64.self))
                == Checksum.of(UnsafeRawBufferPointer(rebasing: map.buffer[summariesAt..<sealAt])) else { throw CacheCorrupt() }
        var s = BinaryReader(UnsafeRawBufferPointer(rebasing: map.buffer[..<sealAt]), at: summariesAt)
        let summaries = try s.summaries()
        guard s.at == sealAt, summaries.count == block.count else { throw CacheCorrupt() }
        try block.verify()
        return Corpus(store: store(summaries), speakers: speakers, links: links, problems: problems, searchIndex: index)
    }

    private func store(_ summaries: [ArticleSummary]) -> ArticleStore {
        ArticleStore(source: SnapshotArticles(snapshot: self, summaries: summaries))
    }

    /// The corpus just written, with the summaries its writer made.
    func corpus(summaries: [ArticleSummary]) throws -> Corpus {
        guard summaries.count == block.count else { throw CacheCorrupt() }
        let (speakers, links) = try speakersAndLinks()
        return Corpus(store: store(summaries), speakers: speakers, links: links, problems: problems, searchIndex: index)
    }

    private func speakersAndLinks() throws -> ([Speaker], [StatementLink]) {
        var r = BinaryReader(map.buffer, at: speakersAt)
        let speakers = try r.speakers(), links = try r.links()
        try r.checkSeal(from: speakersAt)
        return (speakers, links)
    }

    /// Writes the snapshot of a planned corpus whose parsed articles are in `parsed` (numbered
    /// as parsed): each is read, changed as the plan says and written in timeline order, a
    /// window at a time on all cores. Returns the article summaries it stored. The plan's
    /// links and index are dropped once written (`corpus(summaries:)` reads them back), as
    /// they are no longer needed while the articles are.
    static func write(plan: inout CorpusPlan, parsed: ArticleBlock, files: [SourceFile], key: String, problems: [LoadProblem],
                      to path: String) throws -> [ArticleSummary] {
        var w = BinaryWriter()
        w.bytes = magic
        w.string(CorpusCache.writer); w.string(key)
        w.uint(UInt64(files.count))
        for f in files { w.string(f.path); w.string(f.id); w.int(Int(f.size)); w.int(Int(f.mtime)) }
        w.problems(problems)
        let table = w.bytes.count
        w.fixed64(0); w.fixed64(0); w.fixed64(0); w.fixed64(0)
        w.fixed64(0)  // the header's checksum, once the offsets before it are known
        let speakersAt = w.bytes.count
        w.speakers(plan.speakers)
        w.links(plan.links)
        plan.links = []
        w.seal(from: speakersAt)
        w.align()
        let indexAt = w.bytes.count
        guard let index = plan.index else { throw CacheCorrupt() }
        w.index(index)
        plan.index = nil
        w.seal(from: indexAt)
        let blockAt = w.bytes.count
        var header = Array(w.bytes[..<(table + 40)])
        let file = try CacheFileWriter(path: path)
        try file.write(w.bytes)
        w = BinaryWriter()

        let records = ArticleBlockWriter(file: file)
        var summaries: [ArticleSummary] = []
        summaries.reserveCapacity(plan.order.count)
        let window = 2048
        for lo in stride(from: 0, to: plan.order.count, by: window) {
            let hi = min(plan.order.count, lo + window)
            let articles = ParallelMap.map(Array(plan.order[lo..<hi])) { i -> Article? in
                guard var a = try? parsed.article(i) else { return nil }
                plan.apply(&a, number: i)
                return a
            }.compactMap { $0 }
            guard articles.count == hi - lo else { throw CacheCorrupt() }
            summaries += articles.map(ArticleSummary.init)
            try records.append(articles)
            // Read in timeline order, the parsed records lie scattered: hand their pages back
            // after every window, or a window's few records a page would keep whole pages.
            parsed.releaseRecords()
            if (lo / window) % 8 == 7 { HeapTuning.releaseFreed() }
        }
        try records.finish()

        let summariesAt = file.offset
        w.summaries(summaries)
        w.seal()
        try file.write(w.bytes)
        var patch = BinaryWriter()
        for v in [speakersAt, indexAt, blockAt, summariesAt] { patch.fixed64(UInt64(v)) }
        header.replaceSubrange(table..<(table + 32), with: patch.bytes)
        let sum = header.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[..<(table + 32)])) }
        patch.fixed64(sum)
        try file.patch(patch.bytes, at: table)
        try file.commit()
        return summaries
    }
}

/// Articles of a snapshot, read from the mapped file as they are asked for. The few used last
/// are kept (a frame asks for the article shown several times, and a timeline of events for
/// the articles of every visible event), and the pages of records read
/// are handed back to the kernel now and then, so a search through every article does not
/// leave the whole file counted against the reader's memory.
final class SnapshotArticles: ArticleSource, @unchecked Sendable {
    let snapshot: CorpusSnapshot
    let summaries: [ArticleSummary]
    private let lock = NSLock()
    private var recent: [(Int, Article)] = []
    private var bytesRead = 0
    static let keep = 64, releaseEvery = 16 << 20

    init(snapshot: CorpusSnapshot, summaries: [ArticleSummary]) {
        self.snapshot = snapshot
        self.summaries = summaries
    }

    var count: Int { summaries.count }
    func summary(_ i: Int) -> ArticleSummary { summaries[i] }

    func article(_ i: Int) -> Article {
        lock.lock()
        if let k = recent.firstIndex(where: { $0.0 == i }) {
            let hit = recent.remove(at: k)
            recent.append(hit)
            lock.unlock()
            return hit.1
        }
        lock.unlock()
        let a = read(i, findings: true)
        lock.lock()
        if recent.count >= Self.keep { recent.removeFirst() }
        recent.append((i, a))
        lock.unlock()
        return a
    }

    func story(_ i: Int) -> Article { read(i, findings: false) }

    /// A damaged record reads as an article with what the summary knows and a note.
    private func read(_ i: Int, findings: Bool) -> Article {
        let block = snapshot.block
        noteRead(block.record(i)?.count ?? 0)
        if let a = try? block.article(i, findings: findings) { return a }
        let s = summaries[i]
        return Article(id: s.id, path: s.id, title: s.displayTitle, published: s.published,
                       metadata: ["cache": "this article's record in the cache is damaged; run with --no-cache to read it again"])
    }

    private func noteRead(_ bytes: Int) {
        lock.lock()
        bytesRead += bytes
        let release = bytesRead >= Self.releaseEvery
        if release { bytesRead = 0 }
        lock.unlock()
        // Off the caller's thread: dropping many resident pages takes milliseconds, a frame's
        // budget. A record being read meanwhile is read again from the file, unchanged.
        if release { DispatchQueue.global(qos: .utility).async { [snapshot] in snapshot.block.releaseRecords() } }
    }
}
