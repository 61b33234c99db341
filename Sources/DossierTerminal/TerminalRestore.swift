import CNcursesw
import Glibc

/// What is needed to put the terminal back from inside a signal handler, where ncurses
/// cannot be called safely: the saved termios and the escape strings, prepared in advance.
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var haveSavedTermios = false
nonisolated(unsafe) private var restoreBytesPointer: UnsafeMutablePointer<UInt8>? = nil
nonisolated(unsafe) private var restoreBytesCount = 0
nonisolated(unsafe) var terminalActive = false
/// Where keys come from: standard input, or the controlling terminal when stdin is a pipe.
nonisolated(unsafe) var terminalInputFD: Int32 = STDIN_FILENO
/// The last termination signal received (0 for none); the event loop polls it.
nonisolated(unsafe) var pendingSignal: Int32 = 0
/// The real standard error while it is diverted to a file (-1 when it is not).
nonisolated(unsafe) private var savedStderr: Int32 = -1
nonisolated(unsafe) private var copyBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
/// The handlers that were there before ours (the Swift runtime's backtracer), by signal number.
nonisolated(unsafe) private var previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
nonisolated(unsafe) private var chainCrashes = false
nonisolated(unsafe) private var handlersInstalled = false
nonisolated(unsafe) private var atexitRegistered = false
nonisolated(unsafe) private var alternateStack: UnsafeMutableRawPointer? = nil

enum TerminalRestore {
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS]
    /// At most this much of what was written to standard error during curses mode is replayed.
    static let replayLimit = 64 << 10

    /// Saves the terminal modes before curses changes them.
    static func save() {
        haveSavedTermios = tcgetattr(terminalInputFD, &savedTermios) == 0
    }

    /// Prepares the bytes that stop mouse reports, reset attributes, leave keypad-transmit mode
    /// and the alternate screen, and show the cursor.
    static func prepare(exitCA: String?, showCursor: String?, keypadOff: String?) {
        var s = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[0m"
        s += keypadOff ?? ""
        s += exitCA ?? "\u{1B}[?1049l"
        s += showCursor ?? "\u{1B}[?25h"
        let bytes = Array(s.utf8)
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        p.initialize(from: bytes, count: bytes.count)
        let old = restoreBytesPointer
        restoreBytesCount = 0
        restoreBytesPointer = p
        restoreBytesCount = bytes.count
        old?.deallocate()
    }

    /// Sends standard error to an unlinked temp file while curses owns the screen, so runtime
    /// messages (a fatal error's reason) neither smear the screen nor vanish with it.
    static func divertStderr() {
        guard savedStderr < 0, isatty(STDERR_FILENO) == 1 else { return }
        let dir = String(cString: getenv("TMPDIR") ?? strdup("/tmp"))
        var template = Array((dir + "/dossier-stderr-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        let saved = dup(STDERR_FILENO)
        guard saved >= 0, dup2(fd, STDERR_FILENO) >= 0 else {
            close(fd)
            if saved >= 0 { close(saved) }
            return
        }
        close(fd)
        savedStderr = saved
    }

    /// Async-signal-safe: puts standard error back and replays what was written meanwhile,
    /// with control bytes made visible.
    static func restoreStderr() {
        let real = savedStderr
        guard real >= 0 else { return }
        savedStderr = -1
        let end = lseek(STDERR_FILENO, 0, SEEK_END)
        if end > 0 {
            _ = lseek(STDERR_FILENO, max(0, end - off_t(replayLimit)), SEEK_SET)
            while true {
                let n = read(STDERR_FILENO, copyBuffer, 4096)
                if n <= 0 { break }
                neutralize(copyBuffer, n)
                _ = write(real, copyBuffer, n)
            }
        }
        _ = dup2(real, STDERR_FILENO)
        close(real)
    }

    /// Replaces C0 controls (except tab and newline), DEL and UTF-8-encoded C1 controls with '?'.
    static func neutralize(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) {
        var i = 0
        while i < n {
            let b = p[i]
            if (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F { p[i] = 0x3F }
            if b == 0xC2, i + 1 < n, p[i + 1] >= 0x80, p[i + 1] <= 0x9F { p[i] = 0x3F; p[i + 1] = 0x3F; i += 1 }
            i += 1
        }
    }

    /// Async-signal-safe: write(), tcsetattr(), dup2() and friends only.
    static func emergency() {
        guard terminalActive else { return }
        terminalActive = false
        if let p = restoreBytesPointer { _ = write(STDOUT_FILENO, p, restoreBytesCount) }
        if haveSavedTermios { _ = tcsetattr(terminalInputFD, TCSAFLUSH, &savedTermios) }
        restoreStderr()
    }

    /// Installs handlers: termination signals end the loop cleanly (a second one exits at once);
    /// crash signals restore the terminal and then die as they would have. The Swift runtime's
    /// backtracer is skipped unless SWIFT_BACKTRACE asks for it, so it never prompts in the screen.
    static func installHandlers() {
        guard !handlersInstalled else { return }
        handlersInstalled = true
        pendingSignal = 0
        chainCrashes = getenv("SWIFT_BACKTRACE") != nil
        installAlternateStack()
        for sig in terminationSignals {
            setHandler(sig, flags: SA_RESTART) { s in
                if pendingSignal != 0 {
                    TerminalRestore.emergency()
                    _exit(128 + s)
                }
                pendingSignal = s
            }
        }
        for sig in crashSignals {
            setHandler(sig, flags: SA_ONSTACK | Int32(bitPattern: UInt32(SA_RESETHAND))) { s in
                TerminalRestore.emergency()
                if chainCrashes {
                    _ = sigaction(s, previousActions + Int(s), nil)
                } else {
                    signal(s, SIG_DFL)
                }
                raise(s)
            }
        }
        if !atexitRegistered {
            atexitRegistered = true
            atexit { TerminalRestore.emergency() }
        }
    }

    /// Puts back the handlers that were there before (once the screen is closed).
    static func removeHandlers() {
        guard handlersInstalled else { return }
        handlersInstalled = false
        for sig in terminationSignals + crashSignals { _ = sigaction(sig, previousActions + Int(sig), nil) }
    }

    private static func setHandler(_ sig: Int32, flags: Int32, _ handler: @escaping @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        _ = sigaction(sig, &action, previousActions + Int(sig))
    }

    /// Lets the crash handler run even when the main thread's stack overflowed.
    private static func installAlternateStack() {
        guard alternateStack == nil else { return }
        let size = 1 << 16
        guard let mem = malloc(size) else { return }
        var stack = stack_t()
        stack.ss_sp = mem
        stack.ss_size = size
        stack.ss_flags = 0
        if sigaltstack(&stack, nil) == 0 { alternateStack = mem } else { free(mem) }
    }
}
