import DossierCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder under the system temp dir, removed when the value goes away.
final class RobustTempDir {
    let path: String

    init(_ name: String = "dossier-robust") {
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(name)-XXXXXX")
        var bytes = Array(template.utf8CString)
        path = bytes.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    deinit {
        // Undo chmod 000 tricks first so the cleanup itself cannot fail.
        _ = try? Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "u+rwx", path]).waitUntilExit()
        try? FileManager.default.removeItem(atPath: path)
    }

    func url(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let full = url(name)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

/// Runs `body`, prints how long it took and fails if it took longer than `bound` (a generous
/// guard against hangs and quadratic blow-ups, not a performance target).
/// `DOSSIER_TIME_FACTOR` widens the guard for slow runs (scripts/sanitizers.sh sets it).
func robustTimed<T>(_ label: String, bound unscaled: Duration = .seconds(60), _ body: () throws -> T) rethrows -> T {
    let bound = unscaled * robustTimeFactor
    let clock = ContinuousClock()
    let start = clock.now
    let value = try body()
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("[robust] \(label): \(String(format: "%.3f", seconds)) s (bound \(bound))")
    #expect(elapsed < bound, "\(label) took \(elapsed); the hang guard is \(bound)")
    return value
}

/// Loads paths and runs the whole pipeline, the way `dossier` does.
func robustCorpus(_ paths: [String]) -> (LoadResult, Corpus) {
    let loaded = Loader.load(paths: paths, readStdin: { [] })
    return (loaded, CorpusBuilder.build(CorpusBuilder.parseAll(loaded.documents), problems: loaded.problems))
}

/// Every scalar of the article's story text, joined.
func robustStory(_ article: Article) -> String { article.paragraphs.map(\.text).joined(separator: "\n") }

/// `DOSSIER_TIME_FACTOR`, at least 1.
var robustTimeFactor: Int { max(1, ProcessInfo.processInfo.environment["DOSSIER_TIME_FACTOR"].flatMap(Int.init) ?? 1) }

/// A result handed over from another thread, waited for with a deadline.
final class RobustCompletion<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: T?
    func finish(_ v: T) { condition.lock(); value = v; condition.signal(); condition.unlock() }
    func wait(seconds: Int) -> T? {
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        condition.lock(); defer { condition.unlock() }
        while value == nil, condition.wait(until: deadline) {}
        return value
    }
}
