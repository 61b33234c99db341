import CNcursesw
import DossierCore
import DossierUI
import Dispatch
import Glibc

/// Why the reader could not start on this terminal.
public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
}

/// An ncurses screen: set up, draw canvases, read keys, and always put the terminal back.
public final class Screen {
    private var screen: OpaquePointer?
    private let colors: ColorScheme
    /// Consecutive reads that failed without waiting (see `next`).
    private var quickErrors = 0
    /// False when no UTF-8 locale exists: wide characters are drawn as ASCII placeholders.
    public let unicode: Bool

    /// Opens the screen on the controlling terminal; fails with a clear message where curses cannot run.
    public init(useColor: Bool) throws {
        // Like less: with an article piped in, keys come from the controlling terminal.
        if isatty(STDIN_FILENO) != 1, isatty(STDOUT_FILENO) == 1 {
            let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
            if fd >= 0 { terminalInputFD = fd }
        }
        guard isatty(terminalInputFD) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError(description: "the reader needs a terminal; use a subcommand (e.g. `dossier articles`) for scripts")
        }
        unicode = Screen.setUTF8Locale()
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        var err: Int32 = 0
        if term.isEmpty || setupterm(nil, STDOUT_FILENO, &err) != OK {
            throw TerminalError(description: "unknown terminal type '\(term)'; set TERM (e.g. TERM=xterm-256color) to run the reader")
        }
        if let cup = tigetstr("cup"), Int(bitPattern: cup) != -1, Int(bitPattern: cup) != 0 {} else {
            throw TerminalError(description: "terminal '\(term)' cannot move the cursor, so the reader cannot run; use a subcommand (e.g. `dossier articles`) or another terminal")
        }
        dossier_free_setupterm()
        TerminalRestore.save()
        TerminalRestore.installHandlers()
        setenv("ESCDELAY", "25", 0)
        guard let s = dossier_newterm_fd(terminalInputFD) else {
            throw TerminalError(description: "cannot start curses on terminal '\(term)'")
        }
        screen = s
        set_term(s)
        TerminalRestore.prepare(exitCA: Screen.capability("rmcup"), showCursor: Screen.capability("cnorm"), keypadOff: Screen.capability("rmkx"))
        terminalActive = true
        TerminalRestore.divertStderr()
        colors = ColorScheme(useColor: useColor)
        cbreak()
        noecho()
        nonl()
        keypad(dossier_stdscr(), true)
        intrflush(dossier_stdscr(), false)
        curs_set(0)
        var old: mmask_t = 0
        mousemask(dossier_button1_clicked() | dossier_button4_pressed() | dossier_button5_pressed(), &old)
        mouseinterval(0)
    }

    deinit { close() }

    /// Leaves curses mode and restores the terminal; safe to call twice.
    public func close() {
        guard let s = screen else { return }
        curs_set(1)
        endwin()
        delscreen(s)
        screen = nil
        terminalActive = false
        TerminalRestore.restoreStderr()
        TerminalRestore.removeHandlers()
    }

    public var size: Size { Size(width: Int(dossier_getmaxx(dossier_stdscr())), height: Int(dossier_getmaxy(dossier_stdscr()))) }

    /// Copies a canvas to the screen; ncurses sends only what changed. Clipped to the real
    /// screen (a resize may land between render and draw), and every scalar is checked once
    /// more so no pane can send a control sequence by mistake.
    public func draw(_ canvas: Canvas) {
        let rows = Int(dossier_getmaxy(dossier_stdscr())), cols = Int(dossier_getmaxx(dossier_stdscr()))
        let height = min(canvas.height, rows), width = min(canvas.width, cols)
        var run: [wchar_t] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let first = canvas[x, y]
                run.removeAll(keepingCapacity: true)
                var end = x
                while end < width, canvas[end, y].style == first.style, canvas[end, y].role == first.role {
                    let cell = canvas[end, y]
                    if !cell.continuation { append(cell, clipped: end + 1 == width && end + 1 < canvas.width && canvas[end + 1, y].continuation, to: &run) }
                    end += 1
                }
                if y == rows - 1, end == cols, !run.isEmpty { run.removeLast() }  // never write the last cell: it scrolls some terminals
                let (attr, pair) = colors.attributes(style: first.style, role: first.role)
                _ = run.withUnsafeBufferPointer { dossier_draw(Int32(y), Int32(x), $0.baseAddress, Int32($0.count), attr, pair) }
                x = end
            }
        }
        refresh()
    }

    /// One cell as wide characters: unsafe scalars as placeholders, a wide character cut by the
    /// right edge as a space, and without a UTF-8 locale '?' per column.
    private func append(_ cell: Cell, clipped: Bool, to run: inout [wchar_t]) {
        if clipped { run.append(32); return }
        if unicode || cell.character.isASCII {
            for s in cell.character.unicodeScalars {
                let safe = TerminalSafe.isUnsafe(s) || s == "\n" || s == "\t" || s == "\r" ? TerminalSafe.placeholder(s) : s
                run.append(wchar_t(bitPattern: unicode || safe.isASCII ? safe.value : 63))
            }
        } else {
            for _ in 0..<max(1, DisplayWidth.of(cell.character)) { run.append(63) }
        }
    }

    /// What happened while waiting up to `timeout` milliseconds.
    public enum Event { case key(Key), resize(Size), timeout, signal(Int32) }

    public func next(timeout milliseconds: Int32) -> Event {
        if pendingSignal != 0 { return .signal(pendingSignal) }
        timeout(milliseconds)
        var ch: wint_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let status = get_wch(&ch)
        if pendingSignal != 0 { return .signal(pendingSignal) }
        if status == ERR, milliseconds > 0, DispatchTime.now().uptimeNanoseconds - started < 2_000_000 {
            // get_wch returned at once instead of waiting: the terminal may be gone (a hang-up
            // with SIGHUP ignored), which would otherwise spin here forever.
            quickErrors += 1
            if quickErrors >= 20, Screen.inputGone() { return .signal(SIGHUP) }
        } else {
            quickErrors = 0
        }
        if status == KEY_CODE_YES, Int32(ch) == dossier_key_resize() { return .resize(size) }
        if status == KEY_CODE_YES, Int32(ch) == dossier_key_mouse() {
            var m = MEVENT()
            guard getmouse(&m) == OK else { return .timeout }
            let kind: MouseEvent.Kind
            if m.bstate & dossier_button4_pressed() != 0 { kind = .wheelUp } else if dossier_button5_pressed() != 0, m.bstate & dossier_button5_pressed() != 0 { kind = .wheelDown } else if m.bstate & dossier_button1_clicked() != 0 { kind = .click } else { return .timeout }
            return .key(.mouse(MouseEvent(kind: kind, x: Int(m.x), y: Int(m.y))))
        }
        if status == ERR { return .timeout }
        if let key = KeyDecoder.decode(status: status, code: UInt32(ch)) { return .key(key) }
        return .timeout
    }

    /// True when standard input has hung up or is no longer a terminal.
    static func inputGone() -> Bool {
        var p = pollfd(fd: terminalInputFD, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, 0) >= 0 else { return true }
        return p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 || isatty(terminalInputFD) != 1
    }

    static func capability(_ name: String) -> String? {
        guard let p = tigetstr(name), Int(bitPattern: p) != -1, Int(bitPattern: p) != 0 else { return nil }
        return String(cString: p)
    }

    /// Uses the user's locale if it is UTF-8, else falls back to a UTF-8 locale that exists.
    static func setUTF8Locale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8() { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"] {
            if setlocale(LC_ALL, name) != nil, isUTF8() { return true }
        }
        setlocale(LC_ALL, "")
        return false
    }

    static func isUTF8() -> Bool {
        dossier_locale_is_utf8() != 0
    }
}
