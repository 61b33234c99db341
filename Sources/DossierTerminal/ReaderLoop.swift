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
    public func run(_ initial: ReaderState, keymap: Keymap = .standard, useColor: Bool, timingsPath: String? = nil) throws -> (ReaderState, Int32) {
        let screen = try Screen(useColor: useColor)
        defer { screen.close() }
        var timings: FileHandle? = nil
        if let path = timingsPath {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            timings = FileHandle(forWritingAtPath: path)
        }
        var state = reduce(initial, .resize(screen.size))
        screen.draw(render(state, keymap: keymap))
        var status: Int32 = 0
        while !state.shouldQuit {
            var changed = false
            for a in drain() { state = reduce(state, a); changed = true }
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
            if let label, let timings {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
                timings.write(Data("\(label)\t\(String(format: "%.3f", ms))\n".utf8))
            }
        }
        try? timings?.close()
        return (state, status)
    }
}
