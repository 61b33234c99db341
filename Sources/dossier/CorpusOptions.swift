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
        if loaded.documents.isEmpty {
            // One line that says what went wrong and what to do; several problems get a line each first.
            let hint = "give a folder, .txt/.md/.jsonl files, or - for standard input"
            if loaded.problems.count == 1 { Output.fail("\(loaded.problems[0].description); \(hint)") }
            for p in loaded.problems { Output.warn(p.description) }
            Output.fail(paths.isEmpty ? "no articles found; \(hint)" : "no readable articles in \(paths.joined(separator: " ")); \(hint)")
        }
        if !quiet { for p in loaded.problems { Output.warn(p.description) } }
        return CorpusBuilder.build(CorpusBuilder.parseAll(loaded.documents), problems: loaded.problems)
    }
}
