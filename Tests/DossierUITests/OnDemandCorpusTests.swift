import DossierCore
import DossierTestSupport
@testable import DossierUI
import Foundation
import Testing

/// A corpus read from the cache keeps summaries in memory and reads articles as they are
/// shown. The reader must not be able to tell: the same keys give the same screens, cell for
/// cell, as over the corpus parsed into memory.
@Suite("On-demand corpus")
struct OnDemandCorpusTests {
    /// The seeds parsed in memory, and the same seeds through a cache, read article by article.
    static func corpora() throws -> (memory: Corpus, onDemand: Corpus, cleanup: () -> Void) {
        let seeds = KeyStormTests.packageRoot + "/seeds"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-ondemand-\(UUID().uuidString)").path
        let cache = CorpusCache(directory: dir)
        _ = cache.load(paths: [seeds], key: seeds)
        let (onDemand, report) = cache.load(paths: [seeds], key: seeds)
        try #require(report.fromSnapshot && onDemand.articles.isOnDemand)
        return (CorpusBuilder.load(paths: [seeds]), onDemand, { try? FileManager.default.removeItem(atPath: dir) })
    }

    func cells(_ c: Canvas) -> [Cell] { c.cells }

    @Test("3,000 random keys draw the same screens over either corpus")
    func sameScreens() throws {
        let (memory, onDemand, cleanup) = try Self.corpora()
        defer { cleanup() }
        try #require(memory.articles.count >= 5, "seeds/ in the package root")
        var rng = SplitMix(seed: 0x0D15C)
        var size = Size(width: 130, height: 40)
        var a = reduce(ReaderState(corpus: memory, size: size), .resize(size))
        var b = reduce(ReaderState(corpus: onDemand, size: size), .resize(size))
        var keys = 0, step = 0
        while keys < 3_000 {
            step += 1
            if rng.next() % 50 == 0 {
                size = KeyStormTests.randomSize(&rng)
                a = reduce(a, .resize(size)); b = reduce(b, .resize(size))
            }
            for key in KeyStormTests.randomKey(&rng, size: size) {
                keys += 1
                if let x = action(for: key, in: a) { a = reduce(a, x) }
                if let x = action(for: key, in: b) { b = reduce(b, x) }
                a.shouldQuit = false; b.shouldQuit = false
            }
            let ra = render(a), rb = render(b)
            guard ra.cells == rb.cells else {
                Issue.record("step \(step): the screens differ\n--- in memory\n\(ra.text)\n--- on demand\n\(rb.text)")
                return
            }
        }
    }

    @Test("speaker jumps, filters and events give the same rows over either corpus")
    func sameRowsForFiltersAndJumps() throws {
        let (memory, onDemand, cleanup) = try Self.corpora()
        defer { cleanup() }
        let speaker = try #require(memory.speakers.max { $0.quotes + $0.reported < $1.quotes + $1.reported }).name
        for filter in ["speaker:\(speaker)", "date:2022", "said", "\"the\" date:2020..2024", "file:001"] {
            var a = ReaderState(corpus: memory), b = ReaderState(corpus: onDemand)
            a.filter = filter; b.filter = filter
            a.showEvents = true; b.showEvents = true
            a.refreshRows(); b.refreshRows()
            #expect(a.timelineRows == b.timelineRows, "filter \(filter)")
            #expect(!a.timelineRows.isEmpty, "filter \(filter) keeps some rows")
        }
        let a = ReaderState(corpus: memory), b = ReaderState(corpus: onDemand)
        #expect(!a.quotes(of: speaker).isEmpty)
        #expect(a.quotes(of: speaker) == b.quotes(of: speaker))
    }
}
