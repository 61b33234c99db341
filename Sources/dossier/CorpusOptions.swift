import ArgumentParser
import DossierCore
import Foundation

/// The corpus arguments every subcommand shares.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "Folders (all .txt, .md and .jsonl below), files, or - for standard input. Default: ./seeds, else the built-in seeds.",
              completion: .file(extensions: ["txt", "md", "jsonl"]))
    var paths: [String] = []

    @Flag(name: .long, help: "Do not print one line per file that could not be read.")
    var quiet = false

    @Flag(name: .long, help: "Neither read nor write the parse cache in $XDG_CACHE_HOME/dossier.")
    var noCache = false

    /// A stable key for saved state: the absolute paths, or "seeds".
    var key: String {
        paths.isEmpty ? "seeds:" + FileManager.default.currentDirectoryPath
            : paths.map { $0 == "-" ? "-" : URL(fileURLWithPath: $0).standardizedFileURL.path }.joined(separator: "\n")
    }

    /// The paths to read: the given ones, else `./seeds` when present; nil means the built-in seeds.
    var effectivePaths: [String]? {
        if !paths.isEmpty { return paths }
        return FileManager.default.fileExists(atPath: "seeds") ? ["seeds"] : nil
    }

    func loadDocuments() -> LoadResult {
        guard let paths = effectivePaths else { return builtInSeeds() }
        return Loader.load(paths: paths)
    }

    func builtInSeeds() -> LoadResult {
        var r = LoadResult()
        for (name, text) in BundledSeeds.files { r.documents += Loader.documents(bytes: Array(text.utf8), id: name, path: "(built-in)/" + name).documents }
        return r
    }

    /// Loads, parses and indexes, through the on-disk cache unless `--no-cache`. Never prints:
    /// the report's warning is for the caller to show. `progress` gets (articles done, expected);
    /// `preview` the first articles of a long cold load (see `CorpusCache.load`).
    func loadCorpus(progress: @Sendable (Int, Int) -> Void = { _, _ in },
                    preview: (Corpus) -> Void = { _ in }) -> (Corpus, CorpusCache.Report) {
        guard let paths = effectivePaths else {
            return (CorpusBuilder.build(CorpusBuilder.parseAll(builtInSeeds().documents, progress: progress)), CorpusCache.Report())
        }
        if noCache {
            return (CorpusBuilder.load(paths: paths), CorpusCache.Report())
        }
        return CorpusCache().load(paths: paths, key: key, progress: progress, preview: preview)
    }

    /// The cached corpus when it is fresh, for commands that read only a few articles.
    func snapshot() -> CorpusSnapshot? {
        guard !noCache, let paths = effectivePaths else { return nil }
        return CorpusCache().snapshot(paths: paths, key: key)
    }

    /// A search of the files without parsing the corpus, when the query needs no corpus-wide
    /// facts and there are files to read; nil when the corpus must be loaded instead (built-in
    /// seeds, or nothing readable, whose messages the full load gives).
    func coldSearch(_ q: SearchQuery) -> ColdSearch.Result? {
        guard ColdSearch.handles(q), let paths = effectivePaths else { return nil }
        let result = ColdSearch.run(paths: paths, query: q)
        return result.sawText ? result : nil
    }

    /// The files with hits, read as `coldSearch` reads them, each only up to its first match.
    func coldFiles(_ q: SearchQuery) -> ColdSearch.Files? {
        guard ColdSearch.handles(q), let paths = effectivePaths else { return nil }
        let result = ColdSearch.files(paths: paths, query: q)
        return result.sawText ? result : nil
    }

    /// Loads and parses; reports problems on stderr; fails when nothing at all could be read.
    func load() -> Corpus {
        let (corpus, report) = loadCorpus()
        if let w = report.warning { Output.warn(w) }
        if corpus.articles.isEmpty {
            // One line that says what went wrong and what to do; several problems get a line each first.
            let hint = "give a folder, .txt/.md/.jsonl files, or - for standard input"
            if corpus.problems.count == 1 { Output.fail("\(corpus.problems[0].description); \(hint)") }
            for p in corpus.problems { Output.warn(p.description) }
            Output.fail(paths.isEmpty ? "no articles found; \(hint)" : "no readable articles in \(paths.joined(separator: " ")); \(hint)")
        }
        if !quiet { for p in corpus.problems { Output.warn(p.description) } }
        return corpus
    }
}
