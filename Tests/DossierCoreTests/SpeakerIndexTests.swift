import Foundation
import DossierTestSupport
import Testing
@testable import DossierCore

/// Parses passages as articles, then joins them into one corpus.
private func corpus(_ texts: [String]) -> [Article] {
    texts.enumerated().map { i, text in
        let ps = passageParagraphs(text)
        return Article(id: "a\(i).txt", path: "a\(i).txt", paragraphs: ps, quotes: QuoteExtractor.extract(ps, title: nil))
    }
}

@Suite("Speakers across the corpus")
struct SpeakerIndexTests {
    @Test func surnameTitleAndMrJoinTheFullName() {
        var articles = corpus([
            "Foreign Minister Lea Hartmann said the embassy would reopen.",
            "“We are ready,” Hartmann said.",
            "Mr Hartmann said: “Talks resume on Monday.”",
        ])
        // "Mr" for a woman is a writer's slip, but the name is still hers.
        let (speakers, aliases) = SpeakerIndex.resolve(&articles)
        #expect(speakers.count == 1)
        #expect(speakers.first?.name == "Lea Hartmann")
        #expect(speakers.first?.role == "Foreign Minister")
        #expect(speakers.first?.quotes == 2)
        #expect(speakers.first?.reported == 1)
        #expect(aliases["Hartmann"] == "Lea Hartmann")
        #expect(articles.flatMap(\.quotes).allSatisfy { $0.speaker == "Lea Hartmann" })
    }

    @Test func spellingVariantsOfOneNameJoin() {
        var articles = corpus([
            "“We will hold the line,” President Oleksandr Kovalenkko said.",
            "President Oleksandr Kovalenko warned that winter would be hard.",
        ])
        let (speakers, _) = SpeakerIndex.resolve(&articles)
        #expect(speakers.count == 1)
        // The spelling that carries a quotation wins.
        #expect(speakers.first?.name == "Oleksandr Kovalenkko")
        #expect(speakers.first?.aliases.contains("Oleksandr Kovalenko") == true)
    }

    @Test func differentFirstNamesStayApart() {
        var articles = corpus([
            "“Sales are up,” said analyst Peter Johansson.",
            "“Sales are down,” said economist Maria Johansson.",
        ])
        let (speakers, _) = SpeakerIndex.resolve(&articles)
        #expect(Set(speakers.map(\.name)) == ["Peter Johansson", "Maria Johansson"])
    }

    @Test func middleInitialAndTitleJoinTheSameName() {
        var articles = corpus([
            "“Rates will hold,” said Treasury Secretary James A. Holloway.",
            "James Holloway said the dollar was stable.",
            "Chancellor of the Exchequer Nigel Prentice said the pound was stable.",
            "“We are calm,” Nigel Prentice said.",
        ])
        let (speakers, _) = SpeakerIndex.resolve(&articles)
        #expect(Set(speakers.map(\.name)) == ["James A. Holloway", "Nigel Prentice"])
    }

    @Test func aBareSurnameJoinsOnlyOnePerson() {
        var articles = corpus([
            "“Taxes will fall,” said Finance Minister Karl Brandt. “Soon,” said Karl Brandt.",
            "“We disagree,” said opposition leader Eva Brandt.",
            "“Not now,” Brandt said.",
        ])
        let (speakers, _) = SpeakerIndex.resolve(&articles)
        #expect(Set(speakers.map(\.name)) == ["Karl Brandt", "Eva Brandt"])
        #expect(speakers.first { $0.name == "Karl Brandt" }?.quotes == 3)
    }

    @Test func differentTreasuriesStayApart() {
        var articles = corpus([
            "The U.S. Treasury said it would sell new bonds. The Italian Treasury said it would not.",
        ])
        let (speakers, _) = SpeakerIndex.resolve(&articles)
        #expect(Set(speakers.map(\.name)) == ["U.S. Treasury", "Italian Treasury"])
    }

    @Test func acronymAndCorporateSuffixJoinTheBody() {
        var articles = corpus([
            "Northern Rail Inc said fares would rise in May.",
            "Northern Rail said the trains were late.",
            "NR said the strike was over.",
        ])
        let (speakers, _) = SpeakerIndex.resolve(&articles)
        #expect(speakers.count == 1)
        #expect(speakers.first?.reported == 3)
    }

