import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

/// A search without a parsed corpus (`ColdSearch`) and one through the snapshot find exactly
/// what a search of the whole parsed corpus finds.
@Suite struct SearchColdTests {
    /// JSONL records with escapes, accents and a phrase across a hard wrap, a record without an
    /// id, a malformed line, and text files with accents and curly apostrophes; every article
    /// dates itself, so the order of hits does not depend on dates lent across articles.
    static let files: [String: String] = [
        "wire.jsonl": [
            #"{"id": "w1", "published": "1987-03-02T10:00:00", "text": "PARIS, March 2 - Prices of North Sea and Brent blend CRUDE\noil rose sharply on Monday, the Caf\u00e9 de Flore said in a note.\n    Officials won\u2019t comment on the market this week.\nReuter"}"#,
            #"{"id": "w2", "published": "1987-03-01T09:00:00", "text": "BONN, March 1 - The Bundesbank said crude oil imports fell sharply in February as refiners ran down their stocks.\n    Analysts said the drop was expected after the cold January.\nReuter"}"#,
            #"{"published": "1987-03-03T08:00:00", "text": "TOKYO, March 3 - The yen firmed against the dollar in quiet trading on Tuesday, dealers said.\n    The Bank of Japan was not seen in the market during the session.\nReuter"}"#,
            "not json at all",
            "",
            #"{"id": "w4", "published": "1987-03-04T08:00:00", "text": "ZÜRICH, March 4 - Société Générale and the Bundesbank’s chief met on Wednesday; café prices fell.\n    Officials declined to say what the two had discussed at the meeting.\nReuter"}"#,
        ].joined(separator: "\n") + "\n",
        "kyiv.txt": "date 2023-01-10 'Aid'\n\nZelenskyy’s office said the aid would last “as long as it takes”. The café owners didn't comment.\n",
        "notes/berlin.md": "---\ntitle: Berlin\ndate: 2023-01-11\n---\n\nThe Bundesbank’s president said crude\u{00A0}oil and the yen mattered. Officials won't say.\n",
    ]

    static let queries = ["bundesbank", "\"crude oil\"", "café", "cafe", "yen", "won't", "won’t", "\"as long as it takes\"",
                          "Bundesbank", "zelenskyy's", "societe generale", "zurich", "oil file:w1", "xyzzy", "\"de flore\" paris",
                          // w2 holds the word but is not w4: a search of files must read on past it.
                          "bundesbank file:w4"]

