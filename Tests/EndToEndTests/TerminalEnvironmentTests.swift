import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import DossierTestSupport

/// Odd terminals: tiny and huge sizes, resize storms, many TERM values, no UTF-8 locale.
@Suite("Odd terminals", .serialized, .enabled(if: TerminalFixtures.hasTmux, "needs tmux (.ci/run installs it)"))
struct TerminalEnvironmentTests {
    @Test("sizes from 1x1 to 400x120 start, draw and quit", arguments: [
        (1, 1), (2, 2), (5, 1), (1, 40), (19, 5), (20, 6), (40, 10), (80, 24), (132, 43), (200, 60), (400, 120),
    ])
    func sizes(_ size: (Int, Int)) throws {
        let (w, h) = size
        let s = try #require(TerminalReaderSession(width: w, height: h))
        #expect(TerminalTmux.wait(20) { s.tmux.display("#{alternate_on}") == "1" && s.readerPid != nil }, "\(w)x\(h): started")
        usleep(300_000)
        let screen = s.tmux.capture()
        if w >= 20, h >= 6 {
            #expect(screen.contains("Timeline"), "\(w)x\(h): panes drawn")
        } else if w >= 18 {
            #expect(screen.contains("terminal too small"), "\(w)x\(h)")
        }
        let pid = try #require(s.readerPid)
        #expect(TerminalProc.alive(pid), "\(w)x\(h): still running")
        s.tmux.sendKeys(["q"])
        #expect(s.waitExit() == 0, "\(w)x\(h)")
        s.expectRestored("\(w)x\(h)")
    }

    @Test("a resize storm neither crashes nor wedges the reader; it recovers when it grows")
    func resizeStorm() throws {
        let s = try #require(TerminalReaderSession(width: 100, height: 30))
        #expect(s.waitReady())
        let pid = try #require(s.readerPid)
        var rng = SplitMix(seed: 2024)
        let clock = ContinuousClock()
        let start = clock.now
        for i in 0..<150 {
            let w = i % 10 == 0 ? 1 : 1 + Int(rng.next() % 400), h = i % 10 == 0 ? 1 : 1 + Int(rng.next() % 120)
            s.tmux.resize(width: w, height: h)
            if i % 3 == 0 { for _ in 0..<10 { kill(pid, SIGWINCH) } }
        }
        print("[terminal] 150 resizes and 500 SIGWINCH in \(clock.now - start)")
        #expect(TerminalProc.alive(pid), "survived the storm")
        s.tmux.resize(width: 12, height: 3)
        #expect(TerminalTmux.wait(10) { s.tmux.capture().contains("terminal") }, "says it is too small")
        s.tmux.resize(width: 100, height: 30)
        #expect(TerminalTmux.wait(10) { s.tmux.capture().contains("Timeline") }, "recovers when it grows")
        s.tmux.sendKeys(["j", "k", "q"])
        #expect(s.waitExit() == 0)
        s.expectRestored("resize storm")
    }

    /// Starts the reader with `TERM=name`, checks it draws and quits cleanly.
    func runs(term name: String) throws {
        let s = try #require(TerminalReaderSession(env: ["TERM": name, "LANG": "C.UTF-8"]))
        #expect(s.waitReady(), "TERM=\(name): reader drawn")
        s.tmux.sendKeys(["Tab", "j", "q"])
        #expect(s.waitExit() == 0, "TERM=\(name)")
        s.expectRestored("TERM=\(name)")
    }

    @Test("TERM=xterm-256color", .enabled(if: TerminalFixtures.hasTerminfo("xterm-256color"), "no terminfo entry"))
    func xterm() throws { try runs(term: "xterm-256color") }

    @Test("TERM=screen-256color", .enabled(if: TerminalFixtures.hasTerminfo("screen-256color"), "no terminfo entry"))
    func screen() throws { try runs(term: "screen-256color") }