    @Test func caseVariantsOfABodyJoin() {
        var articles = corpus([
            "The Danish defence ministry said on Monday that two ships had left port.",
            "The port was empty, according to the Danish Defence Ministry.",
        ])
        let (speakers, _) = SpeakerIndex.resolve(&articles)
        #expect(speakers.count == 1)
        #expect(speakers.first?.name == "Danish defence ministry")
        #expect(speakers.first?.reported == 2)
    }

    @Test func speakersSortedByCountThenName() {
        var articles = corpus([
            "“One,” said Ann Lee. “Two,” said Ann Lee. “Three,” said Bo Kim. “Four,” said Cy Park.",
        ])
        let (speakers, _) = SpeakerIndex.resolve(&articles)
        #expect(speakers.map(\.name) == ["Ann Lee", "Bo Kim", "Cy Park"])
    }

    @Test func seedSpeakersAreCanonical() throws {
        let speakers = SeedFixtures.corpus.speakers
        let stoltenberg = try #require(speakers.first)
        #expect(stoltenberg.name == "Jens Stoltenberg")
        #expect(stoltenberg.role == "NATO Secretary-General")
        for alias in ["Stoltenberg", "Mr Stoltenberg", "NATO chief Jens Stoltenberg", "the Secretary-General", "the alliance’s chief"] {
            #expect(stoltenberg.aliases.contains(alias), "\(alias)")
        }
        let names = Set(speakers.map(\.name))
        for gold in ["Jens Stoltenberg", "Volodymyr Zelenskyy", "British defense ministry", "senior U.S. military officer",
                     "Western official", "Ursula von der Leyen", "Kyiv officials", "Global Times", "Tomasz Shatkowski",
                     "Sergey Lavrov", "senior State Department official"] {
            #expect(names.contains(gold), "\(gold)")
        }
        #expect(!names.contains("Volodymyr Zelensky"))
        #expect(!names.contains("British Defense Ministry"))
        #expect(speakers.map { $0.quotes + $0.reported } == speakers.map { $0.quotes + $0.reported }.sorted(by: >))
        #expect(speakers.first { $0.name == "Western official" }?.aliases.contains("they") == true)
    }
}

@Suite("Statements linked across articles")
struct StatementLinkerTests {
    @Test func similarityScale() {
        #expect(StatementLinker.similarity("We will not back down.", "We will not back down.") == 1)
        #expect(StatementLinker.similarity("Grain exports will resume next month.", "The striker scored twice in the final.") < 0.2)
        #expect(StatementLinker.similarity("the overarching purpose of his assault",
                                           "He has not changed the overarching purpose of his ruthless assault against the country") >= 0.5)
    }

    @Test func sameStatementInTwoOutletsIsLinked() throws {
        let articles = corpus([
            "“Our allies will stand with Ukraine for as long as it takes. We will not retreat,” said Secretary-General Jens Berg.",
            "“The alliance will stand for Ukraine as long as it takes. We will not back down,” Jens Berg said in a speech.",
            "“Grain prices will fall next spring,” said trader Ola Nilsen.",
        ])
        let links = StatementLinker.links(articles)
        #expect(links.count == 1)
        let link = try #require(links.first)
        #expect(Set([link.a.article, link.b.article]) == [0, 1])
        #expect(link.similarity >= 0.5 && link.similarity <= 1)
    }

    @Test func linkedQuotesAreFoundFromEitherSideBeforeAndAfterPreparing() {
        let articles = corpus([
            "“The harbour will reopen on Monday after the storm,” said mayor Ana Lund.",
            "“The harbour will reopen on Monday after the storm passes,” Ana Lund said.",
            "“Grain prices will fall next spring,” said trader Ola Nilsen.",
            "“The harbour will reopen on Monday after this storm,” mayor Ana Lund told reporters.",
        ])
        let c = Corpus(articles: articles, links: StatementLinker.links(articles))
        let first = QuoteRef(article: 0, quote: 0), unrelated = QuoteRef(article: 2, quote: 0)
        let before = Set(c.linkLookup.linked(to: first))
        #expect(before == [QuoteRef(article: 1, quote: 0), QuoteRef(article: 3, quote: 0)])
        #expect(c.linkLookup.linked(to: unrelated).isEmpty)
        c.linkLookup.prepare()
        #expect(Set(c.linkLookup.linked(to: first)) == before)
        #expect(Set(c.linkLookup.linked(to: QuoteRef(article: 3, quote: 0))) == [first, QuoteRef(article: 1, quote: 0)])
        #expect(c.linkLookup.linked(to: unrelated).isEmpty)
    }

    @Test func differentSpeakersAreNotLinked() {
        let articles = corpus([
            "“The talks will resume in Geneva next week,” said envoy Tom Hale.",
            "“The talks will resume in Geneva next week,” said minister Ida Berg.",
        ])
        #expect(StatementLinker.links(articles).isEmpty)
    }

    @Test func seedStatementsAcrossOutlets() {
        let c = SeedFixtures.corpus
        let linked = c.links.map { l in (c.articles[l.a.article].quotes[l.a.quote].text, c.articles[l.b.article].quotes[l.b.quote].text) }
        #expect(linked.contains { a, b in
            (a.hasPrefix("NATO allies will continue") && b.hasPrefix("Nato will continue")) || (b.hasPrefix("NATO allies will continue") && a.hasPrefix("Nato will continue"))
        })
        for l in c.links { #expect(l.a.article != l.b.article) }
    }
}

