import DossierCore
import Foundation

func rss() -> String {
    let s = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    return s.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }.joined(separator: " ")
}
let t0 = Date()
var loaded: LoadResult? = Loader.load(paths: CommandLine.arguments.dropFirst().map { $0 })
print("loaded", rss())
let t1 = Date()
let parsed = CorpusBuilder.parseAll(loaded!.documents)
print("parsed", rss())
loaded = nil
print("freed docs", rss())
let t2 = Date()
let corpus = CorpusBuilder.build(parsed)
let t3 = Date()
print("parse", t2.timeIntervalSince(t1), "build", t3.timeIntervalSince(t2), corpus.articles.count)
var lines = 0, paras = 0, quotes = 0, events = 0, meta = 0, bp = 0, ptext = 0
for a in corpus.articles { lines += a.lineStarts.count; paras += a.paragraphs.count; quotes += a.quotes.count; events += a.events.count; meta += a.metadata.count; bp += a.boilerplate.count; ptext += a.paragraphs.reduce(0) { $0 + $1.text.utf8.count } }
print("lines", lines, "paras", paras, "quotes", quotes, "events", events, "meta", meta, "bp", bp, "ptext", ptext)
