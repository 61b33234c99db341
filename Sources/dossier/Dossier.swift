import ArgumentParser
import DossierCore

/// Dossier: a terminal reader for news coverage. With no subcommand it opens the reader.
@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Read news coverage in the terminal: timeline, article and quotes, with speakers and search.",
        version: "0.1.0",
        subcommands: [Read.self, Articles.self, Quotes.self, Speakers.self, Timeline.self, SearchCommand.self, Export.self],
        defaultSubcommand: Read.self
    )

    static func main() {
        HeapTuning.apply()
        main(nil)
    }
}
