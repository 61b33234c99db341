import Foundation
import Testing
@testable import DossierCore

/// What a careful reader marks in the five seed articles of `seeds/`.
struct SeedQuote: Sendable {
    var file: String
    var offset: Int
    var kind: QuoteKind
    var speaker: String
    var text: String
}

/// A reported statement: a verbatim piece of its sentence and the speaker.
struct SeedReport: Sendable {
    var file: String
    var cue: String
    var speaker: String
}

let seedQuotes: [SeedQuote] = [
    SeedQuote(file: "000_7e245d8bf6474bd9.txt", offset: 299, kind: .direct, speaker: "Jens Stoltenberg",
              text: "We must continue to strengthen the partnership between NATO and the European Union. And we must further strengthen our support to Ukraine,"),
    SeedQuote(file: "000_7e245d8bf6474bd9.txt", offset: 958, kind: .partial, speaker: "Jens Stoltenberg",
              text: "to discuss exactly what types of weapons are needed and how can allies provide those weapons."),
    SeedQuote(file: "000_7e245d8bf6474bd9.txt", offset: 1055, kind: .direct, speaker: "Jens Stoltenberg",
              text: "This is not only about adding more systems, more platforms, more weapons, but also ensuring that the platforms, the weapons we have already provided, are working as they should,"),
    SeedQuote(file: "000_7e245d8bf6474bd9.txt", offset: 1437, kind: .direct, speaker: "Jens Stoltenberg",
              text: "They have shown a great willingness to tolerate losses and suffering,"),
    SeedQuote(file: "000_7e245d8bf6474bd9.txt", offset: 1518, kind: .direct, speaker: "Jens Stoltenberg",
              text: "We have no indication that President Putin has changed his plans and goals in Ukraine. So it's dangerous to underestimate Russia."),
    SeedQuote(file: "001_afb79046292409a7.txt", offset: 982, kind: .direct, speaker: "Jens Stoltenberg",
              text: "NATO allies and EU members have depleted their stocks to provide support to Ukraine, and that has been the right thing to do because this is also about our security, and of course, we need to use our capabilities, our stocks, our ammunition, to support Ukraine,"),
    SeedQuote(file: "001_afb79046292409a7.txt", offset: 1383, kind: .partial, speaker: "Jens Stoltenberg",
              text: "the overarching purpose of his ruthless assault against Ukraine,"),
    SeedQuote(file: "001_afb79046292409a7.txt", offset: 1632, kind: .partial, speaker: "British defense ministry",
              text: "probably now in control"),
    SeedQuote(file: "001_afb79046292409a7.txt", offset: 1925, kind: .partial, speaker: "Volodymyr Zelenskyy",
              text: "almost no whole walls left"),
    SeedQuote(file: "001_afb79046292409a7.txt", offset: 2264, kind: .partial, speaker: "senior U.S. military officer",
              text: "very brutal"),
    SeedQuote(file: "002_8f3eb1f4b4bb600a.txt", offset: 247, kind: .direct, speaker: "Jens Stoltenberg",
              text: "NATO allies will continue to support Ukraine for as long as it takes. We will not retreat,"),
    SeedQuote(file: "003_1fbe944454a38bfd.txt", offset: 881, kind: .direct, speaker: "Jens Stoltenberg",
              text: "Nato will continue to stand for Ukraine as long as it takes. We will not back down,"),
    SeedQuote(file: "003_1fbe944454a38bfd.txt", offset: 1011, kind: .direct, speaker: "Jens Stoltenberg",
              text: "The main focus is supporting Ukraine and ensuring President Vladimir Putin doesn’t win,"),
    SeedQuote(file: "004_8c2ddeb2bd6b1c05.txt", offset: 23, kind: .partial, speaker: "Jens Stoltenberg",
              text: "lazy"),
    SeedQuote(file: "004_8c2ddeb2bd6b1c05.txt", offset: 247, kind: .direct, speaker: "Jens Stoltenberg",
              text: "I believe that in Moscow they think that democracies are lazy, that we are not ready to stand by Ukraine for as long as it takes - and we are going to prove the opposite by demonstrating that democracies are actually able to stand up for their values and be there when they are needed to defend democracy and freedom, as we do when we support Ukraine."),
    SeedQuote(file: "004_8c2ddeb2bd6b1c05.txt", offset: 611, kind: .direct, speaker: "Jens Stoltenberg",
              text: "Putin cannot wait us out."),
    SeedQuote(file: "004_8c2ddeb2bd6b1c05.txt", offset: 918, kind: .direct, speaker: "Jens Stoltenberg",
              text: "We all agree that the most important thing now is to ensure that Ukraine prevails as a sovereign and independent state,"),
    SeedQuote(file: "004_8c2ddeb2bd6b1c05.txt", offset: 1049, kind: .direct, speaker: "Jens Stoltenberg",
              text: "We don’t know when the war ends but we must ensure that when it does we have credible arrangements in place to guarantee Ukraine’s security in the future and to break Russia’s cycle of aggression."),
    SeedQuote(file: "004_8c2ddeb2bd6b1c05.txt", offset: 1276, kind: .partial, speaker: "Jens Stoltenberg",
              text: "first and most important thing for Ukraine is to ensure that they win this war"),
    SeedQuote(file: "004_8c2ddeb2bd6b1c05.txt", offset: 1368, kind: .direct, speaker: "Jens Stoltenberg",
              text: "At the Vilnius summit next month, I am absolutely certain that the main focus will be on how to sustain and step-up concrete military support to Ukraine with equipment, with ammunition, with spare parts, with everything they need to be able to liberate more land."),
    SeedQuote(file: "004_8c2ddeb2bd6b1c05.txt", offset: 1743, kind: .direct, speaker: "Western official",
              text: "Our assessment would be that, yes, the counter-offensive is coming,"),
    SeedQuote(file: "004_8c2ddeb2bd6b1c05.txt", offset: 1824, kind: .direct, speaker: "Western official",
              text: "That is still very much the Ukrainians’ intent."),
    SeedQuote(file: "004_8c2ddeb2bd6b1c05.txt", offset: 1995, kind: .direct, speaker: "Western official",
              text: "Russia has been scrambling over the last few days to counter a range of threats which appears to constitute a coherent attempt to shape the battlefield in Ukraine’s favour before any counter-offensive,"),
    SeedQuote(file: "004_8c2ddeb2bd6b1c05.txt", offset: 2252, kind: .partial, speaker: "Western official",
              text: "at least"),
    SeedQuote(file: "004_8c2ddeb2bd6b1c05.txt", offset: 2511, kind: .direct, speaker: "Western official",
              text: "The enormity impact of 60,000 casualties in Bakhmut - I guess where I’d start from to bring it to life is back to this question of in 2023 having a year-long battle which is essentially World War One, where we've seen waves in infantry, in many cases unsupported by combined arms, going up against defensive positions and in many cases literally being mown down,"),
    SeedQuote(file: "004_8c2ddeb2bd6b1c05.txt", offset: 2936, kind: .partial, speaker: "Western official",
              text: "main built up area of the town"),
]

