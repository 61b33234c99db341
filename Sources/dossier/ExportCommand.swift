import ArgumentParser
import DossierCore
import DossierUI
import Foundation

/// `dossier export --starred`: starred quotes for a report.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export starred quotes (starred with * in the reader) as Markdown, CSV or JSON.")
    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, csv, json }
    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Export the quotes starred in the reader.") var starred = false
    @Option(help: "markdown, csv or json.") var format: Format = .markdown

    func run() throws {
        guard starred else { throw ValidationError("nothing to export: add --starred") }
        let c = corpus.load()
        let (saved, warning) = StateStore().load(SavedPosition.self, corpus: corpus.key)
        if let warning { Output.warn(warning) }
        let rows = StarExport.rows(corpus: c, stars: saved?.marks.stars ?? [])
        let text = StarExport.render(rows, format: format.rawValue)
        // Quote text comes from articles: never raw to a terminal, and JSON always escaped.
        Output.write(format == .json ? Output.escapeUnsafe(text) : Output.stdoutIsTerminal ? TerminalSafe.visible(text, keepLayout: true) : text)
    }
}