    @Test("TERM=tmux-256color", .enabled(if: TerminalFixtures.hasTerminfo("tmux-256color"), "no terminfo entry (ncurses-term)"))
    func tmux() throws { try runs(term: "tmux-256color") }

    @Test("TERM=vt100", .enabled(if: TerminalFixtures.hasTerminfo("vt100"), "no terminfo entry"))
    func vt100() throws { try runs(term: "vt100") }

    @Test("TERM=linux", .enabled(if: TerminalFixtures.hasTerminfo("linux"), "no terminfo entry"))
    func linux() throws { try runs(term: "linux") }

    @Test("terminals where curses cannot run: a clear message and a non-zero exit", arguments: [
        ("dumb", "cannot move the cursor"), ("no-such-terminal-xyz", "unknown terminal type"), ("", "set TERM"),
    ])
    func unusable(_ c: (String, String)) throws {
        let (name, message) = c
        let s = try #require(TerminalReaderSession(env: ["TERM": name, "LANG": "C.UTF-8"], stderrToFile: true))
        let status = s.waitExit()
        #expect(status != nil && status != 0, "TERM=\(name): exit \(String(describing: status))")
        #expect(s.stderrText.contains(message), "TERM=\(name): \(s.stderrText)")
        #expect(s.stderrText.split(separator: "\n").count == 1, "one line")
        s.expectRestored("TERM=\(name)")
    }

    @Test("LANG=C falls back to a UTF-8 locale when one exists, else ASCII placeholders")
    func cLocale() throws {
        let locales = TerminalFixtures.run("/usr/bin/env", ["locale", "-a"]).out
        let hasUTF8 = String(decoding: locales, as: UTF8.self).lowercased().contains("utf")
        let s = try #require(TerminalReaderSession(env: ["TERM": "xterm-256color", "LANG": "C", "LC_ALL": "C"]))
        #expect(s.waitReady())
        s.tmux.sendKeys(["2"])
        usleep(300_000)
        let screen = s.tmux.capture()
        if hasUTF8 {
            #expect(screen.contains("Zürich") && screen.contains("東京"), "wide and accented characters drawn:\n\(screen)")
        } else {
            #expect(screen.contains("Z?rich") && screen.contains("????"), "ASCII placeholders:\n\(screen)")
        }
        s.tmux.sendKeys(["q"])
        #expect(s.waitExit() == 0)
        s.expectRestored("LANG=C")
    }

    @Test("an unreadable file is reported with dropped privileges (chmod 000 does not stop root)",
          .enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv to drop privileges"))
    func unreadableFileAsNobody() throws {
        let dir = TerminalTempDir()
        chmod(dir.path, 0o755)
        dir.write("open.txt", "Open story\n\nAnyone can read this.\n")
        let secret = dir.write("secret.txt", "Secret story\n\nNobody may read this.\n")
        chmod(secret, 0)
        try FileManager.default.createDirectory(atPath: dir.file("locked"), withIntermediateDirectories: true)
        dir.write("locked/inner.txt", "Inner\n\nHidden.\n")
        chmod(dir.file("locked"), 0)
        defer { chmod(dir.file("locked"), 0o755) }
        var env = TerminalFixtures.environment()
        env["HOME"] = "/tmp"
        let r = TerminalFixtures.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", TerminalFixtures.binary, "articles", dir.path], env: env)
        let err = String(decoding: r.err, as: UTF8.self), out = String(decoding: r.out, as: UTF8.self)
        try #require(!err.contains("Permission denied") || err.contains("secret.txt"), "the binary must be runnable as nobody: \(err)")
        #expect(r.status == 0)
        #expect(err.contains("secret.txt: skipped: no permission to read"), "\(err)")
        #expect(err.contains("locked: cannot list folder"), "\(err)")
        #expect(out.contains("Anyone can read this."))
        #expect(!out.contains("Nobody may read this."))
    }
}

