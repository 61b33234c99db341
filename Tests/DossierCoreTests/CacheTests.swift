import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

@Suite struct CacheTests {
    /// A scratch corpus folder and cache folder, removed at the end.
    final class Scratch {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cache-test-\(UUID().uuidString)").path
        var corpus: String { root + "/corpus" }
        var cache: CorpusCache
        init() {
            try? FileManager.default.createDirectory(atPath: root + "/corpus/sub", withIntermediateDirectories: true)
            cache = CorpusCache(directory: root + "/cache")
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func write(_ name: String, _ text: String, age: TimeInterval = 100) {
            let path = corpus + "/" + name
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            try? FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: path)
        }

        func load() -> (Corpus, CorpusCache.Report) { cache.load(paths: [corpus], key: corpus) }
    }

    static let texts = [
        "a.txt": "Kyiv, March 3 2023 - Officials said on Friday the talks would go on.\n\n“We won’t give up,” the mayor said.\n",
        "b.md": "---\ntitle: Talks in București\ndate: 2023-03-04\n---\nThe minister said the meeting in București was useful.\n",
        "sub/c.txt": "Stoltenberg said NATO would support Ukraine for as long as it takes.\n",
        "d.jsonl": """
        {"id": "r1", "title": "Oil prices", "published": "1987-02-26", "text": "Oil prices rose, traders said.\\n"}
        {"id": "r2", "title": "Zelensky", "published": "2023-01-02", "text": "President Zelensky spoke."}
        not json
        """,
    ]

    func populated() -> Scratch {
        let s = Scratch()
        for (name, text) in Self.texts { s.write(name, text) }
        return s
    }

    /// What a load without any cache gives.
    func expected(_ s: Scratch) -> Corpus { CorpusBuilder.load(paths: [s.corpus]) }

    func same(_ a: Corpus, _ b: Corpus) {
        #expect(Array(a.articles) == Array(b.articles))
        #expect(a.articles.indices.map(a.articles.summary) == b.articles.indices.map(b.articles.summary))
        #expect(a.speakers == b.speakers)
        #expect(a.links == b.links)
        #expect(Set(a.problems) == Set(b.problems))
        for q in ["said", "bucuresti", "won't", "\"as long as\"", "zelensk"] {
            #expect(Search.hits(in: a, SearchQuery(parsing: q)) == Search.hits(in: b, SearchQuery(parsing: q)), "query \(q)")
        }
    }

    /// Writes `file` back `times` times, each with one byte changed at a random place, and
    /// calls `check` with the place and the file's size after each.
    func damage(_ file: String, times: Int, seed: UInt64, _ check: (Int, Int) throws -> Void) throws {
        let good = try #require(FileManager.default.contents(atPath: file))
        var rng = SplitMix(seed: seed)
        for _ in 0..<times {
            var bytes = good
            let at = Int(rng.next() % UInt64(bytes.count))
            bytes[at] ^= UInt8(1 + rng.next() % 255)
            try bytes.write(to: URL(fileURLWithPath: file))
            try check(at, bytes.count)
        }
    }

    @Test func secondLoadComesFromTheSnapshotUnchanged() throws {
        let s = populated()
        let (first, r1) = s.load()
        #expect(!r1.fromSnapshot)
        #expect(r1.parsed == 5 && r1.reused == 0)
        #expect(r1.warning == nil)
        let (second, r2) = s.load()
        #expect(r2.fromSnapshot)
        #expect(r2.parsed == 0)
        same(second, first)
        same(second, expected(s))
        #expect(second.problems.contains { $0.path.hasSuffix("d.jsonl:3") }, "a problem of a cached file is still reported")
    }

    @Test func aChangedFileIsTheOnlyOneParsedAgain() {
        let s = populated()
        _ = s.load()
        s.write("sub/c.txt", "Stoltenberg said NATO would stay the course.\n", age: 10)
        let (corpus, r) = s.load()
        #expect(!r.fromSnapshot)
        #expect(r.parsed == 1 && r.reused == 4)
        same(corpus, expected(s))
        #expect(Search.hits(in: corpus, SearchQuery(parsing: "as long as")).isEmpty)
        #expect(s.load().1.fromSnapshot, "the refreshed cache is used next time")
    }

