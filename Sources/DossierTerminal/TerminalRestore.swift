import CNcursesw
import Glibc

/// What is needed to put the terminal back from inside a signal handler, where ncurses
/// cannot be called safely: the saved termios and the escape strings, prepared in advance.
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var haveSavedTermios = false
nonisolated(unsafe) private var restoreBytes: [UInt8] = []
nonisolated(unsafe) private var restoreBytesPointer: UnsafeMutablePointer<UInt8>? = nil
nonisolated(unsafe) private var restoreBytesCount = 0
nonisolated(unsafe) var terminalActive = false
/// The last termination signal received (0 for none); the event loop polls it.
nonisolated(unsafe) var pendingSignal: Int32 = 0

enum TerminalRestore {
    /// Saves the terminal modes before curses changes them.
    static func save() {
        haveSavedTermios = tcgetattr(STDIN_FILENO, &savedTermios) == 0
    }

    /// Prepares the bytes that leave the alternate screen, show the cursor and stop mouse reports.
    static func prepare(exitCA: String?, showCursor: String?) {
        var s = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[0m"
        s += exitCA ?? "\u{1B}[?1049l"
        s += showCursor ?? "\u{1B}[?25h"
        restoreBytes = Array(s.utf8)
        restoreBytesPointer?.deallocate()
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: restoreBytes.count)
        p.initialize(from: restoreBytes, count: restoreBytes.count)
        restoreBytesPointer = p
        restoreBytesCount = restoreBytes.count
    }

    /// Async-signal-safe: write() and tcsetattr() only.
    static func emergency() {
        guard terminalActive else { return }
        terminalActive = false
        if let p = restoreBytesPointer { _ = write(STDOUT_FILENO, p, restoreBytesCount) }
        if haveSavedTermios { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTermios) }
    }

    /// Installs handlers: termination signals end the loop cleanly; crash signals restore the
    /// terminal and then die as they would have (no backtrace prompt inside the curses screen).
    static func installHandlers() {
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(sig) { s in
                if pendingSignal != 0 {  // a second signal: stop waiting for the loop
                    TerminalRestore.emergency()
                    _exit(128 + s)
                }
                pendingSignal = s
            }
        }
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
            signal(sig) { s in
                TerminalRestore.emergency()
                signal(s, SIG_DFL)
                raise(s)
            }
        }
        atexit { TerminalRestore.emergency() }
    }
}
