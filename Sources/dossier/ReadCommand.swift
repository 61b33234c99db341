import ArgumentParser
import DossierCore
import DossierTerminal
import DossierUI
import Foundation

/// Opens the interactive reader. The screen comes up at once; the corpus is read and parsed on
/// background threads and arrives in the loop as actions, with progress in the status line.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read", abstract: "Open the three-pane reader (the default).")
    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let launched = Monotonic.nanoseconds()
        let env = ProcessInfo.processInfo.environment
        for p in corpus.paths where p != "-" && !FileManager.default.fileExists(atPath: p) {
            Output.fail("\(p): no such file or directory; give a folder or .txt/.md/.jsonl files (or none for the seeds)")
        }
        let store = StateStore()
        let key = corpus.key
        var state = ReaderState(corpus: Corpus())
        state.progress = ReaderState.Progress(done: 0, total: 0, rate: 0)
        let (saved, warning) = store.load(SavedPosition.self, corpus: key)
        if let warning { state.message = warning }

        let loop = ReaderLoop()
        let options = corpus
        Thread.detachNewThread {
            BackgroundLoad.run(options, saved: saved, post: loop.post)
        }
        let useColor = (env["NO_COLOR"] ?? "").isEmpty
        do {
            let (final, status) = try loop.run(state, useColor: useColor, timingsPath: env["DOSSIER_TIMINGS"], launchedAt: launched)
            if !final.corpus.articles.isEmpty, let err = store.save(final.savedPosition, corpus: key) { Output.warn(err) }
            if status != 0 { throw ExitCode(status) }
        } catch let e as TerminalError {
            Output.fail(e.description, status: 2)
        }
    }
}

/// Loads the corpus (through the parse cache), posting progress, then the corpus and saved
/// position. A long cold load posts its first few hundred articles first, to read while the rest
/// is parsed; the whole corpus then takes their place, at the article being read.
enum BackgroundLoad {
    static func run(_ options: CorpusOptions, saved: SavedPosition?, post: @escaping @Sendable (Action) -> Void) {
        let start = Date()
        var restored = false
        let (corpus, report) = options.loadCorpus(progress: { done, total in
            let rate = Double(done) / max(0.001, Date().timeIntervalSince(start))
            post(.progress(done: done, total: max(total, done), rate: rate))
        }, preview: { first in
            post(.corpusLoaded(CorpusBox(first, isPreview: true)))
            if let saved, let id = saved.article, first.articles.index(ofID: id) != nil {
                post(.restore(saved))
                restored = true
            }
        })
        post(.corpusLoaded(CorpusBox(corpus)))
        post(.progress(done: 1, total: 1, rate: 0))
        if let warning = report.warning { post(.showMessage(warning)) }
        if let saved, !restored { post(.restore(saved)) }
        if corpus.articles.isEmpty {
            post(.showMessage(options.paths.isEmpty ? "no articles found" : "no readable articles in \(options.paths.joined(separator: " "))"))
        } else if !corpus.problems.isEmpty {
            post(.showMessage("\(corpus.problems.count) file(s) skipped: run `dossier articles` to see why"))
        }
        // Once the reader has the corpus: "also reported by" stops scanning every link, and
        // the first jump to a speaker does not wait for the table of quotes by speaker.
        corpus.linkLookup.prepare()
        corpus.articles.prepare()
    }
}