    @Test func sameSizeNewTimeCountsAsChanged() {
        let s = populated()
        _ = s.load()
        s.write("a.txt", Self.texts["a.txt"]!.replacingOccurrences(of: "Friday", with: "Monday"), age: 5)
        let (corpus, r) = s.load()
        #expect(r.parsed == 1)
        same(corpus, expected(s))
    }

    @Test func addedAndRemovedFilesAreNoticed() throws {
        let s = populated()
        _ = s.load()
        s.write("sub/e.txt", "A new article about Kyiv.\n")
        try FileManager.default.removeItem(atPath: s.corpus + "/b.md")
        let (corpus, r) = s.load()
        #expect(r.parsed == 1 && r.reused == 4)
        #expect(!corpus.articles.contains { $0.id == "b.md" })
        #expect(corpus.articles.contains { $0.id == "sub/e.txt" })
        same(corpus, expected(s))
    }

    @Test(arguments: [0.35, 0.5, 0.65, 0.8, 0.95])
    func aCorruptCacheIsIgnoredWithAWarning(at fraction: Double) throws {
        let s = populated()
        _ = s.load()
        let files = s.cache.files(forKey: s.corpus)
        for file in [files.snapshot, files.parsed] {
            var bytes = try #require(FileManager.default.contents(atPath: file))
            let at = min(bytes.count - 16, Int(Double(bytes.count) * fraction))
            bytes.replaceSubrange(at..<(at + 16), with: Data(repeating: 0xFF, count: 16))
            try bytes.write(to: URL(fileURLWithPath: file))
        }
        let (corpus, r) = s.load()
        let warning = try #require(r.warning)
        #expect(warning.contains("cache") && !warning.contains("\n"))
        #expect(r.parsed == 5)
        same(corpus, expected(s))
        #expect(s.load().1.fromSnapshot, "the damaged cache was replaced")
    }

    @Test("300 single damaged bytes anywhere in the snapshot: the same corpus every time, never a crash")
    func randomDamageNeverCrashes() throws {
        let s = populated()
        _ = s.load()
        let want = expected(s)
        try damage(s.cache.files(forKey: s.corpus).snapshot, times: 300, seed: 0xCAC4E) { at, size in
            // Damage is noticed (a warning, or a stale snapshot parsed again) or harmless.
            let (corpus, _) = s.load()
            // Read everything a reader or a script would.
            #expect(Array(corpus.articles) == Array(want.articles), "damage at byte \(at) of \(size)")
            #expect(corpus.articles.indices.map(corpus.articles.summary) == want.articles.indices.map(want.articles.summary))
            _ = Search.hits(in: corpus, SearchQuery(parsing: "said"))
        }
    }

    @Test("a cold load in many batches, with changed files between unchanged ones, equals a load in memory")
    func batchesAndReusedRunsInterleave() {
        let s = Scratch()
        s.cache.batchBytes = 1  // every file is a batch of its own
        // Four files a story (two dated, two not), so that dates are lent and stories labelled
        // across batches.
        let places = ["Vilnius", "Tallinn", "Gdansk", "Odesa", "Lviv", "Tbilisi"]
        for k in 0..<12 {
            let place = places[k % 6], day = 10 + k % 6
            s.write(String(format: "f%02d.md", k), """
                ---
                date: 2023-03-\(day)
                ---
                Ministers met in \(place) on Tuesday over the grain deal, officials said.

                “The grain corridor through \(place) must stay open,” said Dmytro Kuleba, the foreign minister.
                """)
            s.write(String(format: "g%02d.txt", k), """
                Ministers met in \(place) on Tuesday over the grain deal, officials said.

                “The grain corridor through \(place) must stay open,” Kuleba said.
                """)
        }
        let (first, r1) = s.load()
        #expect(r1.parsed == 24 && r1.warning == nil)
        same(first, expected(s))
        #expect(first.articles.contains { $0.published.inferred }, "some dates are lent across files")
        s.write("f03.md", "---\ndate: 2023-03-12\n---\nTalks went on in Kyiv, officials said.\n", age: 5)
        s.write("g07.txt", "A short note, officials said.\n", age: 5)
        try? FileManager.default.removeItem(atPath: s.corpus + "/f09.md")
        let (second, r2) = s.load()
        #expect(r2.parsed == 2 && r2.reused == 21)
        same(second, expected(s))
    }

