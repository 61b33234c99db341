import Foundation
import Testing

extension ReaderEndToEnd {
    @Suite struct MarksAndState {
        static func articleID(_ screen: String) -> String { SearchAndFilter.articleID(screen) }

        /// The first text row of the article pane.
        static func articleTop(_ screen: String) -> String { Skeleton.firstLine(screen.pane(2)) }

        @Test("m bookmarks; the bookmark, last article and scroll come back on the next run")
        func bookmarkAcrossRuns() throws {
            let state = Harness.makeTempDir("state")
            defer { try? FileManager.default.removeItem(atPath: state) }
            let first = try TmuxSession([Harness.seeds], stateHome: state)
            defer { first.kill() }
            first.waitForLoad(articles: 5)
            first.press("j")
            let second = try #require(first.waitFor("the second article") { $0.statusLine.contains("2/5") })
            let id = Self.articleID(second)
            first.press("m")
            let marked = try #require(first.waitFor(text: "bookmarked"))
            #expect(marked.pane(1).contains("▶ "), "the timeline marks the bookmarked article")
            first.press("2")
            for _ in 0..<4 { first.press("j") }
            let last = try #require(first.waitFor("the article to scroll") { Self.articleTop($0) != Self.articleTop(second) })
            first.quitCleanly()
            let files = (try? FileManager.default.contentsOfDirectory(atPath: state + "/dossier")) ?? []
            #expect(files.contains { $0.hasSuffix(".json") }, "a state file under $XDG_STATE_HOME/dossier: \(files)")
            #expect(!files.contains { $0.contains(".tmp") }, "no temporary file left behind: \(files)")

            let again = try TmuxSession([Harness.seeds], stateHome: state)
            defer { again.kill() }
            let restored = try #require(again.waitForLoad(articles: 5))
            #expect(Self.articleID(restored) == id, "the last article comes back")
            #expect(Self.articleTop(restored) == Self.articleTop(last), "the scroll position comes back")
            #expect(restored.pane(1).contains("▶ "), "the bookmark is still marked in the timeline")
            again.press("g")
            again.waitFor("the first article") { $0.statusLine.contains("1/5") }
            again.press("'")
            let marks = try #require(again.waitFor(text: "Bookmarks and stars"))
            #expect(marks.contains("▶ "))
            again.press("Enter")
            let opened = try #require(again.waitFor("the bookmark to open") { !$0.contains("Bookmarks and stars") && $0.statusLine.contains("2/5") })
            #expect(Self.articleID(opened) == id)
            again.quitCleanly()
        }

        @Test("state is kept per corpus; a relative and an absolute path to one folder share it")
        func statePerCorpus() throws {
            let parent = Harness.makeTempDir("corpora")
            defer { try? FileManager.default.removeItem(atPath: parent) }
            for (name, files) in [("dated", SearchAndFilter.datedCorpus), ("other", ["x.txt": "Another story about the weather in the hills.\n"])] {
                for (file, text) in files {
                    try FileManager.default.createDirectory(atPath: parent + "/" + name, withIntermediateDirectories: true)
                    try text.write(toFile: parent + "/\(name)/\(file)", atomically: true, encoding: .utf8)
                }
            }
            let state = Harness.makeTempDir("state")
            defer { try? FileManager.default.removeItem(atPath: state) }
            do {
                let t = try TmuxSession(["dated"], stateHome: state, cwd: parent)
                defer { t.kill() }
                t.waitForLoad(articles: 3)
                t.press("m")
                t.waitFor(text: "bookmarked")
                t.quitCleanly()
            }
            do {
                let t = try TmuxSession([parent + "/other"], stateHome: state)
                defer { t.kill() }
                let s = try #require(t.waitForLoad(articles: 1))
                #expect(!s.pane(1).contains("▶"), "another corpus has no bookmarks")
                t.quitCleanly()
            }
            do {
                let t = try TmuxSession([parent + "/dated/"], stateHome: state)
                defer { t.kill() }
                let s = try #require(t.waitForLoad(articles: 3))
                #expect(s.pane(1).contains("▶"), "the same folder by its absolute path finds the bookmark:\n\(s)")
                t.quitCleanly()
            }
        }

