import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import DossierTestSupport

/// Where things are for tests that run the real binary in a real terminal.
enum TerminalFixtures {
    static let packageRoot = packageRootPath

    static func tool(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    static let tmux = tool("tmux")
    static let script = tool("script")
    static var hasTmux: Bool { tmux != nil }
    static var hasScript: Bool { script != nil }

    /// True when terminfo knows `name` (ncurses cannot start a screen otherwise).
    static func hasTerminfo(_ name: String) -> Bool {
        guard let infocmp = tool("infocmp") else { return false }
        return run(infocmp, [name]).status == 0
    }

    /// The debug binary, built once if `swift build` has not run yet.
    static let binary: String = {
        let path = packageRoot + "/.build/debug/dossier"
        if !FileManager.default.isExecutableFile(atPath: path), let swift = tool("swift") {
            _ = run(swift, ["build", "--package-path", packageRoot, "--product", "dossier"])
        }
        return path
    }()

    /// Runs a program to completion with posix_spawn, output through temp files and every other
    /// descriptor closed in the child: a program that leaves a daemon behind (tmux starting its
    /// server) must not inherit a pipe or Foundation's process-watch socket, or waiting would hang.
    @discardableResult
    static func run(_ exe: String, _ args: [String], env: [String: String]? = nil, stdin: Data? = nil) -> (status: Int32, out: Data, err: Data) {
        let dir = TerminalTempDir()
        let outPath = dir.file("out"), errPath = dir.file("err"), inPath = dir.file("in")
        _ = FileManager.default.createFile(atPath: inPath, contents: stdin ?? Data())
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let closeFrom = closeFromAction {
            _ = closeFrom(&actions, 3)
        } else {
            for fd in openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        }
        let environment = (env ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([exe] + args).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        guard spawnUnblocked(exe, &actions, argv, envp, pid: &pid) == 0 else { return (-1, Data(), Data()) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (code, FileManager.default.contents(atPath: outPath) ?? Data(), FileManager.default.contents(atPath: errPath) ?? Data())
    }

    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    /// glibc 2.34+ has `posix_spawn_file_actions_addclosefrom_np`; Swift cannot see its declaration.
    static let closeFromAction: CloseFrom? = {
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(sym, to: CloseFrom.self)
    }()

    static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }

    /// A base environment for the binary: no saved state from the user, colours on.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = NSTemporaryDirectory()
        env["XDG_STATE_HOME"] = NSTemporaryDirectory() + "/dossier-terminal-tests-state"
        env.removeValue(forKey: "NO_COLOR")
        env.removeValue(forKey: "TMUX")
        for (k, v) in extra { env[k] = v }
        return env
    }
}

/// Bytes collected from another thread.
final class TerminalBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = Data()
    private var finished = false
    func append(_ d: Data) { lock.lock(); storage.append(d); finished = true; lock.unlock() }
    func add(_ d: Data) { lock.lock(); storage.append(d); lock.unlock() }
    func finish() { lock.lock(); finished = true; lock.unlock() }
    var data: Data { lock.lock(); defer { lock.unlock() }; return storage }
    var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
}

/// A fresh folder for one test, removed afterwards.
final class TerminalTempDir {
    let path: String
    init() {
        var t = Array((NSTemporaryDirectory() + "/dossier-term-XXXXXX").utf8CString)
        path = t.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String) -> String { path + "/" + name }
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let p = file(name)
        try? FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }
}

/// A private tmux server (its own socket), so tests never touch anyone else's sessions.
final class TerminalTmux {
    let socket: String
    let exe: String
    let session = "t"

    init?() {
        guard let exe = TerminalFixtures.tmux else { return nil }
        self.exe = exe
        // A socket path of our own: a private server, and no socket file left behind in the
        // user's tmux folder (tmux does not remove it on kill-server).
        socket = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock").path
    }

    deinit {
        _ = tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    @discardableResult
    func tmux(_ args: [String]) -> (status: Int32, out: String) {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        let r = TerminalFixtures.run(exe, ["-S", socket, "-f", "/dev/null"] + args, env: env)
        return (r.status, String(decoding: r.out, as: UTF8.self))
    }

    /// Starts `shellCommand` (run by /bin/sh) in a detached window of the given size.
    func start(width: Int, height: Int, _ shellCommand: String) {
        tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", "/bin/sh", "-c", shellCommand])
        tmux(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    func display(_ format: String) -> String {
        tmux(["display-message", "-p", "-t", session, format]).out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func capture() -> String { tmux(["capture-pane", "-p", "-t", session]).out }

    func sendKeys(_ keys: [String]) { tmux(["send-keys", "-t", session] + keys) }

    func resize(width: Int, height: Int) { tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"]) }

    /// The pid of the program the pane's shell started (its only child).
    func childPid() -> pid_t? {
        guard let shell = pid_t(display("#{pane_pid}")) else { return nil }
        return TerminalProc.children(of: shell).first
    }

    /// Polls `condition` every 50 ms for up to `seconds`.
    static func wait(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }
}

/// Process table lookups without procps.
enum TerminalProc {
    static func children(of parent: pid_t) -> [pid_t] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var result: [pid_t] = []
        for n in names {
            guard let pid = pid_t(n), let stat = try? String(contentsOfFile: "/proc/\(n)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, pid_t(fields[1]) == parent { result.append(pid) }
        }
        return result
    }

    static func alive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].hasPrefix(" Z")
    }
}

/// Runs the reader (or any command) under a pseudo-terminal made by `script`, feeding keys
/// and recording every byte the program writes to the terminal.
enum TerminalPty {
    struct Recording {
        var bytes: [UInt8]
        var status: Int32
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// `keys` are sent once the output contains `readyMarker` (or after `readyTimeout`).
    static func record(_ args: [String], env: [String: String], rows: Int = 30, cols: Int = 100,
                       readyMarker: String? = nil, keys: [UInt8] = [], readyTimeout: Double = 15, timeout: Double = 30) -> Recording {
        guard let script = TerminalFixtures.script else { return Recording(bytes: [], status: -1) }
        let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let command = "stty rows \(rows) cols \(cols); exec \(quoted)"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: script)
        p.arguments = ["-qfec", command, "/dev/null"]
        p.environment = env
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        let buffer = TerminalBuffer()
        do { try p.run() } catch { return Recording(bytes: [], status: -1) }
        let handle = output.fileHandleForReading
        let reader = Thread {
            while true {
                let d = handle.availableData
                if d.isEmpty { break }
                buffer.add(d)
            }
            buffer.finish()
        }
        reader.start()
        if let readyMarker {
            _ = TerminalTmux.wait(readyTimeout) { String(decoding: buffer.data, as: UTF8.self).contains(readyMarker) }
        }
        usleep(300_000)
        if !keys.isEmpty { input.fileHandleForWriting.write(Data(keys)) }
        let exited = TerminalTmux.wait(timeout) { !p.isRunning }
        if !exited { p.terminate(); usleep(200_000); kill(p.processIdentifier, SIGKILL) }
        try? input.fileHandleForWriting.close()
        p.waitUntilExit()
        _ = TerminalTmux.wait(5) { buffer.done }
        return Recording(bytes: [UInt8](buffer.data), status: exited ? p.terminationStatus : -2)
    }
}
