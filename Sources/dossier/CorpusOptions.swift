import ArgumentParser
import DossierCore
import Foundation

/// The corpus arguments every subcommand shares.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "Folders (all .txt, .md and .jsonl below), files, or - for standard input. Default: ./seeds, else the built-in seeds.")
    var paths: [String] = []

    @Flag(name: .long, help: "Do not print one line per file that could not be read.")
    var quiet = false

    /// A stable key for saved state: the absolute paths, or "seeds".
    var key: String {
        paths.isEmpty ? "seeds:" + FileManager.default.currentDirectoryPath
            : paths.map { $0 == "-" ? "-" : URL(fileURLWithPath: $0).standardizedFileURL.path }.joined(separator: "\n")
    }

    func loadDocuments() -> LoadResult {
        if paths.isEmpty {
            if FileManager.default.fileExists(atPath: "seeds") { return Loader.load(paths: ["seeds"]) }
            var r = LoadResult()
            for (name, text) in BundledSeeds.files { r.documents += Loader.documents(bytes: Array(text.utf8), id: name, path: "(built-in)/" + name).documents }
            return r
        }
        return Loader.load(paths: paths)
    }

    /// Loads and parses; reports problems on stderr; fails when nothing at all could be read.
    func load() -> Corpus {
        let loaded = loadDocuments()
        if !quiet { for p in loaded.problems { Output.warn(p.description) } }
        if loaded.documents.isEmpty {
            Output.fail(paths.isEmpty ? "no articles found" : "no readable articles in \(paths.joined(separator: " ")); give a folder or .txt/.md/.jsonl files")
        }
        return CorpusBuilder.build(CorpusBuilder.parseAll(loaded.documents), problems: loaded.problems)
    }
}
