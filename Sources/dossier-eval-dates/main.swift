import DossierCore
import Foundation

// Scores the date tagger against MEANTIME's gold time expressions and checks Reuters datelines
// against the wire's `published` field.
//
//   swift run dossier-eval-dates [MEANTIME_DIR] [REUTERS_JSONL]
//
// A gold expression counts when it is a DATE whose value is a calendar date (YYYY, YYYY-MM,
// YYYY-MM-DD); it is found when a tagged expression overlaps its span and has the same value.
// MEANTIME marks time expressions only in the title, the date line and the first five sentences
// of each article, so the main score is taken there; the whole-text score is printed too.
//
// VERBOSE=1 lists every miss and every extra of the annotated part with the gold value, the
// value given and the sentence; VERBOSE=2 also lists what is tagged outside it, for checking by
// eye. A second argument that names no file skips the Reuters check.

let args = CommandLine.arguments.dropFirst()
let scopeSentences = Int(ProcessInfo.processInfo.environment["SCOPE"] ?? "") ?? 4
let meantime = args.first ?? "../shared/corpora/meantime"
let verbosity = Int(ProcessInfo.processInfo.environment["VERBOSE"] ?? "") ?? (ProcessInfo.processInfo.environment["VERBOSE"] == nil ? 0 : 1)
let reuters = args.dropFirst().first ?? ((meantime as NSString).deletingLastPathComponent as NSString).appendingPathComponent("reuters21578.jsonl")