    @Test("a cold load of more than one batch shows the first batch's articles while it reads the rest")
    func aLongColdLoadPreviewsItsFirstBatch() {
        let s = populated()
        var previews: [Corpus] = []
        // One batch: nothing to show before the whole corpus.
        _ = s.cache.load(paths: [s.corpus], key: s.corpus, preview: { previews.append($0) })
        #expect(previews.isEmpty)

        let many = Scratch()
        many.cache.batchBytes = 1
        for (name, text) in Self.texts { many.write(name, text) }
        let (corpus, _) = many.cache.load(paths: [many.corpus], key: many.corpus, preview: { previews.append($0) })
        #expect(previews.count == 1)
        let first = try? #require(previews.first)
        // Files are read in path order: a.txt comes first, alone in its batch.
        #expect(first?.articles.map(\.id) == ["a.txt"])
        #expect(first.map { Search.hits(in: $0, SearchQuery(parsing: "give up")).count }.map { $0 > 0 } == true, "the preview can be searched")
        same(corpus, expected(many))
        _ = many.cache.load(paths: [many.corpus], key: many.corpus, preview: { previews.append($0) })
        #expect(previews.count == 1, "a start from the snapshot has nothing to preview")
    }

    @Test("200 single damaged bytes anywhere in the per-file cache: the same corpus every time, never a crash")
    func randomDamageOfParsedFilesNeverCrashes() throws {
        let s = populated()
        _ = s.load()
        let files = s.cache.files(forKey: s.corpus)
        let want = expected(s)
        try damage(files.parsed, times: 200, seed: 0x9A25ED) { at, size in
            // Without the snapshot the load starts from the per-file cache.
            try? FileManager.default.removeItem(atPath: files.snapshot)
            let (corpus, r) = s.load()
            #expect(r.parsed + r.reused == 5)
            #expect(Array(corpus.articles) == Array(want.articles), "damage at byte \(at) of \(size)")
            #expect(corpus.speakers == want.speakers)
        }
    }

    @Test func aCacheFolderThatCannotBeWrittenStillLoadsEverythingOnce() throws {
        let s = populated()
        // The cache folder's place is taken by a file: nothing can be written there.
        FileManager.default.createFile(atPath: s.root + "/blocked", contents: Data("x".utf8))
        let blocked = CorpusCache(directory: s.root + "/blocked/dossier")
        let (corpus, r) = blocked.load(paths: [s.corpus, s.root + "/missing.txt"], key: s.corpus)
        #expect(r.warning?.contains("could not write the cache") == true)
        #expect(corpus.articles.count == 5)
        #expect(corpus.problems.filter { $0.path.hasSuffix("missing.txt") }.count == 1, "each problem is reported once")
        same(corpus, CorpusBuilder.load(paths: [s.corpus, s.root + "/missing.txt"]))
    }

    @Test func temporaryFilesOfKilledLoadsAreRemoved() throws {
        let s = populated()
        _ = s.load()
        // A pid that no process has (above the kernel's limit), and this process's own.
        let dir = s.cache.directory
        FileManager.default.createFile(atPath: dir + "/corpus-1.bin.tmp-99999999", contents: Data(count: 1000))
        FileManager.default.createFile(atPath: dir + "/corpus-2.bin.tmp-\(getpid())", contents: Data(count: 10))
        s.write("a.txt", "Changed.\n", age: 5)
        _ = s.load()
        #expect(!FileManager.default.fileExists(atPath: dir + "/corpus-1.bin.tmp-99999999"))
        #expect(FileManager.default.fileExists(atPath: dir + "/corpus-2.bin.tmp-\(getpid())"), "a live process's file stays")
    }

    @Test func aTruncatedCacheIsIgnored() throws {
        let s = populated()
        _ = s.load()
        let file = s.cache.files(forKey: s.corpus).snapshot
        let bytes = try #require(FileManager.default.contents(atPath: file))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: file))
        let (corpus, r) = s.load()
        #expect(r.warning != nil)
        #expect(r.parsed == 0 && r.reused == 5, "the per-file cache still serves")
        same(corpus, expected(s))
    }

