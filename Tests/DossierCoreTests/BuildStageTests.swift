import Foundation
import Testing
@testable import DossierCore

/// The steps a cold load runs beside its parsing, and the statement linker, against plain
/// statements of what they must do.
@Suite struct BuildStageTests {
    /// Records the steps run, in order, and whether any ran on the thread that handed it over.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [(step: Int, onCaller: Bool)] = []
        func add(_ k: Int, caller: pthread_t? = nil) {
            let here = caller.map { pthread_equal($0, pthread_self()) != 0 } ?? false
            lock.lock(); entries.append((k, here)); lock.unlock()
        }
        var steps: [Int] { lock.lock(); defer { lock.unlock() }; return entries.map(\.step) }
        var onCaller: Bool { lock.lock(); defer { lock.unlock() }; return entries.contains { $0.onCaller } }
    }

    struct Broken: Error {}

    @Test("a serial stage runs every step in the order given, off the calling thread, and finish waits for the last")
    func stepsRunInOrder() throws {
        let log = Log()
        let stage = SerialStage()
        let caller = pthread_self()
        for k in 0..<200 {
            try stage.submit {
                if k % 50 == 0 { usleep(2_000) }  // a slow step: the next submit waits for it
                log.add(k, caller: caller)
            }
        }
        try stage.finish()
        #expect(log.steps == Array(0..<200))
        #expect(!log.onCaller)
    }

    @Test("a failed step: later steps are not run, submit and finish report the error, closing twice is harmless")
    func failureStopsTheStage() {
        let log = Log()
        let stage = SerialStage()
        var refused = 0
        for k in 0..<20 {
            do {
                try stage.submit {
                    if k == 3 { throw Broken() }
                    log.add(k)
                }
            } catch { refused += 1 }
        }
        #expect(throws: Broken.self) { try stage.finish() }
        stage.close()
        #expect(log.steps == [0, 1, 2])
        #expect(refused > 0, "steps handed over after the failure are refused")
    }

    @Test("a stage closed without finishing (the caller left by an error) ends its thread after the step it holds")
    func closeWithoutFinish() throws {
        let log = Log()
        do {
            let stage = SerialStage()
            defer { stage.close() }
            try stage.submit { usleep(5_000); log.add(1) }
        }
        #expect(log.steps == [1])
    }

    /// A small deterministic generator (the same statements every run).
    struct Seeded {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    @Test("statements linked across articles: exactly the pairs a comparison of every pair finds, in (a, b) order")
    func linksEqualEveryPairCompared() throws {
        var rng = Seeded(state: 42)
        var refs: [QuoteRef] = [], lists: [[Int32]] = [], speakers: [String?] = []
        var article = 0, quote = 0
        // 900 statements in articles of one to three quotes; one in three repeats an earlier one
        // with a term or two changed, so that many statements have several partners.
        while lists.count < 900 {
            var terms: Set<Int32>
            if lists.count > 10, rng.next(3) == 0 {
                terms = Set(lists[rng.next(lists.count)])
                for _ in 0..<rng.next(3) {
                    let sorted = terms.sorted()
                    terms.remove(sorted[rng.next(sorted.count)])
                    terms.insert(Int32(rng.next(600)))
                }
            } else {
                terms = []
                for _ in 0..<(4 + rng.next(8)) { terms.insert(Int32(rng.next(600))) }
            }
            refs.append(QuoteRef(article: article, quote: quote))
            lists.append(terms.sorted())
            speakers.append([nil, nil, "Ana Lund", "Tom Hale"][rng.next(4)])
            quote += 1
            if rng.next(3) == 0 || quote == 3 { article += 1; quote = 0 }
        }
        var flat = FlatLists<Int32>()
        for l in lists { flat.append(l) }
        var uses = [Int](repeating: 0, count: 600)
        for l in lists { for t in l { uses[Int(t)] += 1 } }
        try #require(uses.max()! <= 400, "no term is so common that the linker skips it")

        let links = StatementLinker.links(refs: refs, terms: flat, rows: (0..<Int32(lists.count)).map { $0 }, speakers: speakers, termCount: 600)

        var expected: [StatementLink] = []
        for i in lists.indices {
            for j in lists.indices where refs[j].article > refs[i].article {
                let shared = Set(lists[i]).intersection(lists[j]).count
                guard shared >= 3 else { continue }
                if let a = speakers[i], let b = speakers[j], a != b { continue }
                let s = StatementLinker.similarity(common: shared, lists[i].count, lists[j].count)
                if s >= StatementLinker.threshold { expected.append(StatementLink(a: refs[i], b: refs[j], similarity: s)) }
            }
        }
        try #require(expected.count > 300, "the statements give many links")
        let partners = Dictionary(grouping: expected, by: \.a).values.map(\.count)
        try #require(partners.contains { $0 >= 3 }, "some statements have several partners")
        // Compared link by link, so that a failure names the first that differs (not both lists).
        #expect(links.count == expected.count)
        let differs = zip(links, expected).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(differs == nil, "link \(differs?.offset ?? 0): \(String(describing: differs?.element.0)), expected \(String(describing: differs?.element.1))")
    }
}
