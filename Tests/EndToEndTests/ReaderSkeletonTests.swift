import Foundation
import Testing

/// The tmux-driven tests run one at a time: each drives a whole program, and their deadlines hold better without contention.
@Suite(.serialized, .enabled(if: Harness.hasTmux, "needs tmux (not installed)"), .enabled(if: Harness.hasBinary, "needs .build/debug/dossier (swift build failed)"))
struct ReaderEndToEnd {}

extension ReaderEndToEnd {
    @Suite struct Skeleton {
        /// The first row of a pane's text below its title, trimmed.
        static func firstLine(_ pane: String) -> String {
            pane.rows.dropFirst().first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.trimmingCharacters(in: .whitespaces) ?? ""
        }

        @Test("three panes with seed text; j/k, Tab, 1/2/3, ?, resize and q behave")
        func walkingSkeleton() throws {
            let t = try TmuxSession()
            defer { t.kill() }
            let start = try #require(t.waitForLoad(articles: 5))
            #expect(start.contains(" 1 Timeline") && start.contains(" 2 Article") && start.contains(" 3 Quotes"))
            #expect(start.contains("Stoltenberg"), "seed text on screen")
            #expect(t.alternateScreenOn, "the reader should draw on the alternate screen")
            #expect(start.pane(1).contains("5 articles"))
            #expect(start.statusLine.contains("?:help"))
            #expect(t.styledScreen().focusedPane == 1, "the timeline has the focus at start")

            // j in the timeline shows another article and its quotes; k comes back.
            let article0 = start.pane(2), quotes0 = start.pane(3)
            let afterJ = try #require(t.pressAndWaitForChange("j"))
            #expect(afterJ.pane(2) != article0, "j should show the next article")
            #expect(Self.firstLine(afterJ.pane(2)) != Self.firstLine(article0))
            #expect(afterJ.pane(3) != quotes0, "the quote pane should follow the article")
            t.press("k")
            t.waitFor("k to bring back the first article") { $0.pane(2) == article0 && $0.pane(3) == quotes0 }

            // Tab moves the focus to the article: j now scrolls it instead of changing article.
            t.press("Tab")
            t.waitFor("focus on the article pane") { _ in t.styledScreen().focusedPane == 2 }
            let scrolled = try #require(t.pressAndWaitForChange("j"))
            #expect(scrolled.pane(1) == start.pane(1), "j in the article pane must not change the timeline")
            #expect(scrolled.pane(2).rows.first?.contains("Article") == true)
            #expect(Self.firstLine(scrolled.pane(2)) != Self.firstLine(article0), "j in the article pane scrolls it")

            // 3 focuses the quotes; j selects the next quote (counter in the title moves).
            t.press("3")
            t.waitFor("focus on the quote pane") { _ in t.styledScreen().focusedPane == 3 }
            let q1 = t.screen().pane(3).rows.first ?? ""
            #expect(q1.contains("1/"), "the quote pane title counts quotes: \(q1)")
            t.press("j")
            t.waitFor("the second quote selected") { $0.pane(3).rows.first?.contains(" 2/") == true }
            t.press("2")
            t.waitFor("focus on the article pane") { _ in t.styledScreen().focusedPane == 2 }
            t.press("1")
            t.waitFor("focus on the timeline") { _ in t.styledScreen().focusedPane == 1 }

            // ? lists the keys; ? closes it again.
            t.press("?")
            let help = try #require(t.waitFor(text: "Keys — ? or q to close"))
            for line in ["move down", "search (incremental", "next match", "filter (speaker:", "bookmark the article", "star the selected quote"] {
                #expect(help.contains(line), "help should list “\(line)”")
            }
            #expect(help.contains("this help"))
            #expect(help.contains("quit (closes an overlay first)"))

            t.press("?")
            t.waitFor("the help to close") { !$0.contains("Keys — ") }

            // Resize to 60x20 and back: everything is redrawn to fit.
            let before = t.screen()
            t.resize(width: 60, height: 20)
            let small = try #require(t.waitFor("a 60x20 redraw") { s in
                let r = s.rows.filter { !$0.isEmpty }
                return s.contains(" 1 Timeline") && s.contains(" 3 Quotes") && s.statusLine.contains("Dossier") && r.count <= 20 && r.allSatisfy { $0.count <= 60 }
            })
            #expect(small.contains(" 2 Article"))
            t.resize(width: 100, height: 30)
            t.waitFor("the 100x30 screen back as it was") { $0 == before }

            t.quitCleanly()
            #expect(t.stderr.isEmpty, "nothing on stderr: \(t.stderr)")
        }

        @Test("the reader opens an article piped in on standard input (dossier - < file)")
        func pipedArticle() throws {
            let t = try TmuxSession(["-"], stdin: "Harbour reopens after the storm\n\nThe harbour reopened on Monday after a week of repairs.\n")
            defer { t.kill() }
            let screen = t.waitFor("the article or an exit") { $0.contains("The harbour reopened") || FileManager.default.fileExists(atPath: t.statusFile) }
            let status = t.waitForExit(timeout: 0.1)
            #expect(status == nil, "the reader should keep running: \(t.stderr)")
            #expect(screen?.contains("The harbour reopened") == true)

            if status == nil { t.quitCleanly() }
        }
    }
}
