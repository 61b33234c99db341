import Foundation
import Testing

/// Where the package and its built `dossier` live, and how to run it as a program.
enum Harness {
    /// The package root, found from this file's path (Tests/EndToEndTests/Harness.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var seeds: String { packageRoot.appendingPathComponent("seeds").path }

    /// `.build/debug/dossier`, built with `swift build` first if it is missing.
    static let binary: String? = {
        let path = packageRoot.appendingPathComponent(".build/debug/dossier").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
        // Bounded: if another SwiftPM holds the build folder, skip rather than wait forever.
        let build = run("/usr/bin/env", ["timeout", "300", "swift", "build", "--product", "dossier"], cwd: packageRoot.path)
        return build.status == 0 && FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    static var hasBinary: Bool { binary != nil }

    static let hasTmux: Bool = run("/usr/bin/env", ["tmux", "-V"]).status == 0

    /// True when the reader can be driven in tmux.
    static var canDriveReader: Bool { hasTmux && hasBinary }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    /// Runs a program to completion (through `TerminalFixtures.run`: posix_spawn and waitpid,
    /// output through temporary files), in `cwd` when given, with `environment` added.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, cwd: String? = nil,
                    environment: [String: String] = [:]) -> Result {
        let env = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let command = cwd.map { ["/usr/bin/env", "-C", $0, executable] } ?? [executable]
        let r = TerminalFixtures.run(command[0], Array(command.dropFirst()) + arguments, env: env, stdin: Data((stdin ?? "").utf8))
        guard r.status >= 0 else { return Result(status: -1, stdout: "", stderr: "cannot run \(executable)", stdoutData: Data()) }
        return Result(status: r.status, stdout: String(decoding: r.out, as: UTF8.self), stderr: String(decoding: r.err, as: UTF8.self), stdoutData: r.out)
    }

    /// Runs the built `dossier` with isolated state and cache directories (under `stateHome` if given).
    @discardableResult
    static func dossier(_ arguments: [String], stdin: String? = nil, stateHome: String? = nil, cwd: String? = nil) -> Result {
        guard let binary else { return Result(status: -1, stdout: "", stderr: "dossier is not built", stdoutData: Data()) }
        let home = stateHome ?? makeTempDir("state")
        defer { if stateHome == nil { try? FileManager.default.removeItem(atPath: home) } }
        return run(binary, arguments, stdin: stdin, cwd: cwd ?? packageRoot.path, environment: ["XDG_STATE_HOME": home, "XDG_CACHE_HOME": home + "/cache"])
    }

    /// A fresh private temporary directory.
    static func makeTempDir(_ label: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-e2e-\(label)-\(UUID().uuidString.prefix(8))").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes files (name → contents) into a fresh temporary folder and returns its path.
    static func corpus(_ files: [String: String]) -> String {
        let dir = makeTempDir("corpus")
        for (name, text) in files {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
        }
        return dir
    }

    /// Parses JSON output, recording an issue with the raw text when it does not parse.
    static func json(_ r: Result, sourceLocation: SourceLocation = #_sourceLocation) -> Any? {
        do { return try JSONSerialization.jsonObject(with: r.stdoutData, options: [.fragmentsAllowed]) } catch {
            Issue.record("not JSON: \(error)\n\(r.stdout.prefix(500))\nstderr: \(r.stderr)", sourceLocation: sourceLocation)
            return nil
        }
    }
}

/// posix_spawn with an empty signal mask and default signal handlers. The test runner's threads
/// block most signals and a blocked mask survives fork and exec: without the reset, tmux and the
/// program under test could not receive SIGHUP, SIGCHLD, SIGWINCH or kill-server's SIGTERM.
func spawnUnblocked(_ path: String, _ actions: inout posix_spawn_file_actions_t,
                    _ argv: [UnsafeMutablePointer<CChar>?], _ envp: [UnsafeMutablePointer<CChar>?], pid: inout pid_t) -> Int32 {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t(), all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    return posix_spawn(&pid, path, &actions, &attributes, argv, envp)
}