    @Test func theSnapshotServesSingleArticles() throws {
        let s = populated()
        let (corpus, _) = s.load()
        let snap = try #require(s.cache.snapshot(paths: [s.corpus], key: s.corpus))
        #expect(snap.articleCount == corpus.articles.count)
        for i in corpus.articles.indices { #expect(snap.article(i) == corpus.articles[i]) }
        let q = SearchQuery(parsing: "said")
        #expect(Search.candidates(snap.index, q) == Search.candidates(corpus.searchIndex!, q))
        s.write("a.txt", "Changed.\n", age: 1)
        #expect(s.cache.snapshot(paths: [s.corpus], key: s.corpus) == nil, "a stale snapshot is not offered")
    }

    @Test func aSecondStartReadsArticlesAsAskedAndARecordDamagedLaterBecomesANote() throws {
        let s = populated()
        let before = Array(s.load().0.articles)
        let (second, r) = s.load()
        #expect(r.fromSnapshot && second.articles.isOnDemand, "a cached corpus keeps summaries, not every article")
        // The file changes under the running reader: the record's checksum no longer holds.
        let snap = try #require(s.cache.snapshot(paths: [s.corpus], key: s.corpus))
        let victim = 1
        let handle = try #require(FileHandle(forUpdatingAtPath: s.cache.files(forKey: s.corpus).snapshot))
        try handle.seek(toOffset: UInt64(snap.block.offset(victim) + 3))
        try handle.write(contentsOf: Data([0xEE, 0xEE]))
        try handle.close()
        let damaged = second.articles[victim]
        #expect(damaged.id == before[victim].id && damaged.paragraphs.isEmpty)
        #expect(damaged.metadata["cache"]?.contains("damaged") == true)
        #expect(second.articles[0] == before[0] && second.articles[2] == before[2])
        #expect(!Search.hits(in: second, SearchQuery(parsing: "said")).isEmpty, "the other articles still search")
        #expect(s.load().1.warning != nil, "the next start notices the damage and parses again")
    }

    @Test func everyModelFieldIsStored() {
        // The cache writes fields by hand: a new field in a model type must be added to ModelCoding.swift.
        func fields(_ v: Any) -> [String] { Mirror(reflecting: v).children.compactMap(\.label) }
        let a = SearchFixtures.article("x", ["p"])
        #expect(fields(a) == ["id", "path", "title", "published", "paragraphs", "boilerplate", "quotes", "events", "metadata", "sourceLength", "lineStarts"])
        #expect(fields(a.paragraphs[0]) == ["text", "start", "scalarCount"])
        #expect(fields(Publication.unknown) == ["date", "evidence", "inferred"])
        #expect(fields(PartialDate(year: 1)) == ["year", "month", "day"])
        #expect(fields(Quote(text: "", speaker: nil, kind: .direct, range: SourceRange(0, 0))) == ["text", "speaker", "kind", "range", "cue"])
        #expect(fields(DateEvent(text: "", range: SourceRange(0, 0), date: PartialDate(year: 1), sentenceRange: SourceRange(0, 0))) == ["text", "range", "date", "sentenceRange"])
        #expect(fields(Speaker(name: "")) == ["name", "role", "aliases", "quotes", "reported"])
        #expect(fields(StatementLink(a: QuoteRef(article: 0, quote: 0), b: QuoteRef(article: 0, quote: 0), similarity: 0)) == ["a", "b", "similarity"])
        #expect(fields(LoadProblem(path: "", message: "")) == ["path", "message"])
    }

    @Test func articlesSurviveTheBinaryForm() throws {
        var a = SearchFixtures.article("ü/ä.txt", ["Zelenskyy said “no”.", ""], speaker: "Volodymyr Zelenskyy", date: PartialDate(year: 2023, month: 2), source: "x")
        a.title = "Tïtle"
        a.published.inferred = true
        a.boilerplate = ["Menu", "Log in"]
        a.quotes[0].cue = SourceRange(3, 9)
        a.events = [DateEvent(text: "Feb", range: SourceRange(1, 4), date: PartialDate(year: -44, month: 3, day: 15), sentenceRange: SourceRange(0, 20))]
        a.lineStarts = [0, 22, 23]
        var w = BinaryWriter()
        w.article(a)
        let back = try w.bytes.withUnsafeBytes { buf -> Article in
            var r = BinaryReader(buf)
            return try r.article()
        }
        #expect(back == a)
    }
}
