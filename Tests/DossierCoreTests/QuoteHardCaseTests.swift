import Testing
@testable import DossierCore

/// A short passage written for one pattern, with every quotation a careful reader would mark
/// and the reported statements that must be found.
struct HardCase: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var quotes: [ExpectedQuote]
    var reported: [ExpectedReport] = []
    /// When true, no reported statement other than those listed may be found.
    var onlyReported = false
    var testDescription: String { name }
}

private func q(_ text: String, _ speaker: String?, _ kind: QuoteKind = .direct) -> ExpectedQuote {
    ExpectedQuote(text: text, speaker: speaker, kind: kind)
}
private func r(_ contains: String, _ speaker: String?) -> ExpectedReport { ExpectedReport(contains: contains, speaker: speaker) }

let hardCases: [HardCase] = [
    HardCase(name: "a paragraph opening with a whole-sentence quotation belongs to the person it goes on about",
             text: "\"We will not go back until the offer improves,\" said union leader Maria Lopez.\n“This is a disgrace.” Transport minister Anne Clark criticised both sides on Tuesday.",
             quotes: [q("We will not go back until the offer improves,", "Maria Lopez"), q("This is a disgrace.", "Anne Clark")]),
    HardCase(name: "a quotation followed by a sentence about no person stays with the speaker before",
             text: "\"We have nothing to hide,\" said defence lawyer Ben Ortiz.\n“The charges are false.” Police declined to comment on the case.",
             quotes: [q("We have nothing to hide,", "Ben Ortiz"), q("The charges are false.", "Ben Ortiz")]),
    HardCase(name: "curly quote, pronoun after, named before",
             text: "Finance Minister Anna Berg presented the budget on Monday.\n“We will not raise taxes this year,” she said.",
             quotes: [q("We will not raise taxes this year,", "Anna Berg")]),
    HardCase(name: "straight quotes, inverted cue with full name",
             text: "\"The port will reopen within a week,\" said harbour master Tom Okafor.",
             quotes: [q("The port will reopen within a week,", "Tom Okafor")]),
    HardCase(name: "nested single curly quotes stay inside the outer quotation",
             text: "“They told us ‘wait until spring’ and we waited,” farmer Lena Ruiz said.",
             quotes: [q("They told us ‘wait until spring’ and we waited,", "Lena Ruiz")]),
    HardCase(name: "nested straight single quotes inside straight double quotes",
             text: "\"My son kept asking 'when can we go home' every night,\" said Maria Costa.",
             quotes: [q("My son kept asking 'when can we go home' every night,", "Maria Costa")]),
    HardCase(name: "guillemets",
             text: "« Nous ne reculerons pas », said union leader Pierre Lambert.",
             quotes: [q(" Nous ne reculerons pas ", "Pierre Lambert")]),
    HardCase(name: "low-high German quotes",
             text: "„Wir schaffen das“, said Chancellor Karl Weber on Tuesday.",
             quotes: [q("Wir schaffen das", "Karl Weber")]),
    HardCase(name: "mixed pair, straight opener and curly closer",
             text: "Coach Ben Adler said the team was tired but \"ready for the final.” The match starts at noon.",
             quotes: [q("ready for the final.", "Ben Adler", .partial)]),
    HardCase(name: "mixed pair, curly opener and straight closer",
             text: "“Prices have peaked,\" central bank governor Ruth Mensah told reporters.",
             quotes: [q("Prices have peaked,", "Ruth Mensah")]),
    HardCase(name: "newswire quote over two paragraphs reopens without closing",
             text: "Mayor Olga Petrenko spoke after the flood.\n“The water came in the night and took everything.\n“We will rebuild every house,” she said.",
             quotes: [q("The water came in the night and took everything. We will rebuild every house,", "Olga Petrenko")]),
    HardCase(name: "quote over three paragraphs",
             text: "Engineer Raj Patel described the collapse.\n\"First the cables snapped.\n\"Then the deck tilted.\n\"Then it fell,\" he said.",
             quotes: [q("First the cables snapped. Then the deck tilted. Then it fell,", "Raj Patel")]),
    HardCase(name: "unbalanced mark recovers at the paragraph end",
             text: "Senator Jane Doyle said: “We will vote against this bill no matter what\nThe vote is on Friday. “It is a bad bill,” Doyle said.",
             quotes: [q("We will vote against this bill no matter what", "Jane Doyle"), q("It is a bad bill,", "Jane Doyle")]),
    HardCase(name: "apostrophes are not quotes",
             text: "We've seen Ukraine’s farmers and the officials' plans since the '90s, rock ’n’ roll included.",
             quotes: []),
    HardCase(name: "single-quoted headline fragments are not quotes",
             text: "Host 'walks off' set after guest says minister 'deserved' to be called 'a clown'The river rose overnight.",
             quotes: []),
    HardCase(name: "headline glued to a quotation",
             text: "Mayor Ken Silva visited the shelter.\nPrices soar as storm hits coast“We are ready for the worst,” he said.",
             quotes: [q("We are ready for the worst,", "Ken Silva")]),
    HardCase(name: "mid-quote attribution",
             text: "“We have done our part,” Prime Minister Ivo Novak said, “and now it is their turn.”",
             quotes: [q("We have done our part,", "Ivo Novak"), q("and now it is their turn.", "Ivo Novak")]),
    HardCase(name: "X said: colon before the quote",
             text: "Ms Laura Chen said: “The deal is done.”",
             quotes: [q("The deal is done.", "Laura Chen")]),
    HardCase(name: "Mr + surname resolves to the full name",
             text: "Central bank chief Daniel Moreau spoke in Paris.\nMr Moreau said: “Inflation is falling.”",
             quotes: [q("Inflation is falling.", "Daniel Moreau")]),
    HardCase(name: "according to X after a partial quote",
             text: "The company has not changed “the core of its strategy,” according to chief executive Sara Lind.",
             quotes: [q("the core of its strategy,", "Sara Lind", .partial)]),
    HardCase(name: "X told reporters that: reported speech",
             text: "Health Minister Paul Evans told reporters on Friday that hospitals would get more staff.",
             quotes: [], reported: [r("hospitals would get more staff", "Paul Evans")], onlyReported: true),
    HardCase(name: "passive: described as … by X",
             text: "The situation in the camp was described as “desperate” by aid worker Nadia Haddad on Sunday.",
             quotes: [q("desperate", "Nadia Haddad", .partial)]),
    HardCase(name: "passive: characterized as … by an unnamed officer",
             text: "The fighting was characterized as “extremely intense” by a senior army officer who spoke on condition of anonymity.",
             quotes: [q("extremely intense", "senior army officer", .partial)]),
    HardCase(name: "pronoun goes to the salient speaker, not the nearest name",
             text: "Secretary-General Anton Weiss warned on Friday that it would be a mistake to underestimate Moscow and its President Igor Volkov.\n“They are prepared to wait,” he said.",
             quotes: [q("They are prepared to wait,", "Anton Weiss")],
             reported: [r("it would be a mistake to underestimate Moscow", "Anton Weiss")]),
    HardCase(name: "the Secretary-General resolves to the named holder of the title",
             text: "UN Secretary-General Maria Alves met the delegates.\n“Peace is possible,” the Secretary-General said.",
             quotes: [q("Peace is possible,", "Maria Alves")]),
    HardCase(name: "the official resolves to an unnamed official introduced before",
             text: "A senior European official confirmed the talks had stalled.\n“Nobody is moving,” the official said.",
             quotes: [q("Nobody is moving,", "senior European official")],
             reported: [r("the talks had stalled", "senior European official")]),
    HardCase(name: "singular they for an unnamed diplomat",
             text: "A Western diplomat said the envoy would return next week.\n“We expect a deal soon,” they said.",
             quotes: [q("We expect a deal soon,", "Western diplomat")],
             reported: [r("the envoy would return next week", "Western diplomat")]),
    HardCase(name: "a description before the name resolves forward",
             text: "Moscow is testing the West, the alliance’s chief claimed on Monday.\nSecretary-General Erik Dahl spoke after a meeting in Riga.",
             quotes: [], reported: [r("Moscow is testing the West", "Erik Dahl")]),
    HardCase(name: "reported speech with that",
             text: "Governor Alan Price announced that the bridge would close for repairs.",
             quotes: [], reported: [r("the bridge would close for repairs", "Alan Price")], onlyReported: true),
    HardCase(name: "reported speech without that",
             text: "Police chief Dana Cole said the suspect had left the country.",
             quotes: [], reported: [r("the suspect had left the country", "Dana Cole")], onlyReported: true),
    HardCase(name: "trailing attribution to a group",
             text: "Three villages were cut off by the floods, local officials said on Monday, as rain continued.",
             quotes: [], reported: [r("Three villages were cut off by the floods", "local officials")], onlyReported: true),
    HardCase(name: "According to X at the start, pronoun",
             text: "Ambassador Lukas Brandt said that aid deliveries had slowed. According to him, stocks were running low.",
             quotes: [], reported: [r("aid deliveries had slowed", "Lukas Brandt"), r("stocks were running low", "Lukas Brandt")]),
    HardCase(name: "according to an organisation’s report",
             text: "The main target is probably the port, according to the Danish Defence Ministry’s latest assessment.",
             quotes: [], reported: [r("The main target is probably the port", "Danish Defence Ministry")], onlyReported: true),
    HardCase(name: "name with an appositive role",
             text: "Elena Moretti, president of the regional council, told reporters that schools would reopen.",
             quotes: [], reported: [r("schools would reopen", "Elena Moretti")]),
    HardCase(name: "role with an appositive name and an adverbial",
             text: "The head of the agency, Omar Said, in turn, noted that the data were incomplete.",
             quotes: [], reported: [r("the data were incomplete", "Omar Said")]),
    HardCase(name: "a paragraph that is only a quote continues the speaker",
             text: "Coach Mia Torres said: “We played well.”\n“The referee decided the game.”",
             quotes: [q("We played well.", "Mia Torres"), q("The referee decided the game.", "Mia Torres")]),
    HardCase(name: "second quotation in the next sentence keeps the speaker",
             text: "“It was a hard winter,” farmer Jon Berg said. “Next year will be better.”",
             quotes: [q("It was a hard winter,", "Jon Berg"), q("Next year will be better.", "Jon Berg")]),
    HardCase(name: "inch marks are not quotes",
             text: "The new model has a 15\" screen and weighs 2 kg.",
             quotes: []),
    HardCase(name: "scare quote without a speaker",
             text: "The so-called “peace plan” was published on Monday.",
             quotes: [q("peace plan", nil, .partial)]),
    HardCase(name: "told a conference in a place that",
             text: "Minister Karin Holm told a business conference in Oslo that energy prices would fall.",
             quotes: [], reported: [r("energy prices would fall", "Karin Holm")], onlyReported: true),
    HardCase(name: "said, adding that",
             text: "“We are on track,” project director Hugo Lenz said, adding that the tunnel would open in May.",
             quotes: [q("We are on track,", "Hugo Lenz")], reported: [r("the tunnel would open in May", "Hugo Lenz")], onlyReported: true),
    HardCase(name: "This was stated by X reports the previous sentence",
             text: "The talks will continue in Geneva next month. This was stated by Foreign Minister Pavel Orlov.",
             quotes: [], reported: [r("The talks will continue in Geneva next month", "Pavel Orlov")]),
    HardCase(name: "coordinated subjects give no single speaker",
             text: "France and Germany have said they are sending more generators.",
             quotes: [], reported: [], onlyReported: true),
    HardCase(name: "as noted in the article is not speech",
             text: "As noted in the article, the winter will be difficult for many families.",
             quotes: [], reported: [], onlyReported: true),
    HardCase(name: "a document is not a speaker",
             text: "The report said the river was polluted by three factories.",
             quotes: [], reported: [], onlyReported: true),
    HardCase(name: "an infinitive reporting verb is not a cue",
             text: "Officials are expected to confirm the plan next week.",
             quotes: [], reported: [], onlyReported: true),
    HardCase(name: "inverted cue with a description",
             text: "Spokeswoman Ines Duarte spoke after the vote.\n“The result is final,” said the spokeswoman.",
             quotes: [q("The result is final,", "Ines Duarte")]),
    HardCase(name: "quote after a reported clause shares its speaker",
             text: "The defence ministry said on Sunday that troops were “probably in control” of the town.",
             quotes: [q("probably in control", "defence ministry", .partial)],
             reported: [r("troops were", "defence ministry")]),
    HardCase(name: "cue after a partial quote at the end of the sentence",
             text: "The rebels are “close to collapse,” the army’s commander claimed today.\nGeneral Sami Nour commands the northern front.",
             quotes: [q("close to collapse,", "Sami Nour", .partial)]),
    HardCase(name: "single-quoted quotation with a speech cue",
             text: "‘We will fight on to the end,’ said union leader Rosa Vidal.",
             quotes: [q("We will fight on to the end,", "Rosa Vidal")]),
    HardCase(name: "stray opening mark before a word or two is dropped",
             text: "The score was 3-1 “ at half time.\nThe crowd left early.",
             quotes: []),
    HardCase(name: "told X there was: the person told is not the statement",
             text: "Ombudsman Rita Gomez told Reuters there was evidence of fraud.",
             quotes: [], reported: [r("there was evidence of fraud", "Rita Gomez")], onlyReported: true),
    HardCase(name: "the company points back at the company named before",
             text: "Northwind Shipping Co said on Monday it would cut 300 jobs. The company said the cuts would save money.",
             quotes: [], reported: [r("it would cut 300 jobs", "Northwind Shipping Co"), r("the cuts would save money", "Northwind Shipping Co")],
             onlyReported: true),
    HardCase(name: "a long title phrase before the name",
             text: "Chancellor of the Exchequer Alan Marsh said the budget would be balanced by next year.",
             quotes: [], reported: [r("the budget would be balanced", "Alan Marsh")], onlyReported: true),
    HardCase(name: "a sentence opener is not part of the speaker",
             text: "But Governor Ana Ruiz said the road would stay closed.",
             quotes: [], reported: [r("the road would stay closed", "Ana Ruiz")], onlyReported: true),
    HardCase(name: "typewriter quotes",
             text: "``We will win the cup,'' said coach Tim Hale.",
             quotes: [q("We will win the cup,", "Tim Hale")]),
    HardCase(name: "a first name alone refers to the one person who has it",
             text: "Designer Steve Marks opened the show in Milan. Steve announced that the line would ship in May.",
             quotes: [], reported: [r("the line would ship in May", "Steve Marks")], onlyReported: true),
    HardCase(name: "a place after a preposition is not the person a pronoun means",
             text: "Actor Jon Reed spoke at a gala in San Marino.\n“It was a great night,” he said.",
             quotes: [q("It was a great night,", "Jon Reed")]),
    HardCase(name: "an outlet relaying a statement is not its speaker",
             text: "Finance ministers pledged more aid to the region, Radio Nova reports.",
             quotes: [], reported: [r("more aid to the region", "Finance ministers")], onlyReported: true),
    HardCase(name: "a body whose name ends in a possessive",
             text: "Moody's said the outlook for the bank was stable.",
             quotes: [], reported: [r("the outlook for the bank was stable", "Moody's")], onlyReported: true),
    HardCase(name: "a qualified description nobody matches is its own speaker",
             text: "Analyst Ben Ford of Apex Bank spoke first.\n“Rates will rise,” said the Nomura economist.",
             quotes: [q("Rates will rise,", "Nomura economist")]),
    HardCase(name: "title of a body before a name",
             text: "Treasury Secretary Joan Pike said the dollar was too strong.",
             quotes: [], reported: [r("the dollar was too strong", "Joan Pike")], onlyReported: true),
    HardCase(name: "an age between name and verb",
             text: "Farmer Jo Vance lost her barn.\n“We are ready to start again,” Vance, 45, said.",
             quotes: [q("We are ready to start again,", "Jo Vance")]),
    HardCase(name: "inverted cue with a role appositive after the name",
             text: "“The border stays open,” said Marco Bellini, a spokesman for the interior ministry.",
             quotes: [q("The border stays open,", "Marco Bellini")]),
    HardCase(name: "name, role appositive, told an outlet",
             text: "“We saw nothing,” Hana Kim, the mayor's spokeswoman, told AFP.",
             quotes: [q("We saw nothing,", "Hana Kim")]),
    HardCase(name: "said in a statement with a colon",
             text: "Irene Walsh said in a statement: “The company will appeal.”",
             quotes: [q("The company will appeal.", "Irene Walsh")]),
    HardCase(name: "a body said in a statement on a day",
             text: "“Two drones were shot down,” the Moldovan defence ministry said in a statement on Monday.",
             quotes: [q("Two drones were shot down,", "Moldovan defence ministry")]),
    HardCase(name: "opening adverbial, then X said with a colon",
             text: "In a statement, the Harbour Authority said: “The quay is closed.”",
             quotes: [q("The quay is closed.", "Harbour Authority")]),
    HardCase(name: "wrote on a platform",
             text: "“We are ready,” Senator Lucy Grant wrote on X.",
             quotes: [q("We are ready,", "Lucy Grant")], reported: [], onlyReported: true),
    HardCase(name: "comma outside the closing mark",
             text: "“We are ready”, Governor Tom Reyes said.",
             quotes: [q("We are ready", "Tom Reyes")]),
    HardCase(name: "present tense, inverted",
             text: "“It is the best season yet,” says coach Amy Lund.",
             quotes: [q("It is the best season yet,", "Amy Lund")]),
    HardCase(name: "asked whether …, X said",
             text: "Asked whether the talks would resume, Prime Minister Jan Olsen said: “Not this year.”",
             quotes: [q("Not this year.", "Jan Olsen")]),
    HardCase(name: "a person of a firm",
             text: "“Investors are throwing in the towel,” said Dora Quist of Northgate Financial Advisory Services.",
             quotes: [q("Investors are throwing in the towel,", "Dora Quist")]),
    HardCase(name: "single-quoted words in a sentence with a distant verb are not a quotation",
             text: "Minister says 'we will not back down' on tax plan as markets slide.",
             quotes: []),
    HardCase(name: "a firm's name before a person's name",
             text: "“Sell everything,” said Fort Lee Capital Group Mia Hart.",
             quotes: [q("Sell everything,", "Mia Hart")]),
    HardCase(name: "quote-only verb of manner after a quotation",
             text: "“I never expected to win,” Lea Brun laughed.",
             quotes: [q("I never expected to win,", "Lea Brun")], reported: [], onlyReported: true),
]

