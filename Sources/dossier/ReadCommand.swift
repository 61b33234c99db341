import ArgumentParser
import DossierCore
import DossierTerminal
import DossierUI
import Foundation

/// Opens the interactive reader.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the three-pane reader (the default).")
    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let store = StateStore()
        let loaded = corpus.load()
        var state = ReaderState(corpus: loaded)
        let (saved, warning) = store.load(SavedPosition.self, corpus: corpus.key)
        if let saved { state = reduce(state, .restore(saved)) }
        if let warning { state.message = warning }
        if !loaded.problems.isEmpty, state.message == nil {
            state.message = "\(loaded.problems.count) file(s) skipped: run `dossier articles` to see why"
        }
        let useColor = (env["NO_COLOR"] ?? "").isEmpty
        do {
            let (final, status) = try ReaderLoop().run(state, useColor: useColor, timingsPath: env["DOSSIER_TIMINGS"])
            if let err = store.save(final.savedPosition, corpus: corpus.key) { Output.warn(err) }
            if status != 0 { throw ExitCode(status) }
        } catch let e as TerminalError {
            Output.fail(e.description, status: 2)
        }
    }
}
