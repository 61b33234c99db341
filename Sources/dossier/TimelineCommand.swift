import ArgumentParser
import DossierCore
import Foundation

/// `dossier timeline`: articles by date and the dated events in them.
struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "timeline", abstract: "Print articles by publication date and every dated event in the text.")
    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON: {articles:[{file, published, precision, evidence}], events:[{file, text, start, end, date, precision, sentence}]}.") var json = false

    func run() {
        let c = corpus.load()
        if json {
            Output.write("{\n  \"articles\" : ")
            Output.jsonArray(TimelineJSON.articles(c), depth: 1, newline: false)
            Output.write(",\n  \"events\" : ")
            Output.jsonArray(TimelineJSON.events(c), depth: 1, newline: false)
            Output.write("\n}\n")
            return
        }
        for a in c.articles {
            Output.line("\(a.published.date?.iso ?? "?")\(a.published.inferred ? "~" : "")  \(a.id)  \(a.displayTitle)")
            for e in a.events { Output.line("    \(e.date.iso)  “\(e.text)”  \(a.sentence(of: e))") }
        }
    }
}
