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

    /// Two one-paragraph articles, the first dated by a header and the second undated, after
    /// dates are inferred across them.
    static func inferredPair(dated date: String, _ first: String, _ second: String) -> [Article] {
        var articles = [
            Article(id: "a.txt", path: "a.txt", published: Publication(date: PartialDate(iso: date), evidence: "header"),
                    paragraphs: [Paragraph(text: first, start: 0)]),
            Article(id: "b.txt", path: "b.txt", paragraphs: [Paragraph(text: second, start: 0)]),
        ]
        DateInference.infer(&articles)
        return articles
    }
}
