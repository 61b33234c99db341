import Foundation

/// A built corpus as cached on disk, memory-mapped: the search index, speakers and links are
/// read at once, articles when asked, so a one-shot search touches only its candidates.
public final class CorpusSnapshot: Sendable {
    static let magic: [UInt8] = Array("DOSSCRP1".utf8)

    public let index: SearchIndex
    public let problems: [LoadProblem]
    let speakers: [Speaker]
    let links: [StatementLink]
    let block: ArticleBlock

    public var articleCount: Int { block.count }

    /// Opens the snapshot at `path`; nil when missing or stale (written by another program,
    /// for another key, or any input file changed, appeared or went away). Throws when the
    /// file cannot be read back.
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
        speakers = try r.speakers()
        links = try r.links()
        index = try r.index()
        try r.checkSeal()
        block = try ArticleBlock(reader: r, map: map)
        guard index.articleCount == block.count else { throw CacheCorrupt() }
    }

    /// One article, or nil when its record is damaged.
    public func article(_ i: Int) -> Article? {
        guard i >= 0, i < block.count else { return nil }
        return try? block.article(i)
    }

    /// The whole corpus, articles decoded on all cores.
    func corpus() throws -> Corpus {
        let articles = try block.decode(ranges: [0..<block.count])[0]
        return Corpus(articles: articles, speakers: speakers, links: links, problems: problems, searchIndex: index)
    }

    static func write(_ corpus: Corpus, files: [SourceFile], key: String, to path: String) throws {
        var w = BinaryWriter()
        w.bytes = magic
        w.string(CorpusCache.writer); w.string(key)
        w.uint(UInt64(files.count))
        for f in files { w.string(f.path); w.string(f.id); w.int(Int(f.size)); w.int(Int(f.mtime)) }
        w.problems(corpus.problems)
        w.speakers(corpus.speakers)
        w.links(corpus.links)
        let index = corpus.searchIndex.flatMap { $0.articleCount == corpus.articles.count ? $0 : nil } ?? SearchIndex(articles: corpus.articles)
        w.index(index)
        w.seal()
        let file = try CacheFileWriter(path: path)
        try file.write(w.bytes)
        w = BinaryWriter()
        try ArticleBlock.write(corpus.articles, to: file)
        try file.commit()
    }
}