let seedReports: [SeedReport] = [
    SeedReport(file: "000_7e245d8bf6474bd9.txt", cue: "Stoltenberg said Kyiv's Western backers will meet next week", speaker: "Jens Stoltenberg"),
    SeedReport(file: "000_7e245d8bf6474bd9.txt", cue: "Stoltenberg told a business conference in Norway that it would be dangerous", speaker: "Jens Stoltenberg"),
    SeedReport(file: "000_7e245d8bf6474bd9.txt", cue: "Kyiv officials said on Tuesday", speaker: "Kyiv officials"),
    SeedReport(file: "001_afb79046292409a7.txt", cue: "told reporters on Tuesday that she believes Ukraine should be provided", speaker: "Ursula von der Leyen"),
    SeedReport(file: "001_afb79046292409a7.txt", cue: "Stoltenberg emphasized the necessity to continue", speaker: "Jens Stoltenberg"),
    SeedReport(file: "001_afb79046292409a7.txt", cue: "the British defense ministry said on Tuesday that Russian and mercenary troops", speaker: "British defense ministry"),
    SeedReport(file: "001_afb79046292409a7.txt", cue: "according to the British Defense Ministry’s most recent daily assessment", speaker: "British defense ministry"),
    SeedReport(file: "002_8f3eb1f4b4bb600a.txt", cue: "Such a statement on Tuesday, November 29, was made by Secretary General of the military bloc Jens Stoltenberg", speaker: "Jens Stoltenberg"),
    SeedReport(file: "002_8f3eb1f4b4bb600a.txt", cue: "Stoltenberg added that the countries of the alliance also agreed", speaker: "Jens Stoltenberg"),
    SeedReport(file: "002_8f3eb1f4b4bb600a.txt", cue: "NATO Secretary General Jens Stoltenberg announced that the foreign ministers", speaker: "Jens Stoltenberg"),
    SeedReport(file: "002_8f3eb1f4b4bb600a.txt", cue: "Stoltenberg noted that military and financial support for Ukraine is costly", speaker: "Jens Stoltenberg"),
    SeedReport(file: "002_8f3eb1f4b4bb600a.txt", cue: "reported on Tuesday that NATO’s European members may cut aid", speaker: "Global Times"),
    SeedReport(file: "002_8f3eb1f4b4bb600a.txt", cue: "Polish Ambassador to NATO Tomasz Shatkowski said that", speaker: "Tomasz Shatkowski"),
    SeedReport(file: "002_8f3eb1f4b4bb600a.txt", cue: "According to him, recently the NATO countries have reduced", speaker: "Tomasz Shatkowski"),
    SeedReport(file: "002_8f3eb1f4b4bb600a.txt", cue: "Sergey Lavrov, in turn, noted that any cargo", speaker: "Sergey Lavrov"),
    SeedReport(file: "003_1fbe944454a38bfd.txt", cue: "Jens Stoltenberg on Tuesday said the alliance would not pull back", speaker: "Jens Stoltenberg"),
    SeedReport(file: "003_1fbe944454a38bfd.txt", cue: "adding that the only way to get the right terms", speaker: "Jens Stoltenberg"),
    SeedReport(file: "003_1fbe944454a38bfd.txt", cue: "Ukrainian President Volodymyr Zelensky warned his fellow citizens", speaker: "Volodymyr Zelenskyy"),
    SeedReport(file: "003_1fbe944454a38bfd.txt", cue: "senior State Department official told reporters", speaker: "senior State Department official"),
    SeedReport(file: "004_8c2ddeb2bd6b1c05.txt", cue: "the alliance’s chief claimed today", speaker: "Jens Stoltenberg"),
    SeedReport(file: "004_8c2ddeb2bd6b1c05.txt", cue: "Former Norwegian Prime Minister Mr Stoltenberg said the military alliance would discuss plans", speaker: "Jens Stoltenberg"),
    SeedReport(file: "004_8c2ddeb2bd6b1c05.txt", cue: "A Western official confirmed Kyiv still intended", speaker: "Western official"),
    SeedReport(file: "004_8c2ddeb2bd6b1c05.txt", cue: "The official revealed Russia had suffered", speaker: "Western official"),
]

