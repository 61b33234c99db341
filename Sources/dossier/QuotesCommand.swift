import ArgumentParser
import DossierCore
import Foundation

/// `dossier quotes`: every quote and reported statement with its speaker.
struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quotes", abstract: "Print every quote and reported statement with its speaker and offsets.")
    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON: [{file, text, speaker, kind, start, end}].") var json = false

    func run() {
        let c = corpus.load()
        if json { Output.jsonArray(c.articles.lazy.flatMap { a in a.quotes.map { QuoteJSON(a, $0) } }); return }
        for a in c.articles where !a.quotes.isEmpty {
            Output.line(a.id)
            for q in a.quotes {
                let body = q.kind == .reported ? q.text : "“\(q.text)”"
                Output.line("  [\(q.range.start)-\(q.range.end)] \(q.speaker ?? "unattributed") (\(q.kind.rawValue)): \(body)")
            }
        }
    }
}
