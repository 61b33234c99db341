import Foundation
import Testing

/// The real `dossier` running in a private tmux server, driven by keys and read back as screen text.
/// Every wait polls the screen with a deadline instead of sleeping a fixed time.
final class TmuxSession {
    let socket: String
    let workDir: String
    let stateHome: String
    let statusFile: String
    private let ownsStateHome: Bool
    private(set) var lastScreen = ""

    /// Starts `dossier ARGS` at `width`×`height` with TERM=xterm-256color; the shell records its
    /// exit status in `statusFile` and keeps the pane open so the screen can still be inspected.
    /// `stdin`, when given, is piped in from a file (as in `dossier - < story.txt`).
    init(_ arguments: [String] = [], stateHome: String? = nil, cwd: String = Harness.packageRoot.path, stdin: String? = nil,
         width: Int = 100, height: Int = 30, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let binary = try #require(Harness.binary, "dossier is not built", sourceLocation: sourceLocation)
        workDir = Harness.makeTempDir("tmux")
        // A socket of our own inside the work folder: a private server, and no socket file left
        // behind (tmux does not remove it on kill-server).
        socket = workDir + "/socket"
        self.stateHome = stateHome ?? Harness.makeTempDir("state")
        ownsStateHome = stateHome == nil
        statusFile = workDir + "/status"
        var redirect = ""
        if let stdin {
            _ = FileManager.default.createFile(atPath: workDir + "/stdin", contents: Data(stdin.utf8))
            redirect = " <" + Self.quote(workDir + "/stdin")
        }
        let command = [
            "cd \(Self.quote(cwd))",
            "env TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=\(Self.quote(self.stateHome)) XDG_CACHE_HOME=\(Self.quote(self.stateHome + "/cache")) \(Self.quote(binary)) \(arguments.map(Self.quote).joined(separator: " ")) 2>\(Self.quote(workDir + "/stderr"))\(redirect)",
        ].joined(separator: " && ")
        let script = "\(command); echo $? > \(Self.quote(statusFile)).tmp; mv \(Self.quote(statusFile)).tmp \(Self.quote(statusFile)); exec sleep 120"
        // No user configuration, and no tmux status bar, so the program gets the whole window.
        let conf = workDir + "/tmux.conf"
        _ = FileManager.default.createFile(atPath: conf, contents: Data("set -g status off\nset -g escape-time 0\n".utf8))
        let r = tmux(["-f", conf, "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", script])
        try #require(r.status == 0, "tmux new-session failed: \(r.stderr)", sourceLocation: sourceLocation)
    }

    deinit { kill() }

