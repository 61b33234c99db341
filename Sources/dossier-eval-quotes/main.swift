import DossierCore
import Foundation

// Scores quotes and reported statements against a gold file:
//   dossier-eval-quotes [GOLD.json] [SEEDS_DIR]
// A quote matches when its opening mark is at the gold offset; its speaker is right when it
// equals the gold canonical name. A reported statement is found when one of our reported
// items lies in the sentence holding the gold cue, and right when that item has the gold speaker.

struct Gold: Decodable {
    struct GoldQuote: Decodable { var text: String; var speaker: String?; var kind: String; var offset: Int }
    struct GoldReported: Decodable { var cue: String; var speaker: String? }
    struct GoldArticle: Decodable { var file: String; var quotes: [GoldQuote]; var reported: [GoldReported]? }
    var articles: [GoldArticle]
}

let args = CommandLine.arguments.dropFirst().map { $0 }
let goldPath = args.first ?? "../shared/gold/seeds.json"
let seedsDir = args.count > 1 ? args[1] : "seeds"

guard let data = FileManager.default.contents(atPath: goldPath), let gold = try? JSONDecoder().decode(Gold.self, from: data) else {
    print("cannot read gold file \(goldPath)")
    exit(2)
}
let corpus = CorpusBuilder.load(paths: [seedsDir])
let byFile = Dictionary(corpus.articles.map { (($0.id as NSString).lastPathComponent, $0) }, uniquingKeysWith: { a, _ in a })

func same(_ a: String?, _ b: String?) -> Bool { (a ?? "").lowercased() == (b ?? "").lowercased() }
func short(_ s: String) -> String { s.count > 70 ? String(s.prefix(67)) + "…" : s }

var goldQuotes = 0, predicted = 0, matched = 0, rightSpeaker = 0, rightKind = 0, rightText = 0
var goldReported = 0, foundReported = 0, rightReported = 0, predictedReported = 0, reportedInGold = 0
var misses: [String] = []

for ga in gold.articles {
    guard let article = byFile[ga.file] else {
        misses.append("\(ga.file): article not loaded")
        goldQuotes += ga.quotes.count; goldReported += ga.reported?.count ?? 0
        continue
    }
    let ours = article.quotes.filter { $0.kind != .reported }
    let goldOffsets = Set(ga.quotes.map(\.offset))
    predicted += ours.count
    goldQuotes += ga.quotes.count
    for g in ga.quotes {
        guard let q = ours.first(where: { $0.range.start == g.offset }) else {
            misses.append("\(ga.file): missed quote @\(g.offset) “\(short(g.text))”")
            continue
        }
        matched += 1
        if same(q.speaker, g.speaker) { rightSpeaker += 1 } else {
            misses.append("\(ga.file): speaker @\(g.offset) \(q.speaker ?? "nil") ≠ \(g.speaker ?? "nil")")
        }
        if q.kind.rawValue == g.kind { rightKind += 1 } else { misses.append("\(ga.file): kind @\(g.offset) \(q.kind.rawValue) ≠ \(g.kind)") }
        if q.text == g.text { rightText += 1 } else { misses.append("\(ga.file): text @\(g.offset) “\(short(q.text))”") }
    }
    for q in ours where !goldOffsets.contains(q.range.start) {
        misses.append("\(ga.file): false quote @\(q.range.start) “\(short(q.text))” (\(q.speaker ?? "nil"))")
    }

    // Sentences holding the gold cues, as source ranges.
    let reportedOurs = article.quotes.filter { $0.kind == .reported }
    predictedReported += reportedOurs.count
    var goldSentences: [SourceRange] = []
    for g in ga.reported ?? [] {
        goldReported += 1
        var sentence: SourceRange?
        for p in article.paragraphs {
            guard let r = p.text.range(of: g.cue) else { continue }
            let cueStart = p.text.unicodeScalars.distance(from: p.text.unicodeScalars.startIndex, to: r.lowerBound.samePosition(in: p.text.unicodeScalars) ?? p.text.unicodeScalars.startIndex)
            for s in Sentences.split(Array(p.text.unicodeScalars)) where s.contains(cueStart) {
                sentence = SourceRange(p.start + s.lowerBound, p.start + s.upperBound)
            }
        }
        guard let sentence else { misses.append("\(ga.file): cue not in text: \(short(g.cue))"); continue }
        goldSentences.append(sentence)
        let inside = reportedOurs.filter { $0.range.start >= sentence.start && $0.range.end <= sentence.end }
        if inside.isEmpty { misses.append("\(ga.file): missed reported “\(short(g.cue))”"); continue }
        foundReported += 1
        if inside.contains(where: { same($0.speaker, g.speaker) }) { rightReported += 1 } else {
            misses.append("\(ga.file): reported speaker \(inside.map { $0.speaker ?? "nil" }) ≠ \(g.speaker ?? "nil") for “\(short(g.cue))”")
        }
    }
    for q in reportedOurs {
        if goldSentences.contains(where: { q.range.start >= $0.start && q.range.end <= $0.end }) { reportedInGold += 1 } else {
            misses.append("\(ga.file): extra reported (\(q.speaker ?? "nil")): \(short(q.text))")
        }
    }
}

func pct(_ a: Int, _ b: Int) -> String { b == 0 ? "n/a" : String(format: "%.1f%% (%d/%d)", 100 * Double(a) / Double(b), a, b) }
print("quotes (direct + partial)")
print("  precision            \(pct(matched, predicted))")
print("  recall               \(pct(matched, goldQuotes))")
print("  attribution accuracy \(pct(rightSpeaker, matched))")
print("  kind accuracy        \(pct(rightKind, matched))")
print("  exact text           \(pct(rightText, matched))")
print("reported statements")
print("  precision            \(pct(reportedInGold, predictedReported))")
print("  recall               \(pct(foundReported, goldReported))")
print("  attribution accuracy \(pct(rightReported, goldReported))")
if !misses.isEmpty {
    print("misses")
    for m in misses { print("  " + m) }
}

print("statements linked across articles: \(corpus.links.count)")
for l in corpus.links {
    let a = corpus.articles[l.a.article], b = corpus.articles[l.b.article]
    let qa = a.quotes[l.a.quote], qb = b.quotes[l.b.quote]
    print(String(format: "  %.2f ", l.similarity) + "\(a.id) “\(short(qa.text))” ~ \(b.id) “\(short(qb.text))”")
}
