import ArgumentParser
import DossierCore
import Foundation

/// `dossier articles`: titles, dates and clean paragraphs.
struct Articles: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "articles", abstract: "Print each article's title, publication date (with evidence) and clean story text.")
    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON: [{file, title, published, precision, evidence, paragraphs}].") var json = false

    func run() {
        let c = corpus.load()
        if json { Output.jsonArray(c.articles.lazy.map(ArticleJSON.init)); return }
        for a in c.articles {
            Output.line("\(a.id) · \(a.published.date?.iso ?? "?") (\(a.published.precision.rawValue)) · \(a.title ?? "(no headline)")")
            Output.line("  date: \(a.published.evidence)")
            for p in a.paragraphs { Output.line("  " + p.text) }
            Output.line()
        }
    }
}