struct Gold {
    var start: Int, end: Int, value: String, type: String, text: String
    var isCalendarDate: Bool {
        type == "DATE" && value.range(of: #"^\d{4}(-\d{2}(-\d{2})?)?$"#, options: .regularExpression) != nil
    }
}

struct Tally {
    var gold = 0, found = 0, predicted = 0, correct = 0, exempt = 0
    mutating func add(_ o: Tally) { gold += o.gold; found += o.found; predicted += o.predicted; correct += o.correct; exempt += o.exempt }
    func line(_ name: String) -> String {
        let p = predicted == 0 ? 0 : Double(correct) / Double(predicted)
        let r = gold == 0 ? 0 : Double(found) / Double(gold)
        let f = p + r == 0 ? 0 : 2 * p * r / (p + r)
        return String(format: "%@  precision %.3f (%d/%d)  recall %.3f (%d/%d)  value F1 %.3f", name, p, correct, predicted, r, found, gold, f)
    }
}

func readLines(_ path: String) -> [String]? {
    guard let s = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    return s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

/// Paragraphs of a MEANTIME text and the offset where its annotated part ends.
func paragraphsAndScope(_ text: String) -> ([Paragraph], Int) {
    let source = SourceText(text)
    let paragraphs = Segmenter.paragraphs(source, lines: source.lines()).compactMap { Segmenter.paragraph(source, lines: $0) }
    var sentences = 0
    var scopeEnd = source.count
    outer: for (k, p) in paragraphs.enumerated() where k >= 2 {
        for s in Sentences.split(Array(p.text.unicodeScalars)) {
            sentences += 1
            if sentences == scopeSentences { scopeEnd = p.start + s.upperBound; break outer }
        }
    }
    return (paragraphs, scopeEnd)
}

/// One line of the verbose listing.
func report(_ kind: String, _ file: String, text: String, gold: String, ours: String, sentence: String) -> String {
    let flat = sentence.split(whereSeparator: \.isNewline).joined(separator: " ")
    return "\(kind)\t\(file.prefix(40))\t“\(text)”\tgold \(gold)\tours \(ours)\t| \(flat)"
}

/// The sentence of the paragraph that holds `r`, for a gold expression nothing was tagged on.
func sentence(around r: SourceRange, in paragraphs: [Paragraph]) -> String {
    guard let p = paragraphs.first(where: { $0.start <= r.start && r.start < $0.start + $0.text.unicodeScalars.count }) else { return "" }
    let scalars = Array(p.text.unicodeScalars)
    let s = Sentences.split(scalars).first { $0.contains(r.start - p.start) } ?? 0..<scalars.count
    return String(String.UnicodeScalarView(scalars[s]))
}

func evaluateMeantime(_ dir: String) -> Bool {
    guard let index = readLines((dir as NSString).appendingPathComponent("index.tsv")) else {
        print("MEANTIME: no index.tsv in \(dir) — skipped"); return false
    }
    var scoped = Tally(), whole = Tally(), lenient = Tally()
    var misses: [String] = [], extras: [String] = [], outside: [String] = []
    var ownDates = 0
    for row in index.dropFirst() where !row.isEmpty {
        let cols = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard cols.count >= 2 else { continue }
        let base = (dir as NSString).appendingPathComponent(cols[0])
        guard let text = try? String(contentsOfFile: base + ".txt", encoding: .utf8),
              let goldRows = readLines(base + ".timex.tsv") else { continue }
        // A few index rows have no usable creation date: use the date Dossier reads off the article.
        var dct = PartialDate(iso: cols[1])
        if dct == nil {
            dct = ArticleParser.parse(RawDocument(id: cols[0], path: base + ".txt", text: text)).published.date
            ownDates += 1
        }
        let gold: [Gold] = goldRows.dropFirst().compactMap { line in
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count >= 6, let s = Int(c[3]), let e = Int(c[4]) else { return nil }
            return Gold(start: s, end: e, value: c[2], type: c[1], text: c[5])
        }
        let (paragraphs, scopeEnd) = paragraphsAndScope(text)
        let events = DateTagger.events(paragraphs, reference: Publication(date: dct, evidence: "index.tsv"))
        let story = Article(id: cols[0], path: "", paragraphs: paragraphs)
        for (scope, inScope) in [(0, { (r: SourceRange) in r.start < scopeEnd }), (1, { (_: SourceRange) in true })] {
            var t = Tally(), l = Tally()
            let g = gold.filter { $0.isCalendarDate && inScope(SourceRange($0.start, $0.end)) }
            let ev = events.filter { inScope($0.range) }
            t.gold = g.count; t.predicted = ev.count
            var used = Set<Int>()
            for item in g {
                let r = SourceRange(item.start, item.end)
                if let k = ev.indices.first(where: { !used.contains($0) && ev[$0].range.overlaps(r) && ev[$0].date.iso == item.value }) {
                    used.insert(k); t.found += 1
                } else if scope == 0 {
                    let got = ev.first { $0.range.overlaps(r) }
                    misses.append(report("miss", cols[0], text: item.text, gold: item.value, ours: got.map { "“\($0.text)” \($0.date.iso)" } ?? "-",
                                         sentence: got.map(story.sentence(of:)) ?? sentence(around: r, in: paragraphs)))
                }
            }
            t.correct = used.count
            l = t
            for (k, e) in ev.enumerated() where !used.contains(k) {
                // Spans the gold marks with a value outside the calendar forms are not scored.
                if gold.contains(where: { !$0.isCalendarDate && SourceRange($0.start, $0.end).overlaps(e.range) }) { l.predicted -= 1; l.exempt += 1 }
                let g = gold.first { SourceRange($0.start, $0.end).overlaps(e.range) }
                if scope == 0 {
                    extras.append(report("extra", cols[0], text: e.text, gold: g.map { "\($0.type) \($0.value) “\($0.text)”" } ?? "-", ours: e.date.iso, sentence: story.sentence(of: e)))
                } else if e.range.start >= scopeEnd {
                    outside.append(report("outside", cols[0], text: e.text, gold: "-", ours: e.date.iso + " (dct \(dct?.iso ?? "?"))", sentence: story.sentence(of: e)))
                }
            }
            if scope == 0 { scoped.add(t); lenient.add(l) } else { whole.add(t) }
        }
    }
    print("MEANTIME (\(dir)), DATE values YYYY / YYYY-MM / YYYY-MM-DD, creation date as reference (\(ownDates) articles without one in index.tsv dated by Dossier)")
    print(scoped.line("  annotated part"))
    print(lenient.line("  annotated part, spans gold gives a non-calendar value not scored"))
    print(whole.line("  whole text (gold marks only the annotated part)"))
    if verbosity >= 1 { misses.forEach { print($0) }; extras.forEach { print($0) } }
    if verbosity >= 2 { outside.forEach { print($0) } }
    return true
}

func checkReuters(_ path: String) {
    guard let handle = FileHandle(forReadingAtPath: path) else { print("Reuters: \(path) not found — skipped"); return }
    let bytes = Array(handle.readDataToEndOfFile())
    let docs = JSONLReader.documents(bytes: bytes, path: path).documents
    var withDateline = 0, same = 0, nextDay = 0
    let parsed = CorpusBuilder.parseAll(docs)
    let started = Date()
    let corpus = CorpusBuilder.build(parsed)
    let seconds = Date().timeIntervalSince(started)
    let stories = Set(corpus.articles.compactMap { $0.metadata["story"] }).count
    for (doc, article) in zip(docs, parsed) {
        guard let published = doc.published.flatMap(PartialDate.init(iso:)) else { continue }
        guard let line = Dateline.find(in: article.paragraphs.first?.text ?? ""),
              let date = line.resolved(near: published) else { continue }
        withDateline += 1
        let gap = abs(published.days(to: date) ?? 99)
        if gap == 0 { same += 1 } else if gap == 1 { nextDay += 1 }
    }
    let rate = withDateline == 0 ? 0 : Double(same) / Double(withDateline)
    let near = withDateline == 0 ? 0 : Double(same + nextDay) / Double(withDateline)
    print(String(format: "Reuters (%d articles, %d with a dateline): dateline = published %.3f, within a day (time zones) %.3f", docs.count, withDateline, rate, near))
    print(String(format: "Reuters corpus step (same-event dates and story groups): %.1f s, %d story groups", seconds, stories))
}

_ = evaluateMeantime(meantime)
checkReuters(reuters)