        @Test("* stars a quote; dossier export --starred prints it as Markdown, CSV and JSON")
        func starAndExport() throws {
            let state = Harness.makeTempDir("state")
            defer { try? FileManager.default.removeItem(atPath: state) }
            let t = try TmuxSession([Harness.seeds], stateHome: state)
            defer { t.kill() }
            t.waitForLoad(articles: 5)
            t.press("3")
            t.waitFor("the quote pane focused") { _ in t.styledScreen().focusedPane == 3 }
            t.press("j")
            t.waitFor("the second quote") { $0.pane(3).rows.first?.contains(" 2/") == true }
            t.press("*")
            let starred = try #require(t.waitFor(text: "quote starred"))
            #expect(starred.pane(3).contains("★"), "the quote pane marks the starred quote")
            let article = Self.articleID(starred)
            // ' lists the star; Enter jumps back to the quote from another article.
            t.press("1", "j")
            t.waitFor("another article") { Self.articleID($0) != article }
            t.press("'")
            let list = try #require(t.waitFor(text: "Bookmarks and stars"))
            #expect(list.contains("★"))
            t.press("Enter")
            t.waitFor("the starred quote selected again") { Self.articleID($0) == article && $0.pane(3).rows.first?.contains(" 2/") == true }
            #expect(t.styledScreen().focusedPane == 3)
            t.quitCleanly()

            let json = Harness.dossier(["export", "--starred", "--format", "json", Harness.seeds], stateHome: state)
            #expect(json.status == 0, "\(json.stderr)")
            let rows = try #require(Harness.json(json) as? [[String: Any]])
            try #require(rows.count == 1, "one starred quote: \(json.stdout)")
            let quote = try #require(rows[0]["quote"] as? String)
            #expect(rows[0]["file"] as? String == article)
            #expect(rows[0].keys.contains("speaker") || rows[0]["speaker"] == nil)
            for key in ["quote", "kind", "file", "title"] { #expect(rows[0][key] is String, "field \(key)") }
            // The exported text is what the quote pane showed when it was starred.
            let words = quote.split(separator: " ").prefix(5).joined(separator: " ")
            #expect(starred.pane(3).contains(words), "“\(words)” on screen when starred")
            if let speaker = rows[0]["speaker"] as? String {
                #expect(starred.pane(3).contains(speaker), "the exported speaker is the one the quote pane showed")
            }

            let csv = Harness.dossier(["export", "--starred", "--format", "csv", Harness.seeds], stateHome: state)
            #expect(csv.status == 0)
            let table = CSV.parse(csv.stdout)
            #expect(table.first == ["speaker", "quote", "kind", "file", "title", "published"])
            #expect(table.count == 2, "header and one row: \(csv.stdout)")
            if table.count == 2 {
                #expect(table[1].count == table[0].count)
                #expect(table[1][1] == quote)
                #expect(table[1][3] == article)
            }

            let md = Harness.dossier(["export", "--starred", Harness.seeds], stateHome: state)
            #expect(md.status == 0)
            #expect(md.stdout.hasPrefix("# "), "Markdown by default")
            #expect(md.stdout.contains(rows[0]["kind"] as? String == "reported" ? "> \(quote)" : "> “\(quote)”"))
            #expect(md.stdout.contains(article))

            let bad = Harness.dossier(["export", "--starred", "--format", "xml", Harness.seeds], stateHome: state)
            #expect(bad.status != 0)
            #expect(bad.stderr.contains("markdown"), "names the formats: \(bad.stderr)")
        }

        @Test("export keeps commas and quotation marks intact in CSV, JSON and Markdown")
        func exportEscaping() throws {
            let corpus = Harness.corpus(["prices.md": "---\ntitle: Prices, wages and \"rents\"\ndate: 2023-03-01\n---\n\n“Prices, wages and rents all rose, and nobody said enough,” the minister said on Monday.\n"])
            defer { try? FileManager.default.removeItem(atPath: corpus) }
            let state = Harness.makeTempDir("state")
            defer { try? FileManager.default.removeItem(atPath: state) }
            let t = try TmuxSession([corpus], stateHome: state)
            defer { t.kill() }
            t.waitForLoad(articles: 1)
            t.press("3", "*")
            try #require(t.waitFor(text: "quote starred") != nil)
            t.quitCleanly()

            let csv = Harness.dossier(["export", "--starred", "--format", "csv", corpus], stateHome: state)
            let table = CSV.parse(csv.stdout)
            try #require(table.count == 2, "header and one row: \(csv.stdout)")
            #expect(table[1].count == 6)
            #expect(table[1][1].hasPrefix("Prices, wages and rents all rose") && table[1][1].contains("said enough"), "\(table[1])")
            #expect(table[1][4] == "Prices, wages and \"rents\"")
            #expect(table[1][5] == "2023-03-01")
            let json = Harness.dossier(["export", "--starred", "--format", "json", corpus], stateHome: state)
            let row = try #require((Harness.json(json) as? [[String: Any]])?.first)
            #expect(Set(row.keys) == ["speaker", "quote", "kind", "file", "title", "published"], "unknown values are null, not missing")
            #expect(row["quote"] as? String == table[1][1])
            let md = Harness.dossier(["export", "--starred", "--format", "markdown", corpus], stateHome: state)
            #expect(md.stdout.contains("Prices, wages and rents all rose"))
            #expect(md.stdout.contains("2023-03-01"))
        }

        @Test("a click on a timeline row selects that article; the wheel scrolls the article")
        func mouse() throws {
            let t = try TmuxSession([Harness.seeds])
            defer { t.kill() }
            let start = try #require(t.waitForLoad(articles: 5))
            let rows = start.rows
            let row = try #require(rows.indices.first { rows[$0].hasPrefix(" 1 Timeline") }) + 3
            let title = rows[row].trimmingCharacters(in: .whitespaces)
            t.click(x: 20, y: row)
            let clicked = try #require(t.waitFor("the third article selected") { $0.statusLine.contains("3/5") })
            #expect(Self.articleID(clicked) != Self.articleID(start))
            let heading = Self.articleTop(clicked)
            // The row shows the headline, or the story's first words when there is none.
            let rowTitle = String(title.drop { $0 != " " }.drop { $0 == " " }.prefix(20))
            let body = clicked.pane(2).rows.joined(separator: " ")
            #expect(body.contains(rowTitle), "the article shown is the one clicked: row “\(title)”, article “\(body.prefix(200))”")

            let articleRow = try #require(clicked.rows.firstIndex { $0.hasPrefix(" 2 Article") }) + 3
            t.sendBytes(Array("\u{1b}[<65;10;\(articleRow + 1)M".utf8))
            let wheeled = try #require(t.waitFor("the wheel to scroll the article") { Self.articleTop($0) != heading })
            #expect(wheeled.statusLine.contains("3/5"), "scrolling keeps the article")

            let quotesRow = try #require(wheeled.rows.firstIndex { $0.hasPrefix(" 3 Quotes") })
            t.click(x: 10, y: quotesRow + 1)
            t.waitFor("a click to focus the quote pane") { _ in t.styledScreen().focusedPane == 3 }
            // A click on the second entry (after the first entry's blank line) selects that quote.
            let rows2 = t.settledScreen().rows
            let quoteTitle = try #require(rows2.firstIndex { $0.hasPrefix(" 3 Quotes") })
            let count = try #require(rows2[quoteTitle].firstMatch(of: /Quotes · (\d+)/).flatMap { Int($0.1) })
            try #require(count >= 2, "this test needs an article with two quotes: \(rows2[quoteTitle])")
            let blank = try #require(rows2[(quoteTitle + 1)...].firstIndex { $0.trimmingCharacters(in: .whitespaces).isEmpty })
            t.click(x: 10, y: blank + 1)
            t.waitFor("the second quote selected by a click") { $0.pane(3).rows.first?.contains(" 2/") == true }
            t.quitCleanly()
        }
    }

