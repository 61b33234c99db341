import Foundation

/// A search of files that have no fresh cache: scans the raw files on all cores with
/// `RawTextFilter`, parses only the documents that pass (story text only: no quotes or dated
/// events) and matches them exactly, so it finds the hits a search of the whole parsed corpus
/// finds. Hits come in timeline order by each article's own date; a date that only other
/// articles could lend (which a full parse infers) is unknown here.
///
/// It neither reads nor writes the cache: writing one means parsing every article, the cost
/// this search exists to avoid; the reader and the other subcommands build it. Problems are
/// those of files that could not be read and of lines it had to parse; a malformed JSONL line
/// that cannot hold the terms is not looked at.
public enum ColdSearch {
    public struct Result: Sendable {
        /// Articles with hits, in timeline order, each with its ranges in source order.
        public var hits: [(article: Article, ranges: [SourceRange])] = []
        public var problems: [LoadProblem] = []
        /// False when no file had any text at all (so nothing could have been read).
        public var sawText = false
    }

    /// False for filters that need the whole corpus parsed (speakers resolved across articles,
    /// inferred dates).
    public static func handles(_ q: SearchQuery) -> Bool { q.speaker == nil && q.dateFrom == nil }

    public static func run(paths: [String], query q: SearchQuery,
                           readStdin: () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) }) -> Result {
        run(paths: paths, query: q, chunkBytes: Unit.chunkBytes, readStdin: readStdin)
    }

    /// `chunkBytes`: JSONL files above this size are split so that both cores share them.
    static func run(paths: [String], query q: SearchQuery, chunkBytes: Int, readStdin: () -> [UInt8]) -> Result {
        let listing = SourceListing(paths: paths)
        let filter = RawTextFilter(q)
        let units = Unit.split(listing.files, chunkBytes: chunkBytes)
        let box = UnitResults(count: units.count)
        DispatchQueue.concurrentPerform(iterations: units.count) { k in
            var docs: [RawDocument] = []
            let read = units[k].scan(filter) { docs.append($0); return true }
            box.set(k, Unit.Found(documents: docs, problems: read.problems, sawText: read.sawText))
        }
        var result = Result()
        result.problems = listing.problems
        var docs: [RawDocument] = []
        for found in box.values {
            docs += found.documents
            result.problems += found.problems
            result.sawText = result.sawText || found.sawText
        }
        if listing.readsStdin {
            let loaded = Loader.documents(bytes: readStdin(), id: "stdin", path: "-")
            result.problems += loaded.problems
            result.sawText = result.sawText || !loaded.documents.isEmpty
            docs += loaded.documents.filter { filter.mayMatch($0.text) }
        }
        let candidates = docs
        let parsed = ParsedHits(count: candidates.count)
        DispatchQueue.concurrentPerform(iterations: candidates.count) { i in
            let a = ArticleParser.parse(candidates[i], findings: false)
            let ranges = Search.matches(in: a, q)
            if !ranges.isEmpty { parsed.set(i, (a, ranges)) }
        }
        let found = parsed.values
        let order = found.indices.sorted { x, y in
            let a = found[x].article, b = found[y].article
            if CorpusBuilder.timelineOrder(a, b) { return true }
            if CorpusBuilder.timelineOrder(b, a) { return false }
            return x < y
        }
        result.hits = order.map { found[$0] }
        return result
    }

    /// What `files(paths:query:)` finds: the paths of files that hold a match, as `grep -l` lists.
    public struct Files: Sendable {
        /// Paths as given (or found in the folders given), sorted; `-` for standard input.
        public var paths: [String] = []
        /// Problems of files that could not be read and of lines read before the first match.
        public var problems: [LoadProblem] = []
        public var sawText = false
    }

    /// The files with at least one hit. Each file (or piece of a large one) is read only up to
    /// its first matching article, as `rg -l` stops at its first match: a common word costs
    /// one parsed article a file, not one for every article that holds it.
    public static func files(paths: [String], query q: SearchQuery,
                             readStdin: () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) }) -> Files {
        files(paths: paths, query: q, chunkBytes: Unit.chunkBytes, readStdin: readStdin)
    }

    static func files(paths: [String], query q: SearchQuery, chunkBytes: Int, readStdin: () -> [UInt8]) -> Files {
        let listing = SourceListing(paths: paths)
        let filter = RawTextFilter(q)
        let units = Unit.split(listing.files, chunkBytes: chunkBytes)
        let box = UnitResults(count: units.count)
        DispatchQueue.concurrentPerform(iterations: units.count) { k in
            var matched = false
            let read = units[k].scan(filter) { doc in
                matched = matches(doc, q)
                return !matched
            }
            box.set(k, Unit.Found(problems: read.problems, sawText: read.sawText, matched: matched))
        }
        var result = Files()
        result.problems = listing.problems
        var matched = Set<String>()
        for (unit, found) in zip(units, box.values) {
            if found.matched { matched.insert(unit.file.path) }
            result.problems += found.problems
            result.sawText = result.sawText || found.sawText
        }
        if listing.readsStdin {
            let loaded = Loader.documents(bytes: readStdin(), id: "stdin", path: "-")
            result.problems += loaded.problems
            result.sawText = result.sawText || !loaded.documents.isEmpty
            if loaded.documents.contains(where: { filter.mayMatch($0.text) && matches($0, q) }) { matched.insert("-") }
        }
        result.paths = matched.sorted()
        return result
    }

    /// Whether the parsed story of `doc` holds a hit.
    static func matches(_ doc: RawDocument, _ q: SearchQuery) -> Bool {
        !Search.matches(in: ArticleParser.parse(doc, findings: false), q).isEmpty
    }

    /// A file, or a stretch of whole lines of a large JSONL file, scanned by one thread.
    struct Unit: Sendable {
        let file: SourceFile
        /// The mapped file for JSONL read in place; nil reads the file through the loader.
        let map: MappedFile?
        let range: Range<Int>

        static let chunkBytes = 8 << 20

        static func split(_ files: [SourceFile], chunkBytes: Int) -> [Unit] {
            var out: [Unit] = []
            for f in files {
                guard f.id.lowercased().hasSuffix(".jsonl"), f.size <= Int64(Loader.maxFileBytes),
                      let map = MappedFile(path: f.path) else {
                    out.append(Unit(file: f, map: nil, range: 0..<0)); continue
                }
                let bytes = map.buffer
                if bytes.count > chunkBytes, memchr(bytes.baseAddress!, 0, min(bytes.count, TextDecoder.sniffBytes)) != nil,
                   TextDecoder.looksBinary(Array(bytes.prefix(TextDecoder.sniffBytes))) {
                    // The first piece says why; the rest is not read.
                    out.append(Unit(file: f, map: map, range: 0..<bytes.count)); continue
                }
                var lo = 0
                while lo < bytes.count {
                    var hi = min(bytes.count, lo + chunkBytes)
                    if hi < bytes.count, let nl = memchr(bytes.baseAddress! + hi, 0x0A, bytes.count - hi) {
                        hi = bytes.baseAddress!.distance(to: UnsafeRawPointer(nl)) + 1
                    } else {
                        hi = bytes.count
                    }
                    out.append(Unit(file: f, map: map, range: lo..<hi))
                    lo = hi
                }
            }
            return out
        }

        struct Found: Sendable {
            var documents: [RawDocument] = []
            var problems: [LoadProblem] = []
            var sawText = false
            /// Whether a document matched, for a search of files that stops there.
            var matched = false
        }

        /// Hands each document that `filter` passes to `take`, in order, until `take` returns
        /// false. Returns the problems met on the way, and whether the unit had any text.
        func scan(_ filter: RawTextFilter, _ take: (RawDocument) -> Bool) -> (problems: [LoadProblem], sawText: Bool) {
            guard let map else {
                let loaded = Loader.load(file: file.path, id: file.id)
                for doc in loaded.documents where filter.mayMatch(doc.text) {
                    if !take(doc) { break }
                }
                return (loaded.problems, !loaded.documents.isEmpty)
            }
            let bytes = map.buffer
            if range.lowerBound == 0 {
                // What the loader refuses before it reads any record.
                if !bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
                    return ([LoadProblem(path: file.path, message: "skipped: only whitespace")], false)
                }
                // Only a NUL byte near the start makes a file binary: look for one before copying.
                if memchr(bytes.baseAddress!, 0, min(bytes.count, TextDecoder.sniffBytes)) != nil,
                   TextDecoder.looksBinary(Array(bytes.prefix(TextDecoder.sniffBytes))) {
                    return ([LoadProblem(path: file.path, message: "skipped: binary file (contains NUL bytes)")], false)
                }
            }
            var problems: [LoadProblem] = []
            let fileName = (file.path as NSString).lastPathComponent
            var lines = LineCounter(bytes: bytes)
            let bom = range.lowerBound == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            filter.eachLikelyLine(in: UnsafeRawBufferPointer(rebasing: bytes[range])) { r in
                let start = max(range.lowerBound + r.lowerBound, bom), end = range.lowerBound + r.upperBound
                let line = Array(bytes[start..<end])[...]
                switch JSONLReader.record(line, number: lines.number(at: start), fileName: fileName, path: file.path) {
                case .document(let doc): if filter.mayMatch(doc.text) { return take(doc) }
                case .problem(let message): problems.append(LoadProblem(path: "\(file.path):\(lines.number(at: start))", message: message))
                case .blank: break
                }
                return true
            }
            return (problems, true)
        }
    }

    /// Line numbers of byte offsets, counted on demand (only records without an id need one).
    struct LineCounter {
        let bytes: UnsafeRawBufferPointer
        var offset = 0, line = 1

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func number(at target: Int) -> Int {
            if target < offset { offset = 0; line = 1 }
            let base = bytes.baseAddress!
            while offset < target, let nl = memchr(base + offset, 0x0A, target - offset) {
                line += 1
                offset = base.distance(to: UnsafeRawPointer(nl)) + 1
            }
            offset = target
            return line
        }
    }
}

/// Scan results written from many threads at distinct indexes.
private final class UnitResults: @unchecked Sendable {
    private var storage: [ColdSearch.Unit.Found?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: ColdSearch.Unit.Found) { lock.lock(); storage[i] = v; lock.unlock() }
    var values: [ColdSearch.Unit.Found] { storage.map { $0! } }
}

/// Parsed articles with hits, written from many threads at distinct indexes.
private final class ParsedHits: @unchecked Sendable {
    private var storage: [(article: Article, ranges: [SourceRange])?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: (Article, [SourceRange])) { lock.lock(); storage[i] = v; lock.unlock() }
    var values: [(article: Article, ranges: [SourceRange])] { storage.compactMap { $0 } }
}