    /// Stops the tmux server and everything in it.
    func kill() {
        _ = tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: workDir)
        if ownsStateHome { try? FileManager.default.removeItem(atPath: stateHome) }
    }

    @discardableResult
    func tmux(_ args: [String]) -> Harness.Result {
        Harness.run("/usr/bin/env", ["tmux", "-S", socket] + args)
    }

    /// Sends tmux key names (`j`, `Tab`, `Escape`, `Enter`, `C-u`).
    func press(_ keys: String...) { tmux(["send-keys", "-t", "0"] + keys) }

    /// Types text literally.
    func type(_ text: String) { tmux(["send-keys", "-t", "0", "-l", text]) }

    /// Writes raw bytes to the program, e.g. a mouse report.
    func sendBytes(_ bytes: [UInt8]) { tmux(["send-keys", "-t", "0", "-H"] + bytes.map { String(format: "%02x", $0) }) }

    /// A left click at zero-based cell (x, y), as an SGR (1006) mouse report: press then release.
    func click(x: Int, y: Int) {
        sendBytes(Array("\u{1b}[<0;\(x + 1);\(y + 1)M\u{1b}[<0;\(x + 1);\(y + 1)m".utf8))
    }

    func screen() -> String {
        let s = tmux(["capture-pane", "-p", "-t", "0"]).stdout
        lastScreen = s
        return s
    }

    /// The screen with its attributes (`capture-pane -e`), to check highlighting and focus.
    func styledScreen() -> StyledScreen { StyledScreen(tmux(["capture-pane", "-p", "-e", "-t", "0"]).stdout) }

    func lines() -> [String] { screen().components(separatedBy: "\n") }

    var alternateScreenOn: Bool { tmux(["display", "-p", "-t", "0", "#{alternate_on}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1" }

    func resize(width: Int, height: Int) { tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"]) }

    /// What the program wrote to standard error.
    var stderr: String { (try? String(contentsOfFile: workDir + "/stderr", encoding: .utf8)) ?? "" }

    /// The screen once it has stopped changing (two captures 60 ms apart agree), so a half-drawn
    /// frame is never judged.
    func settledScreen(timeout: Double = 5) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var previous = screen()
        while Date() < deadline {
            usleep(60_000)
            let now = screen()
            if now == previous { return now }
            previous = now
        }
        return previous
    }

    /// Polls the screen until `predicate` holds on a settled screen; records an issue with the last screen on timeout.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation,
                 _ predicate: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let s = screen()
            if predicate(s) {
                let settled = settledScreen()
                if predicate(settled) { return settled }
            }
            if Date() > deadline {
                Issue.record("timed out waiting for \(what); screen:\n\(s)\nstderr: \(stderr)", sourceLocation: sourceLocation)
                return nil
            }
            usleep(30_000)
        }
    }

    /// Waits until the screen shows `text`.
    @discardableResult
    func waitFor(text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        waitFor("“\(text)”", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Waits until the corpus has loaded in the background: `articles` in the timeline title and
    /// no loading or indexing progress in the status line.
    @discardableResult
    func waitForLoad(articles: Int, timeout: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let label = "\(articles) article\(articles == 1 ? "" : "s")"
        return waitFor("the corpus (\(label)) to load", timeout: timeout, sourceLocation: sourceLocation) {
            $0.pane(1).rows.first?.contains("Timeline · \(label)") == true && $0.contains(" 3 Quotes")
                && !$0.statusLine.contains("loading") && !$0.statusLine.contains("indexing")
        }
    }

    /// Presses keys and waits until the screen differs from what it was before.
    @discardableResult
    func pressAndWaitForChange(_ keys: String..., timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let before = screen()
        tmux(["send-keys", "-t", "0"] + keys)
        return waitFor("the screen to change after \(keys)", timeout: timeout, sourceLocation: sourceLocation) { $0 != before }
    }

    /// The exit status the shell recorded after the program ended, or nil on timeout.
    func waitForExit(timeout: Double = 15) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try? String(contentsOfFile: statusFile, encoding: .utf8), let n = Int32(s.trimmingCharacters(in: .whitespacesAndNewlines)) { return n }
            usleep(30_000)
        }
        return nil
    }

    /// Presses `q`, then checks the program exited 0 and left the alternate screen.
    func quitCleanly(sourceLocation: SourceLocation = #_sourceLocation) {
        press("q")
        let status = waitForExit()
        #expect(status == 0, "exit status after q: \(status.map(String.init) ?? "none (still running)"); screen:\n\(screen())\nstderr: \(stderr)", sourceLocation: sourceLocation)
        #expect(!alternateScreenOn, "still in the alternate screen after quitting", sourceLocation: sourceLocation)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

extension String {
    /// The rows of a captured screen.
    var rows: [String] { components(separatedBy: "\n") }

    /// The text of the pane whose title row starts with ` N ` (1 timeline, 2 article, 3 quotes), up
    /// to the next pane title or the status line.
    func pane(_ number: Int) -> String {
        let r = rows
        let statusRow = r.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? r.count
        guard let start = r.firstIndex(where: { $0.hasPrefix(" \(number) ") }), start < statusRow else { return "" }
        let end = r[(start + 1)..<statusRow].firstIndex(where: { $0.range(of: #"^ [123] [A-Z]"#, options: .regularExpression) != nil }) ?? statusRow
        return r[start..<end].joined(separator: "\n")
    }

    /// The bottom row (the status line).
    var statusLine: String { rows.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? "" }
}
