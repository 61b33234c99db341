import Foundation
import Testing

/// Shell completion scripts come from the argument parser; the bash one is loaded into a real
/// bash and asked for completions, as a user pressing Tab would.
@Suite(.enabled(if: Harness.hasBinary, "needs .build/debug/dossier (swift build failed)"))
struct Completions {
    static let hasBash = FileManager.default.isExecutableFile(atPath: "/bin/bash")

    /// What bash would offer for `words` with the cursor at the end of the last one.
    static func complete(_ words: [String], script: String) -> [String] {
        let quoted = words.map(TmuxSession.quote).joined(separator: " ")
        let program = """
        source \(TmuxSession.quote(script))
        COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
        COMP_LINE=\(TmuxSession.quote(words.joined(separator: " "))); COMP_POINT=${#COMP_LINE}
        _dossier dossier \(TmuxSession.quote(words.last!)) \(TmuxSession.quote(words.count > 1 ? words[words.count - 2] : ""))
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let r = Harness.run("/bin/bash", ["-c", program], cwd: Harness.packageRoot.path,
                            environment: ["PATH": (Harness.binary! as NSString).deletingLastPathComponent + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")])
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test("bash completion offers subcommands, flags, --format values and article files", .enabled(if: hasBash, "needs bash"))
    func bash() throws {
        let gen = Harness.dossier(["--generate-completion-script", "bash"])
        #expect(gen.status == 0)
        let dir = Harness.makeTempDir("completion")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = dir + "/dossier.bash"
        try gen.stdout.write(toFile: script, atomically: true, encoding: .utf8)
        #expect(Harness.run("/bin/bash", ["-n", script]).status == 0, "the script parses")

        #expect(Self.complete(["dossier", "ar"], script: script) == ["articles"])
        #expect(Set(Self.complete(["dossier", ""], script: script)).isSuperset(of: ["articles", "quotes", "speakers", "timeline", "search", "export"]))
        #expect(Set(Self.complete(["dossier", "export", "--format", ""], script: script)) == ["markdown", "csv", "json"])
        #expect(Self.complete(["dossier", "articles", "--js"], script: script) == ["--json"])
        let files = Self.complete(["dossier", "articles", "seeds/"], script: script)
        #expect(!files.isEmpty && files.allSatisfy { $0.hasPrefix("seeds/") && $0.hasSuffix(".txt") }, "\(files)")
    }

    @Test("zsh and fish scripts are generated too", arguments: ["zsh", "fish"])
    func otherShells(_ shell: String) {
        let r = Harness.dossier(["--generate-completion-script", shell])
        #expect(r.status == 0)
        for sub in ["articles", "search", "export"] { #expect(r.stdout.contains(sub), "\(shell) script knows \(sub)") }
    }
}
