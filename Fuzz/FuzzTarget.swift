// libFuzzer entry point for the loader and the article parser. Built by scripts/fuzz.sh
// together with the DossierCore sources into one module.

/// The first byte picks how the rest is read (a .txt, .md or .jsonl file); the rest is the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func dossierFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let names = ["fuzz.txt", "fuzz.md", "fuzz.jsonl"]
    let name = names[Int(data[0]) % names.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let loaded = Loader.documents(bytes: bytes, id: name, path: "/fuzz/" + name)
    var articles: [Article] = []
    for doc in loaded.documents {
        let article = ArticleParser.parse(doc)
        checkOffsets(article)
        for p in article.paragraphs { _ = TerminalSafe.visible(p.text) }
        articles.append(article)
    }
    _ = CorpusBuilder.build(articles, problems: loaded.problems)
    return 0
}

/// Every offset must point into the source: a reader highlights and cites by them.
func checkOffsets(_ a: Article) {
    for p in a.paragraphs {
        precondition(p.start >= 0 && p.start + p.scalarCount <= a.sourceLength, "paragraph outside the source")
    }
    for q in a.quotes {
        precondition(q.range.start >= 0 && q.range.start <= q.range.end && q.range.end <= a.sourceLength, "quote outside the source")
    }
    for e in a.events {
        precondition(e.range.start >= 0 && e.range.start <= e.range.end && e.range.end <= a.sourceLength, "event outside the source")
    }
}
