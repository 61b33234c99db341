import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What loading a set of paths produced: the readable documents and one line per problem.
public struct LoadResult: Sendable {
    public var documents: [RawDocument]
    public var problems: [LoadProblem]
    public init(documents: [RawDocument] = [], problems: [LoadProblem] = []) { self.documents = documents; self.problems = problems }
    mutating func append(_ other: LoadResult) { documents += other.documents; problems += other.problems }
}

/// Reads directories, files and standard input into raw documents. Never throws: every
/// unreadable thing becomes a `LoadProblem` and the rest still loads.
public enum Loader {
    /// File name endings that hold articles.
    public static let extensions: Set<String> = ["txt", "md", "jsonl"]
    /// Directories deeper than this are not descended (guards against pathological trees).
    public static let maxDepth = 1000
    /// Files larger than this are skipped with a note (a reader is not a log viewer).
    public static let maxFileBytes = 256 << 20

    /// Loads every path; `-` reads standard input through `readStdin`.
    public static func load(paths: [String], readStdin: () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) }) -> LoadResult {
        var result = LoadResult()
        for path in paths {
            if path == "-" {
                result.append(documents(bytes: readStdin(), id: "stdin", path: "-"))
                continue
            }
            var st = stat()
            guard stat(path, &st) == 0 else {
                let code = errno
                result.problems.append(LoadProblem(path: path, message: code == ENOENT && lstat(path, &st) != 0 ? "no such file or directory" : "cannot open (\(describe(code)))"))
                continue
            }
            if st.st_mode & S_IFMT == S_IFDIR {
                let (files, problems) = listFiles(root: path)
                result.problems += problems
                for file in files {
                    result.append(load(file: file, id: relative(file, to: path)))
                }
            } else {
                // A path named on the command line may be a pipe (`<(cmd)`), so only folders are refused.
                result.append(load(file: path, id: (path as NSString).lastPathComponent, allowSpecial: true))
            }
        }
        return result
    }

    /// All article files below `root`, sorted, each folder visited once (symlink loops end).
    public static func listFiles(root: String) -> ([String], [LoadProblem]) {
        let (found, problems) = listEntries(root: root)
        return (found.map(\.path), problems)
    }

    /// The same, with each file's status as the walk read it (so a listing need not read it again).
    static func listEntries(root: String) -> ([(path: String, status: stat)], [LoadProblem]) {
        var files: [(path: String, status: stat)] = []
        var problems: [LoadProblem] = []
        var seen = Set<FileID>()
        func walk(_ dir: String, depth: Int) {
            var st = stat()
            guard stat(dir, &st) == 0, seen.insert(FileID(st)).inserted else { return }
            guard depth <= maxDepth else {
                problems.append(LoadProblem(path: dir, message: "skipped: nested more than \(maxDepth) folders deep"))
                return
            }
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted() } catch {
                problems.append(LoadProblem(path: dir, message: "cannot list folder (\(reason(error)))"))
                return
            }
            for name in names where !name.hasPrefix(".") {
                let full = (dir as NSString).appendingPathComponent(name)
                let isArticle = extensions.contains((name as NSString).pathExtension.lowercased())
                var entry = stat()
                guard stat(full, &entry) == 0 else {
                    let code = errno
                    if isArticle, lstat(full, &entry) == 0 {
                        problems.append(LoadProblem(path: full, message: code == ELOOP ? "skipped: symbolic link loop" : "skipped: broken symbolic link (\(describe(code)))"))
                    }
                    continue
                }
                switch entry.st_mode & S_IFMT {
                case S_IFDIR: walk(full, depth: depth + 1)
                case S_IFREG: if isArticle, seen.insert(FileID(entry)).inserted { files.append((full, entry)) }
                default: if isArticle { problems.append(LoadProblem(path: full, message: "skipped: not a regular file")) }
                }
            }
        }
        walk(root, depth: 0)
        return (files, problems)
    }

    /// Reads one file; JSONL files give one document per record. Only regular files are read
    /// unless `allowSpecial` (a FIFO found while walking a folder would block forever).
    public static func load(file: String, id: String, allowSpecial: Bool = false) -> LoadResult {
        switch readBytes(file, allowSpecial: allowSpecial) {
        case .success(let bytes): return documents(bytes: bytes, id: id, path: file)
        case .failure(let problem): return LoadResult(problems: [LoadProblem(path: file, message: problem.message)])
        }
    }

    struct ReadFailure: Error { var message: String }

    /// Reads at most `maxFileBytes` with plain system calls. Opens non-blocking so a FIFO
    /// swapped in after listing cannot hang the load.
    static func readBytes(_ path: String, allowSpecial: Bool) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT: return .failure(ReadFailure(message: "skipped: file disappeared before it could be read"))
            case EACCES, EPERM: return .failure(ReadFailure(message: "skipped: no permission to read"))
            case ELOOP: return .failure(ReadFailure(message: "skipped: symbolic link loop"))
            default: return .failure(ReadFailure(message: "skipped: \(describe(code))"))
            }
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(ReadFailure(message: "skipped: \(describe(errno))")) }
        let kind = st.st_mode & S_IFMT
        if kind == S_IFDIR { return .failure(ReadFailure(message: "skipped: is a folder")) }
        if kind != S_IFREG {
            guard allowSpecial else { return .failure(ReadFailure(message: "skipped: not a regular file")) }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        }
        if Int(st.st_size) > maxFileBytes { return .failure(ReadFailure(message: tooLarge(Int(st.st_size)))) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(kind == S_IFREG ? Int(st.st_size) : 1 << 16)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(message: "skipped: \(describe(errno))"))
            }
            bytes += chunk[0..<n]
            if bytes.count > maxFileBytes { return .failure(ReadFailure(message: tooLarge(bytes.count))) }
        }
        return .success(bytes)
    }

    static func tooLarge(_ size: Int) -> String { "skipped: \(size >> 20) MB is larger than the \(maxFileBytes >> 20) MB limit" }

    /// Turns the bytes of one file into documents.
    public static func documents(bytes: [UInt8], id: String, path: String) -> LoadResult {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return LoadResult(problems: [LoadProblem(path: path, message: bytes.isEmpty ? "skipped: empty file" : "skipped: only whitespace")])
        }
        if TextDecoder.looksBinary(bytes) {
            return LoadResult(problems: [LoadProblem(path: path, message: "skipped: binary file (contains NUL bytes)")])
        }
        if id.lowercased().hasSuffix(".jsonl") { return JSONLReader.documents(bytes: bytes, path: path) }
        let decoded = TextDecoder.decode(bytes)
        var doc = RawDocument(id: id, path: path, text: decoded.text)
        if decoded.encoding != .utf8 { doc.metadata["encoding"] = "\(decoded.encoding.rawValue) (guessed)" }
        if decoded.replacements > 0 { doc.metadata["invalid bytes"] = "\(decoded.replacements) replaced with U+FFFD" }
        HeaderReader.apply(to: &doc)
        return LoadResult(documents: [doc])
    }

    static func relative(_ file: String, to root: String) -> String {
        let r = root.hasSuffix("/") ? root : root + "/"
        return file.hasPrefix(r) ? String(file.dropFirst(r.count)) : (file as NSString).lastPathComponent
    }

    static func describe(_ code: Int32) -> String {
        guard let s = strerror(code) else { return "error \(code)" }
        return String(cString: s).lowercased()
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError { return underlying.localizedDescription }
        return ns.localizedDescription
    }
}

/// A file's identity on disk, so a folder reached twice through symlinks is walked once.
struct FileID: Hashable {
    var device: UInt64, inode: UInt64
    init(_ st: stat) { device = UInt64(st.st_dev); inode = UInt64(st.st_ino) }
}