/// Single-quoted fragments of a headline glued into seed 004: never quotes.
let seedNotQuotes = ["shuts up", "deserved", "d***head"
]

enum SeedFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = root.appendingPathComponent("seeds").path
    static let corpus: Corpus = CorpusBuilder.load(paths: [seeds])
    static func article(_ file: String) -> Article? { corpus.articles.first { ($0.id as NSString).lastPathComponent == file } }

    /// The sentence of an article holding a verbatim piece of text, as a source range.
    static func sentence(of cue: String, in article: Article) -> SourceRange? {
        for p in article.paragraphs {
            guard let r = p.text.range(of: cue) else { continue }
            let at = p.text.unicodeScalars.distance(from: p.text.unicodeScalars.startIndex, to: r.lowerBound)
            let scalars = Array(p.text.unicodeScalars)
            let sentences = Sentences.split(scalars)
            if let s = sentences.first(where: { $0.contains(at) }) { return SourceRange(p.start + s.lowerBound, p.start + s.upperBound) }
        }
        return nil
    }

    /// The sentence before the one holding `cue` (for "Such a statement was made by X").
    static func previousSentence(of cue: String, in article: Article) -> SourceRange? {
        guard let s = sentence(of: cue, in: article) else { return nil }
        for p in article.paragraphs where p.range.contains(s.start) {
            let all = Sentences.split(Array(p.text.unicodeScalars)).map { SourceRange(p.start + $0.lowerBound, p.start + $0.upperBound) }
            if let i = all.firstIndex(of: s), i > 0 { return all[i - 1] }
        }
        return nil
    }
}

