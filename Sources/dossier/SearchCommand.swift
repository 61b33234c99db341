import ArgumentParser
import DossierCore
import Foundation

/// `dossier search`: matches with line numbers and snippets.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Search the story text (smart case, accent-insensitive; filters speaker: date:A..B file:).")
    @Argument(help: "The query, e.g. 'zelensk', '\"as long as it takes\"', 'speaker:stoltenberg date:2022-11..2023-01'.") var query: String
    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON: [{file, start, end, line, snippet}].") var json = false

    func run() throws {
        let c = corpus.load()
        let q = SearchQuery(parsing: query)
        var out: [SearchHitJSON] = []
        for hit in Search.hits(in: c, q) {
            let a = c.articles[hit.article]
            out.append(SearchHitJSON(file: a.id, start: hit.range.start, end: hit.range.end, line: a.line(of: hit.range.start), snippet: Snippet.around(hit.range, in: a)))
        }
        if json { Output.json(out); return }
        for h in out { Output.line("\(h.file):\(h.line): \(h.snippet)") }
        if out.isEmpty { FileHandle.standardError.write(Data("no matches\n".utf8)); throw ExitCode(1) }
    }
}
