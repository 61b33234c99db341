import Foundation
import Testing

extension ReaderEndToEnd {
    @Suite struct SearchAndFilter {
        /// "N of M" from a status line, if it shows one.
        static func counter(_ status: String) -> (Int, Int)? {
            guard let m = status.firstMatch(of: /(\d+) of (\d+)/), let a = Int(m.1), let b = Int(m.2) else { return nil }
            return (a, b)
        }

        /// The file name in the article pane's title row.
        static func articleID(_ screen: String) -> String {
            screen.pane(2).rows.first?.components(separatedBy: " · ").dropFirst().first ?? ""
        }

        @Test("/ searches as you type with an N of M counter; matches highlighted; n/N cross articles; Esc clears")
        func incrementalSearch() throws {
            let t = try TmuxSession([Harness.seeds])
            defer { t.kill() }
            t.waitForLoad(articles: 5)
            t.press("/")
            t.waitFor("the search prompt") { $0.statusLine.hasPrefix("/") }
            var totals: [Int] = []
            for (i, c) in "zelensk".enumerated() {
                t.type(String(c))
                let typed = String("zelensk".prefix(i + 1))
                let s = try #require(t.waitFor("the counter for “\(typed)”") { $0.statusLine.hasPrefix("/" + typed) && Self.counter($0.statusLine) != nil })
                totals.append(Self.counter(s.statusLine)!.1)
            }
            #expect(totals == totals.sorted(by: >), "each letter narrows the matches: \(totals)")
            #expect(totals.first! > totals.last!, "the counter updates while typing: \(totals)")
            // Lower case finds both spellings (Zelenskyy and Zelensky) in three articles.
            #expect(totals.last == 3)

            t.press("Enter")
            let first = try #require(t.waitFor("the prompt to close with the search kept") { $0.statusLine.contains("/zelensk") && !$0.statusLine.hasPrefix("/") })
            let (n1, total) = try #require(Self.counter(first.statusLine))
            #expect(total == 3)
            #expect(t.styledScreen().isShownReversed("Zelensk"), "the match is drawn in reverse video:\n\(first)")
            #expect(first.pane(1).contains("[1] "), "the timeline shows a match count per article")

            var seen = [Self.articleID(first)]
            var position = n1
            for _ in 0..<(total - 1) {
                t.press("n")
                let s = try #require(t.waitFor("n to move to the next match") { Self.counter($0.statusLine)?.0 == position % total + 1 })
                position = position % total + 1
                seen.append(Self.articleID(s))
                #expect(t.styledScreen().isShownReversed("Zelensk"), "the current match is visible and highlighted:\n\(s)")
            }
            #expect(Set(seen).count == 3, "n visits every article with a match: \(seen)")
            t.press("N")
            let back = try #require(t.waitFor("N to go back") { Self.counter($0.statusLine)?.0 == (position + total - 2) % total + 1 })
            #expect(Self.articleID(back) == seen[seen.count - 2], "N goes back to the previous article")

            t.press("Escape")
            let cleared = try #require(t.waitFor("Esc to clear the search") { !$0.statusLine.contains("zelensk") })
            #expect(!cleared.pane(1).contains("[1] "))
            #expect(!t.styledScreen().isShownReversed("Zelensk"))
            t.quitCleanly()
        }

        /// Three dated articles in Markdown with front matter; every one mentions aid.
        static let datedCorpus: [String: String] = [
            "winter.md": "---\ntitle: Allies pledge winter aid\ndate: 2022-11-29\n---\n\nForeign ministers met on Tuesday and promised more winter aid for the grid.\n",
            "tanks.md": "---\ntitle: Tanks debate splits the coalition\ndate: 2023-01-10\n---\n\nThe coalition argued for hours about tanks and about aid for the spring.\n",
            "summer.md": "---\ntitle: Summit prepares a summer package\ndate: 2023-06-01\n---\n\nDiplomats drafted a package of aid before the summit in July.\n",
        ]

        @Test("f with date: narrows the timeline, shows in the status line, and search respects it")
        func dateFilter() throws {
            let corpus = Harness.corpus(Self.datedCorpus)
            defer { try? FileManager.default.removeItem(atPath: corpus) }
            let t = try TmuxSession([corpus])
            defer { t.kill() }
            let start = try #require(t.waitForLoad(articles: 3))
            #expect(start.pane(1).contains("Summit prepares"))

            t.press("f")
            t.waitFor("the filter prompt") { $0.statusLine.hasPrefix("filter:") }
            t.type("date:2022-11..2023-01")
            t.press("Enter")
            let filtered = try #require(t.waitFor("the filtered timeline") { $0.pane(1).contains("2 articles") })
            #expect(filtered.pane(1).contains("Allies pledge winter aid"))
            #expect(filtered.pane(1).contains("Tanks debate"))
            #expect(!filtered.pane(1).contains("Summit prepares"), "the June article is outside the range")
            t.press("j")  // clears the one-off message so the status line shows the filter itself
            let status = try #require(t.waitFor("the filter in the status line") { $0.statusLine.contains("filter: date:2022-11..2023-01") })
            #expect(status.pane(1).rows.first?.contains("filtered") == true)

            // Searching inside the filter counts only the articles that pass it.
            t.press("/")
            t.type("aid")
            let counted = try #require(t.waitFor("the counter for aid") { Self.counter($0.statusLine) != nil })
            #expect(Self.counter(counted.statusLine)?.1 == 2, "two of the three articles pass the filter: \(counted.statusLine)")
            t.press("Enter")
            t.press("n"); t.press("n")
            let wrapped = try #require(t.waitFor("n to stay within the filter") { $0.statusLine.contains("of 2") })
            #expect(!wrapped.pane(2).contains("Summit prepares"))

            t.press("Escape")
            t.waitFor("the search to clear") { !$0.statusLine.contains("/aid") }
            t.press("Escape")
            let all = try #require(t.waitFor("Esc to clear the filter") { $0.pane(1).contains("3 articles") })
            #expect(!all.statusLine.contains("filter: date"))
            t.quitCleanly()
        }

