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

/// The reading-time and age rules look at a line's ends before they run their expressions;
/// these check that the look never turns away a line the expression alone would take.
@Suite struct StampExpressionGuardTests {
    static let pieces: [String] = [
        "5", "12", "٣", " ", "\u{00A0}", "\u{2028}", "\t", "-", "min", "mins", "minute", "minutes", "read", "listen", "ago",
        "hours", "hour", "day", "3h", "an", "one", "updated", "last", "posted", ":", "x", "chicago", "to this article", "listen to this story",
    ]

    @Test func guardsNeverDropALineTheExpressionTakes() {
        var rng = SplitMix(seed: 23)
        var taken = 0
        for _ in 0..<30_000 {
            let line = (0..<Int(rng.next() % 7)).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined()
            let lower = SearchedText(lowercasing: line)
            let reading = Furniture.readingTimePattern.matches(lower.text)
                || lower.hasPrefix("listen to this article") || lower.hasPrefix("listen to this story")
            let age = lower.text == "just now" || Furniture.agePattern.matches(lower.text)
            #expect(Furniture.isReadingTime(lower) == reading, "\(line.debugDescription)")
            #expect(Furniture.isAge(lower) == age, "\(line.debugDescription)")
            if reading || age { taken += 1 }
        }
        #expect(taken > 500, "the generated lines include many the rules take")
    }
}
