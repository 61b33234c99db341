import ArgumentParser
import DossierCore
import Foundation

/// `dossier search`: matches with line numbers and snippets.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Search the story text (smart case, accent-insensitive; filters speaker: date:A..B file:).")
    @Argument(help: "The query, e.g. 'zelensk', '\"as long as it takes\"', 'speaker:stoltenberg date:2022-11..2023-01'.") var query: String
    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON: [{file, start, end, line, snippet}] (with -l: [{path}]).") var json = false
    @Flag(name: [.customShort("l"), .long], help: "Print only the paths of files that hold a match, as grep -l does. Without a cache, each file is read only up to its first match.")
    var filesWithMatches = false

    func run() throws {
        let q = SearchQuery(parsing: query)
        if filesWithMatches { return try listFiles(q) }
        var out: [SearchHitJSON] = []
        func add(_ a: Article, _ ranges: [SourceRange]) {
            for r in ranges { out.append(SearchHitJSON(file: a.id, start: r.start, end: r.end, line: a.line(of: r.start), snippet: Snippet.around(r, in: a))) }
        }
        if let snap = corpus.snapshot() {
            // Fresh cache: read only the articles the index names.
            let found = cachedHits(snap, q)
            for (a, ranges) in found { add(a, ranges) }
        } else if let scan = corpus.coldSearch(q) {
            // No fresh cache: scan the files and parse only the documents that may match.
            if !corpus.quiet { for p in scan.problems { Output.warn(p.description) } }
            for (a, ranges) in scan.hits { add(a, ranges) }
        } else {
            let c = corpus.load()
            for hit in Search.hits(in: c, q) { add(c.articles[hit.article], [hit.range]) }
        }
        if json { Output.json(out); return }
        var text = ""
        for h in out {
            let line = "\(h.file):\(h.line): \(h.snippet)"
            text += (Output.stdoutIsTerminal ? TerminalSafe.visible(line, keepLayout: true) : line) + "\n"
        }
        Output.write(text)
        if out.isEmpty { FileHandle.standardError.write(Data("no matches\n".utf8)); throw ExitCode(1) }
    }

    /// The hits in a fresh cache (its problems reported first); fails when it holds no article
    /// or a record is damaged.
    private func cachedHits(_ snap: CorpusSnapshot, _ q: SearchQuery) -> [(article: Article, ranges: [SourceRange])] {
        if !corpus.quiet { for p in snap.problems { Output.warn(p.description) } }
        if snap.articleCount == 0 { Output.fail("no readable articles in \(corpus.paths.joined(separator: " ")); give a folder or .txt/.md/.jsonl files") }
        guard let found = SnapshotSearch.run(snap, q) else { Output.fail("the search cache is damaged; run again with --no-cache") }
        return found
    }

    /// `-l`: the files with a hit, sorted, each once.
    private func listFiles(_ q: SearchQuery) throws {
        var paths: [String]
        if let snap = corpus.snapshot() {
            let found = cachedHits(snap, q)
            paths = found.map(\.article.path)
        } else if let scan = corpus.coldFiles(q) {
            if !corpus.quiet { for p in scan.problems { Output.warn(p.description) } }
            paths = scan.paths
        } else {
            let c = corpus.load()
            paths = Search.hits(in: c, q).map { c.articles[$0.article].path }
        }
        paths = Array(Set(paths)).sorted()
        if json { Output.json(paths.map { ["path": $0] }); return }
        Output.write(paths.map { (Output.stdoutIsTerminal ? TerminalSafe.visible($0) : $0) + "\n" }.joined())
        if paths.isEmpty { FileHandle.standardError.write(Data("no matches\n".utf8)); throw ExitCode(1) }
    }
}
