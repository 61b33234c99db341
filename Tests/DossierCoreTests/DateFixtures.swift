import DossierCore
import Foundation

/// Paths the date and cleaning tests read: the repository's seeds and the shared corpora beside it.
enum DateFixtures {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let seeds = packageRoot + "/seeds"
    static let corpora = (packageRoot as NSString).appendingPathComponent("../shared/corpora")
    static let reuters = corpora + "/reuters21578.jsonl"
    static var hasReuters: Bool { FileManager.default.fileExists(atPath: reuters) }

    /// The seed corpus, parsed and joined once.
    static let seedCorpus: Corpus = CorpusBuilder.load(paths: [seeds])

    static func seed(_ prefix: String) -> Article? { seedCorpus.articles.first { $0.id.hasPrefix(prefix) } }

    /// Parses one hand-made article.
    static func parse(_ text: String, id: String = "test.txt", published: String? = nil, title: String? = nil) -> Article {
        var doc = RawDocument(id: id, path: id, text: text, title: title, published: published)
        HeaderReader.apply(to: &doc)
        return ArticleParser.parse(doc)
    }
}
