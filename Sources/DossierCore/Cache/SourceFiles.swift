import Foundation

/// One input file as the cache sees it: enough to notice that it changed.
public struct SourceFile: Hashable, Sendable {
    public var path: String
    /// The document id the loader gives it (relative to the folder it was found in).
    public var id: String
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var mtime: Int64
    public init(path: String, id: String, size: Int64, mtime: Int64) {
        self.path = path; self.id = id; self.size = size; self.mtime = mtime
    }
}

/// The files a list of corpus paths names, in the loader's order, with their size and time.
public struct SourceListing: Sendable {
    public var files: [SourceFile] = []
    public var problems: [LoadProblem] = []
    /// True when `-` (standard input) is among the paths: such a corpus cannot be cached.
    public var readsStdin = false

    public init(paths: [String]) {
        for path in paths {
            if path == "-" { readsStdin = true; continue }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                problems.append(LoadProblem(path: path, message: "no such file or directory"))
                continue
            }
            if isDir.boolValue {
                let (found, trouble) = Loader.listEntries(root: path)
                problems += trouble
                files += found.map { SourceFile(path: $0.path, id: Loader.relative($0.path, to: path), status: $0.status) }
            } else if let f = Self.stat(path, id: (path as NSString).lastPathComponent) {
                files.append(f)
            }
        }
    }

    /// `stat` following symlinks, as the loader reads through them.
    static func stat(_ path: String, id: String) -> SourceFile? {
        var st = Glibc.stat()
        guard statFollowingLinks(path, &st) else { return nil }
        return SourceFile(path: path, id: id, status: st)
    }
}

private func statFollowingLinks(_ path: String, _ st: inout stat) -> Bool {
    stat(path, &st) == 0
}

extension SourceFile {
    init(path: String, id: String, status st: stat) {
        self.init(path: path, id: id, size: Int64(st.st_size), mtime: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }
}

/// Reading files a batch at a time, so that raw text is parsed and dropped before the next.
enum SourceFiles {
    /// About this many bytes of files per batch (a larger file is a batch of its own).
    static let batchBytes: Int64 = 8 << 20

    struct Batch {
        var files: [SourceFile] = []
        var stdin = false
        var problems: [LoadProblem] = []
        func load() -> LoadResult {
            var r = LoadResult(problems: problems)
            for f in files { r.append(Loader.load(file: f.path, id: f.id)) }
            if stdin { r.append(Loader.load(paths: ["-"])) }
            return r
        }
    }

    static func batches(_ listing: SourceListing) -> [Batch] {
        var out: [Batch] = []
        var current = Batch(problems: listing.problems)
        var bytes: Int64 = 0
        for f in listing.files {
            if bytes > 0, bytes + f.size > batchBytes { out.append(current); current = Batch(); bytes = 0 }
            current.files.append(f); bytes += f.size
        }
        current.stdin = listing.readsStdin
        out.append(current)
        return out
    }
}