@Suite("Quote hard cases")
struct QuoteHardCaseTests {
    @Test("hard case", arguments: hardCases)
    func hardCase(_ c: HardCase) {
        let found = extractPassage(c.text)
        expectPassage(found, quotes: c.quotes, reported: c.reported, source: c.text, name: c.name)
        for quote in found where quote.kind != .reported {
            // The range covers the marks: it starts at the opening mark and holds the text.
            let source = sourceSlice(c.text, quote.range)
            #expect(source.unicodeScalars.first.map { "“\"„«‘'`".unicodeScalars.contains($0) } == true, "\(c.name): \(source)")
        }
        let reported = found.filter { $0.kind == .reported }
        if c.onlyReported {
            #expect(reported.count == c.reported.count, "\(c.name): \(reported.map { "[\($0.text)] — \($0.speaker ?? "nil")" })")
        }
        #expect(found.map(\.range.start) == found.map(\.range.start).sorted())
    }

    @Test func atLeastFortyHardCases() { #expect(hardCases.count >= 40) }

    @Test func reportedStatementStartsAfterTheDateline() {
        let text = "CHICAGO, Feb 26 - Dean Foods Co expects earnings to rise this year, chairman Kenneth Douglas said."
        let q = try? #require(extractPassage(text).first { $0.kind == .reported })
        #expect(q?.text.hasPrefix("Dean Foods Co expects earnings") == true)
        #expect(q?.speaker == "Kenneth Douglas")
        // The offsets move with the text.
        #expect(q.map { String(String.UnicodeScalarView(Array(text.unicodeScalars)[$0.range.start..<$0.range.end])) }?.hasPrefix("Dean Foods") == true)
    }

    @Test func nestedReportingGivesTheClauseOnce() {
        // Both verbs reach the last clause; it is the nearer reporter's, and reported once.
        let q = extractPassage("The department said the Customs Service has reported that imports rose sharply in January.").filter { $0.kind == .reported }
        let clause = q.filter { $0.text.hasPrefix("imports rose") }
        #expect(clause.count == 1)
        #expect(clause.first?.speaker == "Customs Service")
    }

    @Test func aBodyNamedByOneWordOfItsName() {
        // "the Bank" after "the Bank of England": a capitalized word of a body named before.
        let q = extractPassage("The Bank of England said money supply rose in January.\nLending also grew, the Bank said.\nThe Fund said nothing.")
            .filter { $0.kind == .reported }
        #expect(q.count == 2)
        #expect(q.allSatisfy { $0.speaker == "Bank of England" })
    }

    @Test func anUnnamedSpokespersonSpeaksForTheFirm() {
        // "A spokeswoman" of a wire story speaks for the firm it is about, and so does "she" after her;
        // a country named in between is no firm.
        let q = extractPassage("Alcan Aluminium Ltd said it plans to close its smelter in Bonn, Germany.\n"
                               + "A spokeswoman said the smelter was losing money. She added that 320 jobs would go.\n"
                               + "The closure will be completed by June, a company spokesman said.").filter { $0.kind == .reported }
        #expect(q.count == 4)
        #expect(q.allSatisfy { $0.speaker == "Alcan Aluminium Ltd" }, "\(q.map(\.speaker))")
        // A spokesperson of a kind no body named fits stays a speaker of its own.
        let other = extractPassage("Alcan Aluminium Ltd said it plans to close its smelter.\nThe talks failed, a union spokesman said.")
        #expect(other.last?.speaker == "union spokesman")
    }

    @Test func quotedAtTheEndOfAParagraph() {
        // "quoted X as saying" looks ahead for "as"; a paragraph that ends at "quoted" has none.
        #expect(extractPassage("The agency quoted").isEmpty)
        #expect(extractPassage("The agency quoted him.").isEmpty)
        let q = extractPassage("The agency quoted Mayor Ana Ruiz as saying the bridge would reopen in May.")
        #expect(q.first?.speaker == "Ana Ruiz")
    }

    @Test func lexiconHasOverAHundredLemmasWithInflections() {
        #expect(ReportingVerbs.lemmas.count >= 100)
        for form in ["said", "says", "told", "emphasised", "emphasized", "emphasizes", "denied", "denies", "noting", "urged", "insisted", "warns", "confirmed", "revealing", "added", "claims"] {
            #expect(ReportingVerbs.lookup(form) != nil, "\(form)")
        }
        #expect(ReportingVerbs.lookup("table") == nil)
    }
}