    @Suite struct BrokenState {
        /// Runs once to create the state file, replaces its contents, and checks the next run warns and starts fresh.
        func check(replacement: String, warning: String) throws {
            let state = Harness.makeTempDir("state")
            defer { try? FileManager.default.removeItem(atPath: state) }
            do {
                let t = try TmuxSession([Harness.seeds], stateHome: state)
                defer { t.kill() }
                t.waitForLoad(articles: 5)
                t.press("j")
                t.waitFor("the second article") { $0.statusLine.contains("2/5") }
                t.quitCleanly()
            }
            let dir = state + "/dossier"
            let name = try #require(((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).first { $0.hasSuffix(".json") })
            try replacement.write(toFile: dir + "/" + name, atomically: false, encoding: .utf8)

            let t = try TmuxSession([Harness.seeds], stateHome: state)
            defer { t.kill() }
            let s = try #require(t.waitFor("the reader with a warning") { $0.pane(1).contains("5 articles") && $0.statusLine.contains(warning) })
            #expect(s.statusLine.contains("fresh"), "the warning says what happens: \(s.statusLine)")
            t.press("2")  // a key that moves nothing clears the message
            t.waitFor("a fresh state at the first article") { $0.statusLine.contains("1/5") && !$0.statusLine.contains(warning) }
            t.quitCleanly()
            let saved = try #require(FileManager.default.contents(atPath: dir + "/" + name))
            #expect((try? JSONSerialization.jsonObject(with: saved)) is [String: Any], "a good state file is written again")
        }

