import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// However the reader ends, the terminal comes back: main screen, cursor, echo, canonical mode.
@Suite("Terminal restored on every way out", .serialized, .enabled(if: TerminalFixtures.hasTmux, "needs tmux (.ci/run installs it)"))
struct TerminalExitTests {
    @Test("q quits with status 0")
    func quitKey() throws {
        let s = try #require(TerminalReaderSession())
        #expect(s.waitReady())
        #expect(s.tmux.display("#{alternate_on}") == "1", "the reader uses the alternate screen")
        s.tmux.sendKeys(["q"])
        #expect(s.waitExit() == 0)
        s.expectRestored("q")
    }

    @Test("termination signals end the reader cleanly", arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    func terminationSignal(_ sig: Int32) throws {
        let s = try #require(TerminalReaderSession())
        #expect(s.waitReady())
        let pid = try #require(s.readerPid)
        let clock = ContinuousClock()
        let start = clock.now
        kill(pid, sig)
        let status = s.waitExit()
        print("[terminal] signal \(sig): exit \(status.map(String.init) ?? "none") after \(clock.now - start)")
        #expect(status == 128 + Int(sig))
        s.expectRestored("signal \(sig)")
    }

    @Test("a second SIGINT exits at once, still restoring the terminal")
    func doubleInterrupt() throws {
        let s = try #require(TerminalReaderSession())
        #expect(s.waitReady())
        let pid = try #require(s.readerPid)
        kill(pid, SIGINT)
        kill(pid, SIGINT)
        #expect(s.waitExit() == 128 + Int(SIGINT))
        s.expectRestored("double SIGINT")
    }

    @Test("crash signals restore the terminal and show no backtrace prompt", arguments: [SIGSEGV, SIGABRT, SIGBUS])
    func crashSignal(_ sig: Int32) throws {
        let s = try #require(TerminalReaderSession())
        #expect(s.waitReady())
        let pid = try #require(s.readerPid)
        kill(pid, sig)
        let status = s.waitExit()
        print("[terminal] crash signal \(sig): exit \(status.map(String.init) ?? "none")")
        #expect(status == 128 + Int(sig), "dies by the signal, as the shell sees it")
        s.expectRestored("crash signal \(sig)")
    }
}
