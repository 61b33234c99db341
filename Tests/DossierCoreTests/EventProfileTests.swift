@testable import DossierCore
import Testing

/// What two reports of one event share, as the profile counts it: quoted word triples whatever
/// the marks and case, content-word pairs in their order, names.
@Suite struct EventProfileTests {
    static func profile(_ paragraphs: [String], found: Bool) -> EventProfile {
        let article = Article(id: "a", path: "a", paragraphs: paragraphs.map { Paragraph(text: $0, start: 0) })
        // With the tagger's reading of the paragraphs (a cold load) and without (read again).
        return EventProfile(article, found: found ? article.paragraphs.map { DateTagger.Found($0) } : [])
    }

    @Test("quoted triples: the same words match whatever the marks and case, accented words too")
    func quotedTriples() {
        let a = EventProfile.quotedTrigrams("He said: “We will not retreat from Kherson,” and left.")
        let b = EventProfile.quotedTrigrams("Il a dit « WE WILL NOT RETREAT FROM KHERSON » hier.")
        let c = EventProfile.quotedTrigrams("\"we will not retreat from kherson\"")
        #expect(a.count == 4 && a == b && b == c)
        let accented = EventProfile.quotedTrigrams("“Les émigrés sont partis”")
        #expect(accented == EventProfile.quotedTrigrams("«LES ÉMIGRÉS SONT PARTIS»"))
        #expect(accented.count == 2)
        // Other words, or the same words in another order, share nothing.
        #expect(a.isDisjoint(with: EventProfile.quotedTrigrams("“Kherson from retreat not will we”")))
        // Unquoted text and quotations of fewer than three words give none.
        #expect(EventProfile.quotedTrigrams("We will not retreat from Kherson.").isEmpty)
        #expect(EventProfile.quotedTrigrams("a “short” quote, “two words”").isEmpty)
        // One set per quotation.
        #expect(EventProfile.quotations("“One two three.” Then: “four five six seven”").map(\.count) == [1, 2])
    }

    @Test("word pairs: in order, once each, ascending; stop words and short words left out; names kept",
          arguments: [false, true])
    func pairsAndNames(found: Bool) {
        let p = Self.profile(["The central bank raised interest rates sharply on Tuesday, Governor Elena Marquez said."], found: found)
        let same = Self.profile(["THE CENTRAL BANK RAISED INTEREST RATES SHARPLY", "on Tuesday, Governor Elena Marquez said."], found: found)
        let reordered = Self.profile(["Sharply rates interest raised bank central."], found: found)
        #expect(p.pairs == p.pairs.sorted() && Set(p.pairs).count == p.pairs.count)
        // central-bank, bank-raised, raised-interest, interest-rates, rates-sharply,
        // sharply-tuesday (over the short "on"); the comma cuts; governor-elena, elena-marquez.
        #expect(p.pairs.count == 8)
        #expect(same.pairs == p.pairs, "case and a paragraph break change nothing")
        #expect(Set(reordered.pairs).isDisjoint(with: Set(p.pairs)))
        #expect(p.names.isSuperset(of: ["governor", "elena", "marquez"]))
        #expect(!p.names.contains("tuesday"), "weekdays are not names")
    }
}