@Suite("Statement terms")
struct StatementTermTests {
    @Test func asciiTermsMatchTheFoldedOnes() throws {
        // The byte path for ASCII text must give exactly the words Foundation's folding gives.
        let handle = try #require(FileHandle(forReadingAtPath: DateFixtures.seeds + "/002_8f3eb1f4b4bb600a.txt"))
        let sentences = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self).split(separator: ".").map(String.init)
        let samples = sentences.filter { $0.utf8.allSatisfy { $0 < 0x80 } } + [
            "NATO's 2023 summit: allies AGREED, re-armed & ready", "It's a 50-50 call, isn't it?", "x y z 9 10", "",
        ]
        #expect(samples.count > 10)
        for s in samples { #expect(StatementLinker.contentTerms(s) == StatementLinker.foldedContentTerms(s), "\(s)") }
        // Non-ASCII text goes through the folding: accents and case fall away.
        #expect(StatementLinker.contentTerms("Élan and ÉLAN") == StatementLinker.contentTerms("elan"))
    }
}

@Suite("Statement term bytes")
struct StatementTermByteTests {
    @Test func asciiStemAgreesWithStem() {
        // Generated ASCII words with the suffixes' letters over-represented, of every length up to 9.
        let pieces = ["i", "n", "g", "e", "d", "s", "S", "a", "1", "ing", "ed", "es"]
        var rng = SplitMix(seed: 11)
        var cut = 0
        for _ in 0..<40_000 {
            let w = (0..<Int(rng.next() % 7)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let kept = Array(w.utf8).withUnsafeBufferPointer { StatementLinker.asciiStemLength($0) }
            #expect(String(w.prefix(kept)) == StatementLinker.stem(w), "\(w)")
            if kept < w.utf8.count { cut += 1 }
        }
        #expect(cut > 1_000)
    }

    @Test func asciiTermsAgreeWithFoldedTerms() {
        // Sentences of generated words, capitals, digits, apostrophes and stop words; text that
        // is not ASCII must be refused by the byte path.
        let pieces = ["The", "said", "NATO", "ministers", "agreed", "going", "it's", "50-50", "Kyiv’s", "é", "e\u{301}", "x", " ", ", ", ".", "\n", "Ring", "ED", "uses"]
        var rng = SplitMix(seed: 12)
        var ascii = 0
        for _ in 0..<5_000 {
            let s = (0..<Int(rng.next() % 14)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined(separator: rng.next() % 3 == 0 ? "" : " ")
            if let terms = StatementLinker.asciiContentTerms(s) {
                ascii += 1
                #expect(terms == StatementLinker.foldedContentTerms(s), "\(s)")
            } else {
                #expect(!s.utf8.allSatisfy { $0 < 0x80 }, "\(s)")
            }
            #expect(StatementLinker.contentTerms(s) == StatementLinker.foldedContentTerms(s), "\(s)")
        }
        #expect(ascii > 1_000)
    }
}
