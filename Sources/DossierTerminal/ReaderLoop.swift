import DossierUI
import Foundation
import Glibc

/// The event loop: key → action → reduce → render → draw. Background work reaches the loop
/// through `inbox` as actions, so the state only ever changes in `reduce`.
public final class ReaderLoop: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Action] = []

    public init() {}

    /// Hands an action to the loop from any thread.
    public func post(_ action: Action) {
        lock.lock(); pending.append(action); lock.unlock()
    }

    private func drain() -> [Action] {
        lock.lock(); defer { lock.unlock() }
        let out = pending; pending = []
        return out
    }

    /// Runs until quit or a termination signal; returns the final state and exit status.
    ///
    /// With `timingsPath`, one line per input event: its label and the milliseconds from input to
    /// the frame drawn. Two lines mark the start: `first-frame` and `indexed` (the corpus loaded
    /// and searchable), each with the milliseconds since `launchedAt` and the CLOCK_MONOTONIC
    /// time in milliseconds, so that a program that started the reader can measure from outside.
    public func run(_ initial: ReaderState, keymap: Keymap = .standard, useColor: Bool, timingsPath: String? = nil,
                    launchedAt: UInt64 = Monotonic.nanoseconds()) throws -> (ReaderState, Int32) {
        let screen = try Screen(useColor: useColor)
        defer { screen.close() }
        var timings: FileHandle? = nil
        if let path = timingsPath {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            timings = FileHandle(forWritingAtPath: path)
        }
        func mark(_ label: String) {
            let t = Monotonic.nanoseconds()
            timings?.write(Data(String(format: "%@\t%.3f\t%.3f\n", label, Double(t - launchedAt) / 1e6, Double(t) / 1e6).utf8))
        }
        var state = reduce(initial, .resize(screen.size))
        screen.draw(render(state, keymap: keymap))
        mark("first-frame")
        var status: Int32 = 0
        /// The timing line owed once the frame with a newly loaded corpus is drawn.
        var loaded: String?
        while !state.shouldQuit {
            var changed = false
            for a in drain() {
                state = reduce(state, a); changed = true
                if case .corpusLoaded(let box) = a { loaded = box.isPreview ? "preview" : "indexed" }
            }
            let event = screen.next(timeout: changed || state.search.inProgress ? 0 : 50)
            let t0 = DispatchTime.now().uptimeNanoseconds
            var label: String? = nil
            switch event {
            case .signal(let s):
                status = 128 + s
                state.shouldQuit = true
                continue
            case .timeout:
                if state.search.inProgress { state = reduce(state, .searchStep) } else if !changed { continue }
            case .resize(let size):
                state = reduce(state, .resize(size)); label = "resize"
            case .key(let key):
                label = key.label
                if let a = action(for: key, in: state, keymap: keymap) { state = reduce(state, a) }
            }
            screen.draw(render(state, keymap: keymap))
            if let l = loaded { mark(l); loaded = nil }
            if let label, let timings {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
                timings.write(Data("\(label)\t\(String(format: "%.3f", ms))\n".utf8))
            }
        }
        try? timings?.close()
        return (state, status)
    }
}

/// CLOCK_MONOTONIC, which another process on the machine reads the same way.
public enum Monotonic {
    public static func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
