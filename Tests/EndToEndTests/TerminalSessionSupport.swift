import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The reader running in a private tmux pane. After the program ends, the pane's shell
/// records the exit status and `stty -a` into files, so they survive any screen mess.
final class TerminalReaderSession {
    let tmux: TerminalTmux
    let dir = TerminalTempDir()

    static let story = """
        Talks resume in Zürich

        Officials from both sides met in Zürich on Monday. 東京 sent observers. 😀

        \u{201C}We will keep talking,\u{201D} the envoy said after the meeting.

        """

    /// Starts `dossier <corpus>` with `env` in a `width`×`height` window. Standard error stays
    /// on the terminal unless `stderrToFile`.
    init?(width: Int = 100, height: Int = 30, env: [String: String] = ["TERM": "xterm-256color", "LANG": "C.UTF-8"], stderrToFile: Bool = false) {
        guard let tmux = TerminalTmux() else { return nil }
        self.tmux = tmux
        dir.write("corpus/talks.txt", Self.story)
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=" + Self.quote($0.value) }.joined(separator: " ")
        let command = """
            cd \(Self.quote(dir.path)) && ulimit -c 0; \
            env -u TMUX HOME=\(Self.quote(dir.path)) XDG_STATE_HOME=\(Self.quote(dir.path + "/state")) \(assignments) \
            \(Self.quote(TerminalFixtures.binary)) corpus\(stderrToFile ? " 2>stderr" : ""); \
            echo $? > status.tmp; stty -a > stty; mv status.tmp status; exec sleep 120
            """
        tmux.start(width: width, height: height, command)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Waits until the reader has drawn its first screen.
    func waitReady(_ marker: String = "Timeline", seconds: Double = 20) -> Bool {
        TerminalTmux.wait(seconds) { tmux.capture().contains(marker) && readerPid != nil }
    }

    /// The program's pid: the pane shell's child (`env` execs the binary).
    var readerPid: pid_t? { tmux.childPid() }

    /// Waits for the program to end; returns its exit status as the shell saw it.
    func waitExit(seconds: Double = 15) -> Int? {
        guard TerminalTmux.wait(seconds, { FileManager.default.fileExists(atPath: dir.file("status")) }) else { return nil }
        return (try? String(contentsOfFile: dir.file("status"), encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    var sttyFlags: Set<String> {
        let text = (try? String(contentsOfFile: dir.file("stty"), encoding: .utf8)) ?? ""
        return Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    }

    var stderrText: String { (try? String(contentsOfFile: dir.file("stderr"), encoding: .utf8)) ?? "" }

    /// Checks everything a user would find wrong after the program ended.
    func expectRestored(_ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(tmux.display("#{alternate_on}") == "0", "\(label): still on the alternate screen", sourceLocation: sourceLocation)
        #expect(tmux.display("#{cursor_flag}") == "1", "\(label): cursor hidden", sourceLocation: sourceLocation)
        #expect(tmux.display("#{mouse_any_flag}") == "0", "\(label): mouse reporting left on", sourceLocation: sourceLocation)
        let flags = sttyFlags
        #expect(flags.contains("echo") && !flags.contains("-echo"), "\(label): echo off after exit", sourceLocation: sourceLocation)
        #expect(flags.contains("icanon") && !flags.contains("-icanon"), "\(label): canonical mode off after exit", sourceLocation: sourceLocation)
        let screen = tmux.capture()
        for bad in ["Press space", "Backtracing", "💣", "Program crashed"] {
            #expect(!screen.contains(bad), "\(label): crash reporter output on screen: \(bad)", sourceLocation: sourceLocation)
        }
    }
}
