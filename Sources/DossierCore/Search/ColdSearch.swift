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
        let filter = RawTextFilter(q)
        let pass = Pass(paths: paths, filter: filter, chunkBytes: chunkBytes, readStdin: readStdin) { unit in
            var docs: [RawDocument] = []
            let read = unit.scan(filter) { docs.append($0); return true }
            return (docs, read.problems, read.sawText)
        }
        let parsed = ParallelMap.map(pass.results.flatMap { $0 } + pass.stdin) { doc -> (article: Article, ranges: [SourceRange])? in
            let a = ArticleParser.parse(doc, findings: false)
            let ranges = Search.matches(in: a, q)
            return ranges.isEmpty ? nil : (a, ranges)
        }
        let found = parsed.compactMap { $0 }
        let order = found.indices.sorted { x, y in
            let a = found[x].article, b = found[y].article
            if CorpusBuilder.timelineOrder(a, b) { return true }
            if CorpusBuilder.timelineOrder(b, a) { return false }
            return x < y
        }
        return Result(hits: order.map { found[$0] }, problems: pass.problems, sawText: pass.sawText)
    }

    /// What `files(paths:query:)` finds: the paths of files that hold a match, as `grep -l` lists.
    public struct Files: Sendable {
        /// Paths as given (or found in the folders given), sorted; `-` for standard input.
        public var paths: [String] = []
        /// Problems of files that could not be read and of lines read before the first match.
        public var problems: [LoadProblem] = []
        public var sawText = false
    }

    /// The files with at least one hit. Each file is read only up to its first matching
    /// article, as `rg -l` stops at its first match: a common word costs one parsed article a
    /// file, not one for every article that holds it. (The pieces of a large JSONL file are
    /// read side by side; each stops once any piece of the file has matched.)
    public static func files(paths: [String], query q: SearchQuery,
                             readStdin: () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) }) -> Files {
        files(paths: paths, query: q, chunkBytes: Unit.chunkBytes, readStdin: readStdin)
    }

    static func files(paths: [String], query q: SearchQuery, chunkBytes: Int, readStdin: () -> [UInt8]) -> Files {
        let filter = RawTextFilter(q)
        let matched = MatchedPaths()
        let pass = Pass(paths: paths, filter: filter, chunkBytes: chunkBytes, readStdin: readStdin) { unit in
            // Another piece of this file has matched: it had text, and nothing more is needed.
            if matched.contains(unit.file.path) { return ((), [], true) }
            let read = unit.scan(filter) { doc in
                if matched.contains(unit.file.path) { return false }
                if matches(doc, q) { matched.insert(unit.file.path); return false }
                return true
            }
            return ((), read.problems, read.sawText)
        }
        var paths = matched.all
        if pass.stdin.contains(where: { matches($0, q) }) { paths.insert("-") }
        return Files(paths: paths.sorted(), problems: pass.problems, sawText: pass.sawText)
    }

    /// One pass over the files: each unit read by `read` on all cores, with the problems met on
    /// the way (the listing's first) and whether any text was there; standard input, when `-`
    /// is among the paths, is read whole and its documents that the filter passes are kept.
    struct Pass<T> {
        var results: [T] = []
        var problems: [LoadProblem] = []
        var sawText = false
        var stdin: [RawDocument] = []

        init(paths: [String], filter: RawTextFilter, chunkBytes: Int, readStdin: () -> [UInt8],
             _ read: (Unit) -> (T, problems: [LoadProblem], sawText: Bool)) {
            let listing = SourceListing(paths: paths)
            let units = ParallelMap.map(Unit.split(listing.files, chunkBytes: chunkBytes), read)
            results = units.map(\.0)
            problems = listing.problems + units.flatMap(\.problems)
            sawText = units.contains { $0.sawText }
            if listing.readsStdin {
                let loaded = Loader.documents(bytes: readStdin(), id: "stdin", path: "-")
                problems += loaded.problems
                sawText = sawText || !loaded.documents.isEmpty
                stdin = loaded.documents.filter { filter.mayMatch($0.text) }
            }
        }
    }

    /// Whether the cleaned story of `doc` holds a hit (the filters cold search handles read
    /// no date or quote).
    static func matches(_ doc: RawDocument, _ q: SearchQuery) -> Bool {
        !Search.matches(in: ArticleParser.story(doc), q).isEmpty
    }

    /// A file, or a stretch of whole lines of a large JSONL file, scanned by one thread, which
    /// opens the file itself.
    struct Unit: Sendable {
        let file: SourceFile
        /// JSONL read in place, a block at a time; otherwise the file is read through the loader.
        let inPlace: Bool
        /// Piece `piece` of `pieces` holds the lines that start in its `chunkBytes` of the file.
        let piece: Int, pieces: Int, chunkBytes: Int

        static let chunkBytes = 8 << 20

        static func split(_ files: [SourceFile], chunkBytes: Int) -> [Unit] {
            files.flatMap { f -> [Unit] in
                guard f.id.lowercased().hasSuffix(".jsonl"), f.size > 0, f.size <= Int64(Loader.maxFileBytes) else {
                    return [Unit(file: f, inPlace: false, piece: 0, pieces: 1, chunkBytes: chunkBytes)]
                }
                let n = Int((f.size + Int64(chunkBytes) - 1) / Int64(chunkBytes))
                return (0..<n).map { Unit(file: f, inPlace: true, piece: $0, pieces: n, chunkBytes: chunkBytes) }
            }
        }

        /// The offsets whose lines this piece holds; the last reads to the end, should the file
        /// have grown since it was listed.
        var range: Range<Int> {
            piece * chunkBytes..<(piece == pieces - 1 ? Int.max : (piece + 1) * chunkBytes)
        }

        /// Hands each document that `filter` passes to `take`, in order, until `take` returns
        /// false. Returns the problems met on the way, and whether the unit had any text.
        func scan(_ filter: RawTextFilter, _ take: (RawDocument) -> Bool) -> (problems: [LoadProblem], sawText: Bool) {
            let fd = inPlace ? open(file.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY) : -1
            defer { if fd >= 0 { close(fd) } }
            var st = stat()
            guard fd >= 0, fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return throughLoader(filter, take) }
            // What the loader refuses before it reads any record: a binary file (only a NUL byte
            // near the start makes it so), and one with no text in its first block.
            var head = Head.text, bom = 0
            func judge(_ first: UnsafeRawBufferPointer) -> Head {
                guard !first.isEmpty else { return .noText }
                if memchr(first.baseAddress!, 0, first.count) != nil, TextDecoder.looksBinary(Array(first)) { return .binary }
                return first.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) ? .text : .noText
            }
            if piece > 0 {
                guard let first = LineBlocks.bytes(fd: fd, at: 0, count: TextDecoder.sniffBytes) else { return ([], false) }
                // The first piece says why the file is not read.
                guard first.withUnsafeBytes(judge) == .text else { return ([], false) }
            }
            var problems: [LoadProblem] = []
            let fileName = (file.path as NSString).lastPathComponent
            var lines = LineBlocks.LineNumbers(fd: fd)
            let complete = LineBlocks.read(fd: fd, lines: range, head: { first in
                head = judge(first)
                bom = first.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
                return head == .text
            }) { block, offset in
                var going = true
                filter.eachLikelyLine(in: block) { r in
                    let start = max(offset + r.lowerBound, bom), end = offset + r.upperBound
                    let line = Array(block[(start - offset)..<(end - offset)])[...]
                    switch JSONLReader.record(line, number: lines.number(at: start), fileName: fileName, path: file.path) {
                    case .document(let doc): if filter.mayMatch(doc.text) { going = take(doc) }
                    case .problem(let message): problems.append(LoadProblem(path: "\(file.path):\(lines.number(at: start))", message: message))
                    case .blank: break
                    }
                    return going
                }
                return going
            }
            switch head {
            case .binary: return ([LoadProblem(path: file.path, message: "skipped: binary file (contains NUL bytes)")], false)
            case .noText: return throughLoader(filter, take)
            case .text:
                if !complete { problems.append(LoadProblem(path: file.path, message: "skipped the rest: \(Loader.describe(errno))")) }
                return (problems, true)
            }
        }

        enum Head { case text, binary, noText }

        /// The loader reads the whole file and says why it cannot be read, once (for the first piece).
        func throughLoader(_ filter: RawTextFilter, _ take: (RawDocument) -> Bool) -> (problems: [LoadProblem], sawText: Bool) {
            guard piece == 0 else { return ([], false) }
            let loaded = Loader.load(file: file.path, id: file.id)
            for doc in loaded.documents where filter.mayMatch(doc.text) {
                if !take(doc) { break }
            }
            return (loaded.problems, !loaded.documents.isEmpty)
        }
    }
}

/// The paths of files found to match, shared by the threads reading their pieces.
private final class MatchedPaths: @unchecked Sendable {
    private var paths = Set<String>()
    private let lock = NSLock()
    func contains(_ path: String) -> Bool { lock.lock(); defer { lock.unlock() }; return paths.contains(path) }
    func insert(_ path: String) { lock.lock(); paths.insert(path); lock.unlock() }
    var all: Set<String> { lock.lock(); defer { lock.unlock() }; return paths }
}
