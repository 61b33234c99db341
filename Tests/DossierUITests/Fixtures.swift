import DossierCore
@testable import DossierUI

/// A small hand-made corpus, so view tests do not move when the parser improves.
enum Fixture {
    static func article(_ id: String, title: String?, date: PartialDate?, inferred: Bool = false,
                        paragraphs: [String], quotes: [(String, String?, QuoteKind)] = [], story: String? = nil) -> Article {
        var paras: [Paragraph] = []
        var offset = 0
        for p in paragraphs {
            paras.append(Paragraph(text: p, start: offset))
            offset += p.unicodeScalars.count + 2
        }
        var qs: [Quote] = []
        for (text, speaker, kind) in quotes {
            for para in paras {
                let scalars = Array(para.text.unicodeScalars)
                let needle = Array(text.unicodeScalars)
                guard let at = (0...max(0, scalars.count - needle.count)).first(where: { i in i + needle.count <= scalars.count && Array(scalars[i..<(i + needle.count)]) == needle }) else { continue }
                let start = kind == .reported ? para.start + at : para.start + at - 1
                let end = kind == .reported ? para.start + at + needle.count : para.start + at + needle.count + 1
                qs.append(Quote(text: text, speaker: speaker, kind: kind, range: SourceRange(start, end)))
                break
            }
        }
        var meta: [String: String] = [:]
        if let story { meta["story"] = story }
        return Article(id: id, path: id, title: title,
                       published: date.map { Publication(date: $0, evidence: inferred ? "same summit as a.txt" : "header", inferred: inferred) } ?? .unknown,
                       paragraphs: paras, quotes: qs, metadata: meta, sourceLength: offset)
    }

    static let corpus: Corpus = {
        let a = article("a.txt", title: "Leaders meet in Lisbon", date: PartialDate(year: 2022, month: 11, day: 29),
                        paragraphs: [
                            "Ministers met in Lisbon on Tuesday to discuss energy.",
                            "“We will not back down,” Ana Costa said. “Winter is coming and we are ready.”",
                            "Costa added that the grid would hold, according to officials.",
                        ],
                        quotes: [("We will not back down,", "Ana Costa", .direct), ("Winter is coming and we are ready.", "Ana Costa", .direct),
                                 ("the grid would hold", "Ana Costa", .reported)], story: "story 1")
        var b = article("b.txt", title: nil, date: PartialDate(year: 2022, month: 11), inferred: true,
                        paragraphs: [
                            "The Lisbon summit closed with a pledge on gas storage.",
                            "Pedro Alves called the deal “a fragile start” and said more work was needed.",
                            "“Storage is not supply,” Alves said. Costa said: “Supply follows storage.”",
                        ],
                        quotes: [("a fragile start", "Pedro Alves", .partial), ("Storage is not supply,", "Pedro Alves", .direct),
                                 ("Supply follows storage.", "Ana Costa", .direct)], story: "story 1")
        b.events = [DateEvent(text: "Tuesday", range: SourceRange(0, 3), date: PartialDate(year: 2022, month: 11, day: 29),
                              sentenceRange: SourceRange(0, 54))]
        let c = article("c.txt", title: "Café owners in São Paulo count the cost", date: nil,
                        paragraphs: ["Prices rose again and the cost hit cafés, the owners’ association said.", "No quotes here, only a café in São Paulo and a 価格 sign."])
        return CorpusBuilder.build([c, b, a])
    }()

    static func state(_ width: Int, _ height: Int) -> ReaderState {
        ReaderState(corpus: corpus, size: Size(width: width, height: height))
    }
}

/// Applies keys the way the terminal loop does.
func press(_ state: ReaderState, _ keys: Key...) -> ReaderState {
    var s = state
    for k in keys { if let a = action(for: k, in: s) { s = reduce(s, a) } }
    return s
}

func type(_ state: ReaderState, _ text: String) -> ReaderState {
    var s = state
    for c in text { if let a = action(for: .char(c), in: s) { s = reduce(s, a) } }
    return s
}
