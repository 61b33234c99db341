import Foundation

/// Monotonic seconds.
func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Peak resident memory of this process so far, in bytes (VmHWM).
func peakRSS() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return (Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0) * 1024
    }
    return 0
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    guard !xs.isEmpty else { return .nan }
    let s = xs.sorted()
    return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
}

func median(_ xs: [Double]) -> Double { percentile(xs, 0.5) }

/// Runs a program with posix_spawn (Foundation's Process adds tens of milliseconds), returning
/// wall seconds, its standard output and its status.
@discardableResult
func run(_ exe: String, _ args: [String], env: [String: String] = [:]) -> (seconds: Double, output: String, status: Int32) {
    let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-out-\(getpid())").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var e = ProcessInfo.processInfo.environment
    for (k, v) in env { e[k] = v }
    let argv: [UnsafeMutablePointer<CChar>?] = ([exe] + args).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = e.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for p in argv + envp { free(p) } }
    var pid: pid_t = 0
    let t0 = now()
    guard posix_spawn(&pid, exe, &actions, nil, argv, envp) == 0 else { return (.nan, "", -1) }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let t = now() - t0
    let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    unlink(outPath)
    return (t, output, (status >> 8) & 0xFF)
}

/// Finds a program on PATH.
func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let path = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

func ms(_ s: Double) -> String { s.isNaN ? "–" : String(format: s < 0.01 ? "%.2f" : "%.1f", s * 1000) }
func mb(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }

/// Pads cells into aligned columns.
func table(_ rows: [[String]]) -> String {
    let widths = (0..<(rows.map(\.count).max() ?? 0)).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
    return rows.map { row in
        row.enumerated().map { c, cell in c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            : String(repeating: " ", count: widths[c] - cell.count) + cell }.joined(separator: "  ")
    }.joined(separator: "\n")
}

/// Writes corpora of Reuters records repeated with distinct ids as JSONL files, 1,000 records
/// a file, into a temporary folder.
struct CorpusMaker {
    let lines: [[UInt8]]

    init?(source: String) {
        guard let data = FileManager.default.contents(atPath: source) else { return nil }
        lines = data.split(separator: 0x0A).map(Array.init).filter { !$0.isEmpty }
    }

    /// Writes `count` records under `dir`; returns the bytes written.
    func write(count: Int, to dir: String) -> Int {
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let idKey = Array("\"id\": \"".utf8)
        var total = 0
        var file: [UInt8] = []
        for k in 0..<count {
            let line = lines[k % lines.count]
            let copy = k / lines.count
            if copy > 0, let at = firstIndex(of: idKey, in: line), let close = line[(at + idKey.count)...].firstIndex(of: 0x22) {
                file += line[..<close]; file += Array("-\(copy)".utf8); file += line[close...]
            } else {
                file += line
            }
            file.append(0x0A)
            if (k + 1) % 1000 == 0 || k == count - 1 {
                let name = String(format: "%@/part-%05d.jsonl", dir, k / 1000)
                _ = FileManager.default.createFile(atPath: name, contents: Data(file))
                total += file.count
                file.removeAll(keepingCapacity: true)
            }
        }
        return total
    }

    func firstIndex(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
        return nil
    }
}

/// A value handed to another thread once and read back after it finished.
final class Box<T>: @unchecked Sendable {
    var value: T
    init(_ v: T) { value = v }
}

/// Starts the real reader on `dir` in a pseudo-terminal (made by `script`, 160x45 through
/// LINES/COLUMNS) with `DOSSIER_TIMINGS`, waits for its `indexed` line, quits it with `q`, and
/// returns the milliseconds from spawn to the first frame and to the fully indexed reader (nan
/// when it did not get there within `limit` seconds).
func readerStart(_ exe: String, dir: String, env: [String: String], limit: Double = 900) -> (firstFrame: Double, indexed: Double) {
    guard let script = which("script") else { return (.nan, .nan) }
    let timings = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-timings-\(getpid())").path
    unlink(timings)
    defer { unlink(timings) }
    var keys: [Int32] = [0, 0]
    guard pipe(&keys) == 0 else { return (.nan, .nan) }
    defer { close(keys[1]) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, keys[0], 0)
    posix_spawn_file_actions_addclose(&actions, keys[1])
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var e = ProcessInfo.processInfo.environment
    for (k, v) in env { e[k] = v }
    e["TERM"] = "xterm-256color"; e["COLUMNS"] = "160"; e["LINES"] = "45"; e["DOSSIER_TIMINGS"] = timings
    let command = "'\(exe)' '\(dir)'"
    let words: [String] = [script, "-qfec", command, "/dev/null"]
    let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = e.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for p in argv + envp { free(p) } }
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    let spawned = Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
    var pid: pid_t = 0
    guard posix_spawn(&pid, script, &actions, nil, argv, envp) == 0 else { return (.nan, .nan) }
    close(keys[0])
    func stamp(_ label: String) -> Double? {
        guard let text = try? String(contentsOfFile: timings, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(label + "\t") {
            let fields = line.split(separator: "\t")
            if fields.count >= 3, let at = Double(fields[2]) { return at - spawned }
        }
        return nil
    }
    var indexed: Double?
    let deadline = now() + limit
    while indexed == nil && now() < deadline {
        usleep(5_000)
        indexed = stamp("indexed")
    }
    let first = stamp("first-frame") ?? .nan
    _ = "q".withCString { write(keys[1], $0, 1) }
    var status: Int32 = 0
    for _ in 0..<300 where waitpid(pid, &status, WNOHANG) == 0 { usleep(10_000) }
    if waitpid(pid, &status, WNOHANG) == 0 { kill(pid, SIGKILL); waitpid(pid, &status, 0) }
    return (first, indexed ?? .nan)
}