    static func corpus() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cold-\(UUID().uuidString.prefix(8))").path
        for (name, text) in files {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
        }
        return dir
    }

    struct Hit: Equatable, CustomStringConvertible {
        var id: String, range: SourceRange, line: Int, snippet: String
        init(_ a: Article, _ r: SourceRange) { id = a.id; range = r; line = a.line(of: r.start); snippet = Snippet.around(r, in: a) }
        var description: String { "\(id)@\(range.start)-\(range.end):\(line) \(snippet)" }
    }

    @Test(arguments: queries)
    func coldAndCachedFindWhatTheFullLoadFinds(_ query: String) throws {
        let dir = Self.corpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let q = SearchQuery(parsing: query)
        let full = CorpusBuilder.load(paths: [dir])
        let expected = Search.hits(in: full, q).map { Hit(full.articles[$0.article], $0.range) }

        let cold = ColdSearch.run(paths: [dir], query: q)
        #expect(cold.hits.flatMap { h in h.ranges.map { Hit(h.article, $0) } } == expected)

        let cacheDir = dir + "-cache"
        defer { try? FileManager.default.removeItem(atPath: cacheDir) }
        let cache = CorpusCache(directory: cacheDir)
        _ = cache.load(paths: [dir], key: dir)
        let snap = try #require(cache.snapshot(paths: [dir], key: dir))
        var cached: [Hit] = []
        for i in Search.candidates(snap.index, q) {
            let a = try #require(snap.article(i, findings: false))
            cached += Search.matches(in: a, q).map { Hit(a, $0) }
        }
        #expect(cached == expected)
    }

    @Test func theSmallCorpusHasHitsWhereTheFilterMustLookPastTheBytes() throws {
        let dir = Self.corpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func ids(_ query: String) -> [String] { ColdSearch.run(paths: [dir], query: SearchQuery(parsing: query)).hits.map(\.article.id) }
        #expect(ids("café") == ["w1", "w4", "kyiv.txt"], "an escaped é in JSON, a raw é, and a text file")
        #expect(ids("\"crude oil\"") == ["w2", "w1", "notes/berlin.md"], "across a wrapped line and a no-break space")
        #expect(ids("yen") == ["wire.jsonl:3", "notes/berlin.md"], "a record without an id")
        #expect(ids("won't") == ["w1", "notes/berlin.md"], "a curly apostrophe written as an escape")
    }

    /// Files the loader refuses or reads in part: cold search says the same of them, whole or
    /// in pieces, and finds the same articles in the rest (a record after a first block of
    /// white space, a malformed line among good ones, a byte-order mark).
    @Test func unreadableFilesAreReportedAsTheLoaderReportsThem() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cold-bad-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files: [String: [UInt8]] = [
            "good.jsonl": Array(#"{"id":"g1","text":"Oil prices rose."}\#n{"id":"g2","text":"Nothing here."}\#n"#.utf8),
            "binary.jsonl": Array("ab".utf8) + [0] + Array(#"cd{"id":"b","text":"oil"}\#n"#.utf8),
            "blank.jsonl": Array("  \n\n \t\n".utf8),
            "empty.jsonl": [],
            "bom.jsonl": [0xEF, 0xBB, 0xBF] + Array(#"{"id":"bom","text":"Oil with a mark."}\#n"#.utf8),
            "late.jsonl": Array(String(repeating: " ", count: 70_000).utf8) + Array(#"\#n{"id":"late","text":"oil comes late"}\#n"#.utf8),
            "badline.jsonl": Array(#"{"id":"m1","text":"oil one"}\#n{"id": oil broken\#n{"id":"m3","text":"oil three"}\#n"#.utf8),
        ]
        for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        let full = CorpusBuilder.load(paths: [dir])
        let q = SearchQuery(parsing: "oil")
        let expected = Set(Search.hits(in: full, q).map { full.articles[$0.article].id })
        #expect(expected == ["g1", "bom", "late", "m1", "m3"])
        for chunk in [16, 64, 1 << 20] {
            let cold = ColdSearch.run(paths: [dir], query: q, chunkBytes: chunk, readStdin: { [] })
            #expect(Set(cold.hits.map(\.article.id)) == expected, "pieces of \(chunk) bytes")
            #expect(Set(cold.problems.map(\.description)) == Set(full.problems.map(\.description)), "pieces of \(chunk) bytes")
            let listed = ColdSearch.files(paths: [dir], query: q, chunkBytes: chunk, readStdin: { [] })
            #expect(listed.paths == ["badline", "bom", "good", "late"].map { dir + "/" + $0 + ".jsonl" }, "pieces of \(chunk) bytes")
        }
    }

    @Test func aFileReadInPiecesAndABOMChangeNothing() throws {
        let dir = Self.corpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let wire = dir + "/wire.jsonl"
        let bom = Data([0xEF, 0xBB, 0xBF]) + (FileManager.default.contents(atPath: wire) ?? Data())
        try bom.write(to: URL(fileURLWithPath: dir + "/bom.jsonl"))
        let full = CorpusBuilder.load(paths: [dir])
        for query in ["yen", "bundesbank", "café", "\"crude oil\""] {
            let q = SearchQuery(parsing: query)
            let expected = Search.hits(in: full, q).map { Hit(full.articles[$0.article], $0.range) }
            #expect(expected.contains { $0.id == "bom.jsonl:3" } == (query == "yen"), "the BOM file's record without an id")
            for chunk in [64, 200, 1 << 20] {
                let cold = ColdSearch.run(paths: [dir], query: q, chunkBytes: chunk, readStdin: { [] })
                #expect(cold.hits.flatMap { h in h.ranges.map { Hit(h.article, $0) } } == expected, "\(query) in pieces of \(chunk) bytes")
            }
        }
    }

    @Test func filesWithMatchesAreTheFilesOfTheFullLoadsHits() throws {
        let dir = Self.corpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A second copy of the wire, so that a folder holds several JSONL files.
        try FileManager.default.copyItem(atPath: dir + "/wire.jsonl", toPath: dir + "/wire2.jsonl")
        let full = CorpusBuilder.load(paths: [dir])
        let stdin = Array((Self.files["kyiv.txt"] ?? "").utf8)
        for query in Self.queries {
            let q = SearchQuery(parsing: query)
            let expected = Set(Search.hits(in: full, q).map { full.articles[$0.article].path })
            for chunk in [64, 200, 1 << 20] {
                let found = ColdSearch.files(paths: [dir], query: q, chunkBytes: chunk, readStdin: { [] })
                #expect(found.paths == expected.sorted(), "\(query) in pieces of \(chunk) bytes")
                #expect(found.sawText)
            }
            let withStdin = ColdSearch.files(paths: [dir, "-"], query: q, chunkBytes: 1 << 20, readStdin: { stdin })
            let kyiv = expected.contains(dir + "/kyiv.txt")
            #expect(withStdin.paths == (expected.union(kyiv ? ["-"] : [])).sorted(), "\(query) with standard input")
        }
    }

    /// The one pass over a file's bytes skips near misses of the anchor ("y-n" for "yen") and
    /// looks back for a line's start: it must hand over exactly the lines the line test passes.
    @Test func theOnePassScanPassesTheLinesTheLineTestPasses() {
        var rng = SplitMix(seed: 7)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        let pieces = ["yen", "YEN", "Yen", "y n", "yan", "ye", "en", "any n", "yyen", "yeen", "crude", "oil", "cRuDe oIl", "\\u", "\\u00e9", "\\n",
                      "é", "日本", " ", "x", String(repeating: "z", count: 40), "\\\\", "u", "\\"]
        for query in ["yen", "\"crude oil\"", "café", "日本", "y"] {
            let filter = RawTextFilter(SearchQuery(parsing: query))
            for _ in 0..<200 {
                let lines = (0..<Int(rng.next() % 12)).map { _ in (0..<Int(rng.next() % 30)).map { _ in pick(pieces) }.joined() }
                let bytes = Array((lines.joined(separator: "\n") + (rng.next() % 2 == 0 ? "\n" : "")).utf8)
                var passed: [Range<Int>] = []
                bytes.withUnsafeBytes { p in filter.eachLikelyLine(in: p) { passed.append($0); return true } }
                var expected: [Range<Int>] = []
                var start = 0
                for line in lines {
                    let r = start..<(start + line.utf8.count)
                    if Array(line.utf8).withUnsafeBytes({ filter.mayMatch(jsonLine: $0) }) { expected.append(r) }
                    start = r.upperBound + 1
                }
                #expect(passed == expected, "\(query): \(lines)")
            }
        }
    }

    @Test func theRawFilterNeverDropsALineThatDecodesToAMatch() {
        func passes(_ query: String, _ line: String) -> Bool {
            let f = RawTextFilter(SearchQuery(parsing: query))
            return Array(line.utf8).withUnsafeBytes { f.mayMatch(jsonLine: $0) }
        }
        #expect(passes("cafe", #"{"text": "Caf\u00e9"}"#))
        #expect(passes("café", #"{"text": "CAFÉ"}"#))
        #expect(passes("\"crude oil\"", #"{"text": "CRUDE\noil"}"#))
        #expect(passes("Bundesbank", #"{"text": "the BUNDESBANK"}"#))
        #expect(!passes("bundesbank", #"{"text": "the central bank"}"#))
        #expect(passes("café", #"{"text": "plain ascii cafe"}"#), "é folds to e: ASCII text can hold it")
        #expect(!passes("日本", #"{"text": "plain ascii"}"#))
        #expect(passes("日本", #"{"text": "\u65e5\u672c"}"#))
        let long = String(repeating: "x", count: 100) + "Reagan" + String(repeating: "y", count: 100)
        #expect(passes("reagan", #"{"text": ""# + long + #""}"#))
    }
}