@Suite("Quotes in the seed articles")
struct QuoteSeedTests {
    @Test func everySeedQuoteWithSpeakerKindTextAndOffset() throws {
        for g in seedQuotes {
            let article = try #require(SeedFixtures.article(g.file), "\(g.file) not loaded")
            let q = try #require(article.quotes.first { $0.kind != .reported && $0.range.start == g.offset }, "\(g.file) @\(g.offset) missing")
            #expect(q.text == g.text, "\(g.file) @\(g.offset)")
            #expect(q.speaker == g.speaker, "\(g.file) @\(g.offset)")
            #expect(q.kind == g.kind, "\(g.file) @\(g.offset)")
        }
    }

    @Test func noFalseQuotes() {
        let expected = Set(seedQuotes.map { "\($0.file)@\($0.offset)" })
        for a in SeedFixtures.corpus.articles {
            for q in a.quotes where q.kind != .reported {
                #expect(expected.contains("\((a.id as NSString).lastPathComponent)@\(q.range.start)"), "false quote in \(a.id): \(q.text)")
            }
        }
        #expect(SeedFixtures.corpus.articles.flatMap(\.quotes).filter { $0.kind != .reported }.count == seedQuotes.count)
    }

    @Test func singleQuotedHeadlineFragmentsAreNotQuotes() {
        let texts = SeedFixtures.corpus.articles.flatMap(\.quotes).map(\.text)
        for n in seedNotQuotes { #expect(!texts.contains(n), "\(n)") }
    }

    @Test func reportedStatementsWithTheirSpeakers() throws {
        var right = 0
        for g in seedReports {
            let article = try #require(SeedFixtures.article(g.file))
            let reported = article.quotes.filter { $0.kind == .reported && $0.speaker == g.speaker }
            let inSentence = { (s: SourceRange) in reported.contains { $0.range.start >= s.start && $0.range.end <= s.end } }
            if let s = SeedFixtures.sentence(of: g.cue, in: article), inSentence(s) {
                right += 1
            } else {
                // "Such a statement … was made by X" reports the sentence before it.
                let prev = try #require(SeedFixtures.previousSentence(of: g.cue, in: article), "\(g.cue)")
                #expect(inSentence(prev), "\(g.file): \(g.cue)")
            }
        }
        #expect(right >= 21)
    }

    @Test func quotesAreInTextOrder() {
        for a in SeedFixtures.corpus.articles {
            #expect(a.quotes.map(\.range.start) == a.quotes.map(\.range.start).sorted())
        }
    }

    /// Whether or not cleaning has cut the glued-in headline off, the quotation after it is the same.
    @Test func gluedHeadlineDoesNotChangeTheQuotes() throws {
        let article = try #require(SeedFixtures.article("004_8c2ddeb2bd6b1c05.txt"))
        let trimmed = article.paragraphs.map { p -> Paragraph in
            let s = Array(p.text.unicodeScalars)
            // Cut a paragraph at a quotation glued to a letter, or at a capital glued to a closing single mark.
            for i in 1..<max(1, s.count) {
                if s[i] == "“", Scalars.isLetter(s[i - 1]) { return Paragraph(text: String(String.UnicodeScalarView(s[i...])), start: p.start + i) }
                if Scalars.isUpper(s[i]), s[i - 1] == "'", i > 1, Scalars.isLetter(s[i - 2]) {
                    return Paragraph(text: String(String.UnicodeScalarView(s[i...])), start: p.start + i)
                }
            }
            return p
        }
        let before = QuoteExtractor.extract(article.paragraphs, title: article.title).filter { $0.kind != .reported }
        let after = QuoteExtractor.extract(trimmed, title: article.title).filter { $0.kind != .reported }
        #expect(before.map(\.range) == after.map(\.range))
        #expect(before.map(\.speaker) == after.map(\.speaker))
        #expect(after.contains { $0.range.start == 918 && $0.kind == .direct })
    }
}
