import DossierTestSupport
import Testing
@testable import DossierCore

/// `Phrases`, `Openers` and `SearchedText(lowercasing:)` rule texts out from their bytes before
/// the String is asked; these check them against the plain String reading on generated lines,
/// including capitals, scalars beyond ASCII, combining marks and the rules' own phrases (openings
/// must be plain: "é" would also open a line spelt with a combining accent).
@Suite struct PhraseListTests {
    static let pieces: [String] = [
        "a", "e", "s", "t", "o", "r", "n", " ", " ", ":", "@", "/", "©", "’", "'", ",", ".", "1", "É", "é", "\u{301}", "K", "\u{212A}",
        "ß", "İ", "\u{037E}", ";", "\u{1FEF}", "`", "•", "the ", "this ", "article", "story", "said", "says", "cookie", "email", "sign up", "read more", "related",
        "Tags", "photo", "by ", "published", "watch", "follow us", "Correction", "editor’s note", "subscribe", "you",
    ]

    static func lines(count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix(seed: seed)
        return (0..<count).map { _ in
            let length = Int(rng.next() % 9)
            return (0..<length).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
    }

    static let phraseLists: [[String]] = [
        Furniture.reportingPhrases.texts, Furniture.cookieWords.texts, Furniture.newsletterTerms.texts, Furniture.selfReferences.texts,
        Furniture.appealPhrases.texts, Furniture.promotionCalls.texts, ["©", "a", "e-mail", "’s"],
    ]
    static let openerLists: [[String]] = [
        Furniture.editorNoteOpeners.texts, Furniture.mediaLabels.texts, Furniture.promotionOpeners.texts, Furniture.creditOpeners.texts,
        Furniture.trailerWords.texts, Furniture.tagWords.texts, ["k", "a long opening phrase", "’s"],
    ]

    @Test func agreesWithStringReading() {
        for line in Self.lines(count: 20_000, seed: 11) {
            let lower = SearchedText(lowercasing: line)
            let plain = SearchedText(line.lowercased())
            #expect(lower.text == line.lowercased(), "\(line.debugDescription)")
            for list in Self.phraseLists {
                let phrases = Phrases(list)
                #expect(lower.includesAny(phrases) == list.contains { lower.text.includes($0) }, "\(line.debugDescription)")
                #expect(plain.includesAny(phrases) == list.contains { plain.text.includes($0) }, "\(line.debugDescription)")
                #expect(lower.count(of: phrases) == list.filter { lower.text.includes($0) }.count, "\(line.debugDescription)")
            }
            for list in Self.openerLists {
                let openers = Openers(list)
                for text in [line, lower.text] {
                    let expected = list.contains { text.startsWithBytes($0) && text.hasPrefix($0) }
                    #expect(openers.opens(text) == expected, "\(text.debugDescription)")
                    if expected { #expect(openers.mayOpen(text), "\(text.debugDescription)") }
                }
                // `isByline` asked a lowercased line's `hasPrefix` alone.
                #expect(openers.opens(lower.text) == list.contains(where: lower.text.hasPrefix), "\(line.debugDescription)")
            }
        }
    }

    /// The one-pass byte check must never call a paragraph free of glue points when the scalar reading finds one.
    @Test func gluedHeadlineByteCheckMissesNothing() {
        var rng = SplitMix(seed: 5)
        let words = ["the", "Strike", "in", "decade", "“We", "all", "agree", "It", "'d***head'They", "é", "Über", "said", "\"Yes", "a.", "—"]
        for _ in 0..<5_000 {
            let text = (0..<Int(rng.next() % 14)).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: rng.next() % 3 == 0 ? "" : " ")
            let s = Array(text.unicodeScalars)
            let anyGlue = s.count > 2 && (1..<(s.count - 1)).contains { GluedHeadline.isGlue(s, at: $0) }
            if anyGlue { #expect(GluedHeadline.mayGlueASCII(text) != false, "\(text.debugDescription)") }
            if GluedHeadline.mayGlueASCII(text) == nil { #expect(text.utf8.contains { $0 >= 0x80 }, "\(text.debugDescription)") }
        }
    }
}

/// The reading-time, age, clock and counter rules look at a line's ends before they run their
/// expressions; these check that the look never turns away a line the expression alone would take.
@Suite struct StampExpressionGuardTests {
    /// Slots of the lines the rules look for, each filled with a right or a wrong choice, so
    /// that some lines match and the rest miss by one piece ("" leaves a slot out).
    static let templates: [[[String]]] = [
        [["", " ", "\u{0B}"], ["5", "12", "٣", "x"], ["", " ", "-", "\u{00A0}"], ["min", "mins", "minutes", "hour"], [" ", ""], ["read", "listen", "ago"], ["", " ", "\u{2028}", "."]],
        [["", " ", "\u{0B}", "vs 1.10 dlrs ", "up from 12 ", "x "], ["", "updated", "last updated", "last  updated ", "posted", "Published"], ["", ":", " : "], [" ", "", "\u{2028}"],
         ["5", "an", "one", "3h", "x", "٣", "a"], [" ", "", "\t"], ["hours", "day", "min", "years", "h", "w"], [" "], ["ago", "agoo", "chicago"], ["", " ", "\t"]],
        [["", " ", "\u{0B}", "x", "\u{3000}"], ["7", "10", "٣", "123", "٣4"], [":", ".", ",", ":."], ["15", "5", "٤٥", "157", "00"],
         ["", " am", "P.M.", "a.m", "pM", "h", " Uhr", " UHR", "Uh", "x", " dlrs", " A.", "  p.m..", "\u{85}am"], ["", " CET", " cet", "T", " AMT", "EASTX", " B", "CEST"],
         ["", " ", ".", "\u{85}", "\r\n", "\u{2029}", "\u{0B} ", "\u{85} ", "\u{0C}"]],
        [["", " ", "x", "\u{00A0}", "\t"], ["", "page", "photo", "photograph", "image", "picture", "slide", "pages", "shr"], ["", " "], ["3", "٣", "x", "1.5", "10"],
         [" of ", "/", " to ", "of"], ["12", "٩", "y", "2,5"], ["", " ", "\u{2028}", "\u{85}", "\n", "."]],
        [["", "Crowds in Kyiv. ", "Rates fell 2.5 pct ", "x. "], ["Photograph", "Photo", "Image", "(Photo", "(Image", "Credit", "credit", "Getty Images", "Foto", "Pictures"],
         ["", " ", "\u{00A0}", "\u{2028}"], [":", "", ")", "/", ":."], ["", " ", "\n"], ["Reuters", "J. Doe", "x", "Getty Images", "AP", "", "Doe)"],
         ["", ")", ".", " ", "\u{00A0}", "\u{85}", "\r\n", ": y", "s"]],
        [["", "Traders in Frankfurt. ", "Shares rose 3/4 pct ", "x "], ["REUTERS", "Reuters", "AP Photo", "Getty Images", "dpa", "reuters", "AFP"],
         ["", " via Getty", " via  X", " via", " told reporters 1", "via X"], ["", " ", "\u{00A0}"], ["/", "//", " / ", "|"], ["", " "],
         ["Jane Doe", "J", "Fabian Bimmer", String(repeating: "x", count: 59), String(repeating: "y", count: 61), "a/b", "A\u{301}"],
         ["", ")", " ", "\u{85}", ".", ") ", "\n"]],
    ]

    /// The expression `Furniture.isClock` is written from.
    static let clockPattern = Pattern(#"^\s*\d{1,2}[:.]\d{2}(\s*([AaPp]\.?[Mm]\.?|h|Uhr))?(\s*[A-Z]{2,4})?\s*$"#)

    @Test func guardsNeverDropALineTheExpressionTakes() {
        var rng = SplitMix(seed: 23)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        var taken = [0, 0, 0, 0, 0, 0]
        for _ in 0..<40_000 {
            let line = pick(Self.templates).map { pick($0) }.joined()
            let lower = SearchedText(lowercasing: line)
            let reading = Furniture.readingTimePattern.matches(lower.text)
                || lower.hasPrefix("listen to this article") || lower.hasPrefix("listen to this story")
            let age = lower.text == "just now" || Furniture.agePattern.matches(lower.text)
            #expect(Furniture.isReadingTime(lower) == reading, "\(line.debugDescription)")
            #expect(Furniture.isAge(lower) == age, "\(line.debugDescription)")
            let clock = line.utf8.count <= 24 && Self.clockPattern.matches(line)
            #expect(Furniture.isClock(line) == clock, "\(line.debugDescription)")
            let counter = lower.utf8.count <= 30 && (lower.includes(" of ") || lower.includes("/")) && Furniture.counterPattern.matches(lower.text)
            #expect(Furniture.isCounter(lower) == counter, "\(line.debugDescription)")
            let credit = lower.includesAny(Furniture.captionWords) && line.includesAny(["Photo", "Image", "Picture", "Credit", "Foto", "Getty"])
                && Furniture.captionCreditPattern.matches(line)
            #expect(Furniture.isCaptionCredit(line, lower) == credit, "\(line.debugDescription)")
            let agency = line.includes("/") && line.includesAny(["REUTERS", "Reuters", "AFP", "EPA", "AP Photo", "Getty", "dpa", "Bloomberg", "Xinhua", "ANSA"])
                && Furniture.agencyCreditPattern.matches(line)
            #expect(Furniture.isAgencyCredit(line) == agency, "\(line.debugDescription)")
            for (k, took) in [reading, age, clock, counter, credit, agency].enumerated() where took { taken[k] += 1 }
        }
        #expect(taken.allSatisfy { $0 > 200 }, "the generated lines include many each rule takes: \(taken)")
    }
}