        /// Two speakers over three articles, in the plainest attribution there is.
        static let speakerCorpus: [String: String] = [
            "a.txt": "Port workers end strike\n\nDock workers returned to work on Monday after a week-long strike over pay.\n\n“We have a deal that everyone can live with,” said Anna Berg, the union leader.\n",
            "b.txt": "Ferry timetable restored\n\nFerries sailed on the normal timetable again on Tuesday.\n\n“The backlog will be gone by Friday,” said Piet Claes, the harbour master.\n",
            "c.txt": "Union plans new talks\n\nThe union will meet the port authority again next month.\n\n“Pay is only the first step,” said Anna Berg, the union leader.\n",
        ]

        @Test("f with speaker: keeps that speaker's articles; ] goes to their next quote within the filter")
        func speakerFilter() throws {
            let corpus = Harness.corpus(Self.speakerCorpus)
            defer { try? FileManager.default.removeItem(atPath: corpus) }
            let t = try TmuxSession([corpus])
            defer { t.kill() }
            t.waitForLoad(articles: 3)
            t.press("f")
            t.type("speaker:berg")
            t.press("Enter")
            let s = try #require(t.waitFor("two articles left") { $0.pane(1).contains("2 articles") })
            #expect(s.pane(1).contains("Port workers end strike") && s.pane(1).contains("Union plans new talks"))
            #expect(!s.pane(1).contains("Ferry timetable"))
            t.press("3")
            t.waitFor("the quote pane focused") { _ in t.styledScreen().focusedPane == 3 }
            let before = Self.articleID(t.screen())
            t.press("]")
            let next = try #require(t.waitFor("the next quote by the same speaker") { Self.articleID($0) != before })
            #expect(next.pane(3).contains("Anna Berg"))
            #expect(next.statusLine.contains("filter: speaker:berg") || next.statusLine.contains("Anna Berg"), "\(next.statusLine)")
            t.press("]")
            t.waitFor(text: "last quote by Anna Berg")
            t.quitCleanly()
        }

        @Test("f with file: keeps one article of the seeds")
        func fileFilter() throws {
            let t = try TmuxSession([Harness.seeds])
            defer { t.kill() }
            t.waitForLoad(articles: 5)
            t.press("f")
            t.type("file:002_")
            t.press("Enter")
            let s = try #require(t.waitFor("one article left") { $0.pane(1).contains("1 article") })
            #expect(Self.articleID(s).hasPrefix("002_"))
            t.quitCleanly()
        }
    }
}

extension ReaderEndToEnd {
    @Suite struct Wrapping {
        /// Words w00…w39 with an unusual piece of text as the fourth word.
        static func paragraph(_ odd: String) -> String {
            (0..<40).map { $0 == 3 ? odd : String(format: "w%02d", $0) }.joined(separator: " ") + " END"
        }

        static let cases: [(name: String, text: String)] = [
            ("CJK", "東京で会談"), ("fullwidth brackets", "「我々は」"), ("Hangul", "한국어"), ("combining accent", "Bucure\u{0219}ti e\u{0301}"),
            ("emoji", "😀"), ("flag", "🇺🇦"), ("variation selector", "❤️"), ("tab", "a\tb"),
        ]

        /// Wide and combining characters must not push words off the edge of the article pane.
        @Test("no word of the article is lost when lines with wide or combining characters wrap")
        func noTextLost() throws {
            var files: [String: String] = [:]
            for (i, c) in Self.cases.enumerated() { files[String(format: "%02d.txt", i)] = "Case \(i)\n\n\(Self.paragraph(c.text))\n" }
            files["99.txt"] = "Case zwj\n\n\(Self.paragraph("👩‍👩‍👧"))\n"
            let corpus = Harness.corpus(files)
            defer { try? FileManager.default.removeItem(atPath: corpus) }
            let t = try TmuxSession([corpus])
            defer { t.kill() }
            for i in 0...Self.cases.count {
                let s = try #require(t.waitFor("article \(i + 1)") { $0.statusLine.contains("\(i + 1)/\(Self.cases.count + 1)") })
                let body = s.pane(2)
                let missing = (0..<40).filter { $0 != 3 }.map { String(format: "w%02d", $0) }.filter { !body.contains($0) }
                if i < Self.cases.count {
                    #expect(missing.isEmpty && body.contains("END"), "\(Self.cases[i].name): lost \(missing)\n\(body)")
                } else {
                    #expect(missing.isEmpty, "ZWJ sequence: lost \(missing)\n\(body)")
                
                }
                t.press("j")
            }
            t.quitCleanly()
        }
    }
}
