import ArgumentParser
import DossierCore
import DossierTerminal
import DossierUI
import Foundation

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
}

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

/// `dossier articles`: titles, dates and clean paragraphs.
struct Articles: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print each article's title, publication date (with evidence) and clean story text.")
    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON: [{file, title, published, precision, evidence, paragraphs}].") var json = false

    func run() {
        let c = corpus.load()
        if json { Output.json(c.articles.map(ArticleJSON.init)); return }
        for a in c.articles {
            Output.line("\(a.id) · \(a.published.date?.iso ?? "?") (\(a.published.precision.rawValue)) · \(a.title ?? "(no headline)")")
            Output.line("  date: \(a.published.evidence)")
            for p in a.paragraphs { Output.line("  " + p.text) }
            Output.line()
        }
    }
}

/// `dossier quotes`: every quote and reported statement with its speaker.
struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print every quote and reported statement with its speaker and offsets.")
    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON: [{file, text, speaker, kind, start, end}].") var json = false

    func run() {
        let c = corpus.load()
        if json { Output.json(c.articles.flatMap { a in a.quotes.map { QuoteJSON(a, $0) } }); return }
        for a in c.articles where !a.quotes.isEmpty {
            Output.line(a.id)
            for q in a.quotes {
                let body = q.kind == .reported ? q.text : "“\(q.text)”"
                Output.line("  [\(q.range.start)-\(q.range.end)] \(q.speaker ?? "unattributed") (\(q.kind.rawValue)): \(body)")
            }
        }
    }
}

/// `dossier speakers`: one line per canonical speaker.
struct Speakers: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print every speaker with role, aliases and counts of quotes and reported statements.")
    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON: [{name, role, aliases, quotes, reported}].") var json = false

    func run() {
        let c = corpus.load()
        if json { Output.json(c.speakers.map(SpeakerJSON.init)); return }
        for s in c.speakers {
            Output.line("\(s.name)\(s.role.map { " — \($0)" } ?? ""): \(s.quotes) quotes, \(s.reported) reported")
            if s.aliases.count > 1 { Output.line("  also: " + s.aliases.filter { $0 != s.name }.joined(separator: "; ")) }
        }
    }
}

/// `dossier timeline`: articles by date and the dated events in them.
struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print articles by publication date and every dated event in the text.")
    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON: {articles:[{file, published, precision, evidence}], events:[{file, text, start, end, date, precision, sentence}]}.") var json = false

    func run() {
        let c = corpus.load()
        if json { Output.json(TimelineJSON(c)); return }
        for a in c.articles {
            Output.line("\(a.published.date?.iso ?? "?")\(a.published.inferred ? "~" : "")  \(a.id)  \(a.displayTitle)")
            for e in a.events { Output.line("    \(e.date.iso)  “\(e.text)”  \(e.sentence)") }
        }
    }
}

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

/// `dossier export --starred`: starred quotes for a report.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export starred quotes (starred with * in the reader) as Markdown, CSV or JSON.")
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
        Output.write(StarExport.render(rows, format: format.rawValue))
    }
}
