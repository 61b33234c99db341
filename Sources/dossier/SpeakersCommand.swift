import ArgumentParser
import DossierCore
import Foundation

/// `dossier speakers`: one line per canonical speaker.
struct Speakers: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "speakers", abstract: "Print every speaker with role, aliases and counts of quotes and reported statements.")
    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON: [{name, role, aliases, quotes, reported}].") var json = false

    func run() {
        let c = corpus.load()
        if json { Output.jsonArray(c.speakers.lazy.map(SpeakerJSON.init)); return }
        for s in c.speakers {
            Output.line("\(s.name)\(s.role.map { " — \($0)" } ?? ""): \(s.quotes) quotes, \(s.reported) reported")
            if s.aliases.count > 1 { Output.line("  also: " + s.aliases.filter { $0 != s.name }.joined(separator: "; ")) }
        }
    }
}