        @Test("a corrupt state file gives a one-line warning and a fresh state")
        func corrupt() throws { try check(replacement: "{\"format\": \"dossier-state-1\", \"val", warning: "corrupt") }

        @Test("a state file of another program or version gives a one-line warning and a fresh state")
        func foreign() throws { try check(replacement: "{\"format\": \"someone-else-7\", \"corpus\": \"x\", \"value\": {\"article\": 3}}", warning: "unknown saved state") }

        @Test("a state file that is not JSON at all is ignored, and export still works")
        func binaryJunk() throws {
            let state = Harness.makeTempDir("state")
            defer { try? FileManager.default.removeItem(atPath: state) }
            let dir = state + "/dossier"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let none = Harness.dossier(["export", "--starred", Harness.seeds], stateHome: state)
            #expect(none.status == 0 && none.stdout.contains("No starred quotes"), "nothing starred yet: \(none.stdout)")
            do {
                let t = try TmuxSession([Harness.seeds], stateHome: state)
                defer { t.kill() }
                t.waitForLoad(articles: 5)
                t.quitCleanly()
            }
            let name = try #require(((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).first { $0.hasSuffix(".json") })
            try Data([0, 255, 1, 2, 0x1b, 0x5b]).write(to: URL(fileURLWithPath: dir + "/" + name))
            let r = Harness.dossier(["export", "--starred", "--format", "json", Harness.seeds], stateHome: state)
            #expect(r.status == 0)
            #expect((Harness.json(r) as? [Any])?.isEmpty == true)
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("corrupt saved state ignored, starting fresh"), "one warning line: \(r.stderr)")
        }
    }
}

/// A small RFC 4180 reader, enough to check the export.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if quoted {
                if c == "\"" {
                    let next = text.index(after: i)
                    if next < text.endIndex, text[next] == "\"" { field.append("\""); i = next } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" || c == "\r\n" { row.append(field); rows.append(row); row = []; field = "" }
            else if c != "\r" { field.append(c) }
            i = text.index(after: i)
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
