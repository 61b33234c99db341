import Foundation

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
    public static let maxDepth = 64
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
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                result.problems.append(LoadProblem(path: path, message: "no such file or directory"))
                continue
            }
            if isDir.boolValue {
                let (files, problems) = listFiles(root: path)
                result.problems += problems
                for file in files {
                    result.append(load(file: file, id: relative(file, to: path)))
                }
            } else {
                result.append(load(file: path, id: (path as NSString).lastPathComponent))
            }
        }
        return result
    }

    /// All article files below `root`, sorted, without following symlink loops.
    public static func listFiles(root: String) -> ([String], [LoadProblem]) {
        var files: [String] = []
        var problems: [LoadProblem] = []
        var seen = Set<String>()
        func walk(_ dir: String, depth: Int) {
            let real = (dir as NSString).resolvingSymlinksInPath
            guard seen.insert(real).inserted else { return }
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
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir) else { continue }
                if isDir.boolValue { walk(full, depth: depth + 1) } else if extensions.contains((name as NSString).pathExtension.lowercased()) { files.append(full) }
            }
        }
        walk(root, depth: 0)
        return (files, problems)
    }

    /// Reads one file; JSONL files give one document per record.
    public static func load(file: String, id: String) -> LoadResult {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            let exists = FileManager.default.fileExists(atPath: file)
            return LoadResult(problems: [LoadProblem(path: file, message: exists ? "skipped: no permission to read" : "skipped: file disappeared before it could be read")])
        }
        defer { try? handle.close() }
        let data: Data
        do {
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            if size > maxFileBytes {
                return LoadResult(problems: [LoadProblem(path: file, message: "skipped: \(size >> 20) MB is larger than the \(maxFileBytes >> 20) MB limit")])
            }
            data = try handle.readToEnd() ?? Data()
        } catch {
            return LoadResult(problems: [LoadProblem(path: file, message: "skipped: \(reason(error))")])
        }
        return documents(bytes: Array(data), id: id, path: file)
    }

    /// Turns the bytes of one file into documents.
    public static func documents(bytes: [UInt8], id: String, path: String) -> LoadResult {
        if id.lowercased().hasSuffix(".jsonl") { return JSONLReader.documents(bytes: bytes, path: path) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return LoadResult(problems: [LoadProblem(path: path, message: bytes.isEmpty ? "skipped: empty file" : "skipped: only whitespace")])
        }
        if TextDecoder.looksBinary(bytes) {
            return LoadResult(problems: [LoadProblem(path: path, message: "skipped: binary file (contains NUL bytes)")])
        }
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

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError { return underlying.localizedDescription }
        return ns.localizedDescription
    }
}
