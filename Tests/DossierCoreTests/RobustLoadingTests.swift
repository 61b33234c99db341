import DossierCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import DossierTestSupport

/// Hostile files on disk: each case must load without crashing or hanging, say in one line
/// what was skipped, and keep every good article. Bounds are hang guards (60 s in a debug
/// build), not performance targets.
@Suite("Robust loading of hostile files")
struct RobustLoadingTests {
    let good = "Officials met on Monday.\n\n\"We will keep talking,\" the minister said.\n"

    @Test("invalid UTF-8 in the middle of a word becomes U+FFFD, the rest of the text is kept")
    func invalidUTF8MidWord() throws {
        let dir = RobustTempDir()
        let bytes = Array("The café reopened — the naï".utf8) + [0xFF, 0xFE] + Array("ve owner said so.\n".utf8)
        let file = try dir.write("broken.txt", bytes)
        let (loaded, corpus) = robustTimed("invalid UTF-8") { robustCorpus([file]) }
        let doc = try #require(loaded.documents.first)
        #expect(doc.text.contains("naï\u{FFFD}\u{FFFD}ve owner"))
        #expect(doc.text.contains("café reopened — the"))
        #expect(doc.metadata["invalid bytes"]?.hasPrefix("2 ") == true)
        #expect(doc.metadata["encoding"] == nil, "still read as UTF-8")
        #expect(robustStory(try #require(corpus.articles.first)).contains("owner said so"))
    }

    @Test("a Latin-1 file is decoded as Latin-1 and the guess is noted in the metadata")
    func latin1() throws {
        let dir = RobustTempDir()
        let text = "Le café était fermé à Noël. « Nous reviendrons », a dit le maire.\n"
        let file = try dir.write("latin1.txt", text.unicodeScalars.map { UInt8($0.value) })
        let (loaded, corpus) = robustTimed("Latin-1") { robustCorpus([file]) }
        let doc = try #require(loaded.documents.first)
        #expect(doc.text == text)
        #expect(doc.metadata["encoding"] == "ISO-8859-1 (guessed)")
        let article = try #require(corpus.articles.first)
        #expect(article.metadata["encoding"] == "ISO-8859-1 (guessed)", "the guess reaches the parsed article")
        #expect(robustStory(article).contains("était fermé à Noël"))
    }

    @Test("Windows-1252 curly quotes and dashes (bytes 0x80–0x9F) are not C1 controls")
    func windows1252() throws {
        let dir = RobustTempDir()
        let bytes: [UInt8] = Array("He said ".utf8) + [0x93] + Array("we will go".utf8) + [0x94] + Array(" ".utf8) + [0x96] + Array(" and left.\n".utf8)
        let file = try dir.write("cp1252.txt", bytes)
        let (loaded, _) = robustTimed("Windows-1252") { robustCorpus([file]) }
        let doc = try #require(loaded.documents.first)
        #expect(doc.text == "He said “we will go” – and left.\n")
        #expect(doc.metadata["encoding"] == "Windows-1252 (guessed)")
        #expect(!doc.text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
    }

    @Test("UTF-16 with a BOM, both byte orders, and without one")
    func utf16() throws {
        let dir = RobustTempDir()
        let text = "Grüße aus Köln. “Wir bleiben”, sagte sie. 😀\n"
        let le = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        try dir.write("le.txt", [0xFF, 0xFE] + le)
        try dir.write("be.txt", [0xFE, 0xFF] + be)
        try dir.write("nobom.txt", le)
        let (loaded, corpus) = robustTimed("UTF-16") { robustCorpus([dir.path]) }
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        #expect(loaded.documents.count == 3)
        for doc in loaded.documents {
            #expect(doc.text == text, "\(doc.id)")
            #expect(doc.metadata["encoding"]?.hasPrefix("UTF-16") == true, "\(doc.id)")
        }
        #expect(corpus.articles.count == 3)
    }

    @Test("a UTF-8 BOM is not part of the text")
    func utf8BOM() throws {
        let dir = RobustTempDir()
        let file = try dir.write("bom.txt", [0xEF, 0xBB, 0xBF] + Array("Title line\n\nBody text here.\n".utf8))
        let (loaded, corpus) = robustTimed("UTF-8 BOM") { robustCorpus([file]) }
        let doc = try #require(loaded.documents.first)
        #expect(doc.text.unicodeScalars.first == "T")
        #expect(!robustStory(try #require(corpus.articles.first)).unicodeScalars.contains("\u{FEFF}"))
    }

    @Test("a binary file is skipped with a one-line note and the rest opens")
    func binary() throws {
        let dir = RobustTempDir()
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        var rng = SplitMix(seed: 7)
        for _ in 0..<4096 { png.append(UInt8(truncatingIfNeeded: rng.next())) }
        try dir.write("image.txt", png)
        try dir.write("nul.md", Array("text with a".utf8) + [0] + Array("NUL byte".utf8))
        try dir.write("binary.jsonl", [0x7B, 0, 0x7D, 0x0A])
        try dir.write("good.txt", good)
        let (loaded, corpus) = robustTimed("binary") { robustCorpus([dir.path]) }
        #expect(corpus.articles.map(\.id) == ["good.txt"])
        #expect(loaded.problems.count == 3)
        for p in loaded.problems {
            #expect(p.message.contains("binary"))
            #expect(!p.description.contains("\n"))
        }
    }

    @Test("empty and whitespace-only files are skipped with a note")
    func emptyAndWhitespace() throws {
        let dir = RobustTempDir()
        try dir.write("empty.txt", "")
        try dir.write("spaces.txt", "  \n\t\r\n   \n")
        try dir.write("empty.jsonl", "")
        try dir.write("good.txt", good)
        let (loaded, corpus) = robustTimed("empty") { robustCorpus([dir.path]) }
        #expect(corpus.articles.map(\.id) == ["good.txt"])
        let messages = Dictionary(uniqueKeysWithValues: loaded.problems.map { (($0.path as NSString).lastPathComponent, $0.message) })
        #expect(messages["empty.txt"] == "skipped: empty file")
        #expect(messages["empty.jsonl"] == "skipped: empty file")
        #expect(messages["spaces.txt"] == "skipped: only whitespace")
    }

    @Test("a 50 MB file that is one line loads and parses")
    func fiftyMegabytesOneLine() throws {
        let dir = RobustTempDir()
        // One line, but sentences of ordinary length (a sentence of 50 MB is another case).
        let words = ["the", "minister", "said", "\u{201C}we", "will", "act,\u{201D}", "on", "Monday,", "May", "3,", "2021", "report.", "Kyiv", "ça", "talks.", "It"]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50 << 20)
        var rng = SplitMix(seed: 50)
        while bytes.count < 50 << 20 {
            bytes += Array(words[Int(rng.next() % UInt64(words.count))].utf8)
            bytes.append(0x20)
        }
        let file = try dir.write("huge.txt", bytes)
        let loaded = robustTimed("50 MB single line: load and decode", bound: .seconds(120)) { Loader.load(paths: [file]) }
        #expect(loaded.problems.isEmpty)
        let doc = try #require(loaded.documents.first)
        #expect(doc.text.unicodeScalars.count == bytes.filter { $0 & 0xC0 != 0x80 }.count, "every scalar of the file is there")
        // Parsing runs on its own thread with a deadline, so a slow stage is reported instead of
        // hanging the suite (the thread is abandoned if it overruns).
        let done = RobustCompletion<Article>()
        let clock = ContinuousClock()
        let start = clock.now
        Thread { done.finish(ArticleParser.parse(doc)) }.start()
        let article = done.wait(seconds: 60 * robustTimeFactor)
        print("[robust] 50 MB single line: parse: \(article == nil ? "unfinished after" : "done in") \(clock.now - start)")
        guard let article else {
            withKnownIssue("the quote stage is superlinear on one huge article: Quotes/Discourse.swift register (firstIndex per name run) and describe (every entity per cue), Quotes/Cues.swift subjectBefore", isIntermittent: true) {
                Issue.record("parsing a 50 MB article did not finish in the guard time")
            }
            return
        }
        #expect(article.sourceLength == doc.text.unicodeScalars.count)
        #expect(!article.paragraphs.isEmpty)
    }

    @Test("CRLF and lone-CR line endings split paragraphs like LF does")
    func lineEndings() throws {
        let dir = RobustTempDir()
        let lf = """
            Talks between the two delegations resumed in the capital on Monday morning,
            officials from both sides said after the first session ended.

            The second round of the negotiations is expected to continue for several days,
            according to a statement released by the foreign ministry in the evening.

            """
        try dir.write("lf.txt", lf)
        try dir.write("crlf.txt", lf.replacingOccurrences(of: "\n", with: "\r\n"))
        try dir.write("cr.txt", lf.replacingOccurrences(of: "\n", with: "\r"))
        let (_, corpus) = robustTimed("line endings") { robustCorpus([dir.path]) }
        let byID = Dictionary(uniqueKeysWithValues: corpus.articles.map { ($0.id, $0) })
        func words(_ a: Article) -> [String] { a.paragraphs.map { $0.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") } }
        let reference = words(try #require(byID["lf.txt"]))
        #expect(reference.count >= 2, "\(reference)")
        for id in ["crlf.txt", "cr.txt"] {
            let article = try #require(byID[id])
            #expect(words(article) == reference, "\(id)")
            let shown = article.paragraphs.map { TerminalSafe.visible($0.text) }.joined()
            #expect(!shown.unicodeScalars.contains("\r"), "\(id): no raw carriage return is shown")
        }
    }

    @Test("100,000 tiny files load, each as an article")
    func hundredThousandFiles() throws {
        let dir = RobustTempDir()
        let count = 100_000
        robustTimed("writing 100,000 files", bound: .seconds(300)) {
            for folder in 0..<100 {
                let sub = dir.url(String(format: "f%03d", folder))
                mkdir(sub, 0o755)
                for i in 0..<(count / 100) {
                    let n = folder * (count / 100) + i
                    let fd = open(sub + "/a\(i).txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                    let body = Array("Note \(n).\n".utf8)
                    _ = body.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                    close(fd)
                }
            }
        }
        // About 40 s in a debug build on an idle 2-core machine; the guard allows for a busy one.
        let (loaded, corpus) = robustTimed("loading and parsing 100,000 files", bound: .seconds(300)) { robustCorpus([dir.path]) }
        #expect(loaded.problems.isEmpty)
        #expect(loaded.documents.count == count)
        #expect(corpus.articles.count == count)
        #expect(Set(corpus.articles.map(\.id)).count == count, "ids stay distinct")
    }

    @Test("a folder nested 200 deep is walked to the bottom")
    func deepNesting() throws {
        let dir = RobustTempDir()
        let deep = Array(repeating: "d", count: 200).joined(separator: "/")
        try dir.write(deep + "/bottom.txt", good)
        try dir.write("top.txt", good)
        let (loaded, corpus) = robustTimed("200-deep folder") { robustCorpus([dir.path]) }
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        #expect(Set(corpus.articles.map(\.id)) == ["top.txt", deep + "/bottom.txt"])
    }

    @Test("symlink loops end: each folder is walked once, a self-link is reported")
    func symlinkLoop() throws {
        let dir = RobustTempDir()
        try dir.write("a.txt", good)
        try dir.write("sub/b.txt", good)
        try FileManager.default.createSymbolicLink(atPath: dir.url("sub/up"), withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: dir.url("sub/again"), withDestinationPath: "../sub")
        try FileManager.default.createSymbolicLink(atPath: dir.url("self.txt"), withDestinationPath: "self.txt")
        try FileManager.default.createSymbolicLink(atPath: dir.url("ping.md"), withDestinationPath: "pong.md")
        try FileManager.default.createSymbolicLink(atPath: dir.url("pong.md"), withDestinationPath: "ping.md")
        let (loaded, corpus) = robustTimed("symlink loop") { robustCorpus([dir.path]) }
        #expect(corpus.articles.map(\.id).sorted() == ["a.txt", "sub/b.txt"])
        let looped = loaded.problems.filter { $0.message.contains("symbolic link loop") }.map { ($0.path as NSString).lastPathComponent }
        #expect(Set(looped) == ["self.txt", "ping.md", "pong.md"])
        let direct = Loader.load(paths: [dir.url("self.txt")])
        #expect(direct.documents.isEmpty)
        #expect(direct.problems.count == 1)
    }

    @Test("a file without read permission is skipped with a note",
          .enabled(if: geteuid() != 0, "runs as root, where chmod 000 does not stop reads (EndToEndTests covers it with dropped privileges)"))
    func noPermission() throws {
        let dir = RobustTempDir()
        let secret = try dir.write("secret.txt", good)
        try dir.write("open.txt", good)
        try dir.write("locked/inner.txt", good)
        chmod(secret, 0)
        chmod(dir.url("locked"), 0)
        let (loaded, corpus) = robustTimed("no permission") { robustCorpus([dir.path]) }
        #expect(corpus.articles.map(\.id) == ["open.txt"])
        #expect(loaded.problems.contains { $0.path == secret && $0.message == "skipped: no permission to read" })
        #expect(loaded.problems.contains { $0.path.hasSuffix("locked") && $0.message.hasPrefix("cannot list folder") })
    }

    @Test("a file that disappears between listing and reading is reported, the others load")
    func vanishingFile() throws {
        let dir = RobustTempDir()
        try dir.write("a.txt", good)
        try dir.write("b.txt", good)
        try dir.write("c.txt", good)
        let (files, problems) = Loader.listFiles(root: dir.path)
        #expect(problems.isEmpty)
        #expect(files.count == 3)
        try FileManager.default.removeItem(atPath: dir.url("b.txt"))
        var result = LoadResult()
        robustTimed("vanishing file") {
            for f in files {
                let r = Loader.load(file: f, id: (f as NSString).lastPathComponent)
                result.documents += r.documents
                result.problems += r.problems
            }
        }
        #expect(result.documents.map(\.id) == ["a.txt", "c.txt"])
        #expect(result.problems == [LoadProblem(path: dir.url("b.txt"), message: "skipped: file disappeared before it could be read")])
    }

    @Test("a FIFO or socket named like an article does not block the load")
    func fifo() throws {
        let dir = RobustTempDir()
        try dir.write("good.txt", good)
        #expect(mkfifo(dir.url("pipe.txt"), 0o644) == 0)
        let (loaded, corpus) = robustTimed("FIFO in folder") { robustCorpus([dir.path]) }
        #expect(corpus.articles.map(\.id) == ["good.txt"])
        #expect(loaded.problems.map(\.message) == ["skipped: not a regular file"])
    }

    @Test("JSONL: malformed lines are reported with their line numbers, good lines are kept")
    func jsonlMalformed() throws {
        let dir = RobustTempDir()
        var bytes: [UInt8] = []
        let lines: [String] = [
            #"{"id":"one","title":"First","text":"Alpha text."}"#,   // 1 good
            "not json at all",                                        // 2
            #"{"id":"two"}"#,                                         // 3 no text
            "[1, 2, 3]",                                              // 4 not an object
            #"{"id":"three","text":"Crlf line."}"# + "\r",            // 5 good
            "",                                                       // 6 blank
            #"{"id":"four","text":"never closed"#,                    // 7 truncated
            #"{"id":5,"text":"Numeric id."}"#,                        // 8 good
            String(repeating: "[", count: 100_000),                   // 9 deep nesting
            #"{"id":"six","text":"bad \ud800 surrogate"}"#,           // 10 invalid escape
        ]
        for l in lines { bytes += Array(l.utf8) + [0x0A] }
        bytes += Array(#"{"id":"latin","text":"caf"#.utf8) + [0xE9] + Array(#""}"#.utf8) + [0x0A]  // 11 Latin-1 inside JSON
        let file = try dir.write("feed.jsonl", bytes)
        let (loaded, corpus) = robustTimed("JSONL malformed") { robustCorpus([file]) }
        #expect(loaded.documents.map(\.id) == ["one", "three", "5", "latin"])
        #expect(loaded.documents.last?.text == "café")
        let numbers = loaded.problems.map { $0.path.split(separator: ":").last.map(String.init) ?? "" }
        #expect(numbers == ["2", "3", "4", "7", "9", "10"])
        for p in loaded.problems { #expect(p.message.contains("line \(p.path.split(separator: ":").last!)")) }
        #expect(corpus.articles.count == 4)
    }

    @Test("JSONL of mostly garbage: 50 lines reported one by one, the rest summarised")
    func jsonlGarbage() throws {
        let dir = RobustTempDir()
        var text = #"{"id":"keep","text":"Kept."}"# + "\n"
        for i in 0..<10_000 { text += "garbage \(i)\n" }
        let file = try dir.write("junk.jsonl", text)
        let (loaded, _) = robustTimed("JSONL garbage") { robustCorpus([file]) }
        #expect(loaded.documents.map(\.id) == ["keep"])
        #expect(loaded.problems.count == JSONLReader.maxReportedLines + 1)
        #expect(loaded.problems.last?.message == "skipped 9950 more malformed lines (lines 52–10001)")
    }

    @Test("quotes that never close, in every paragraph")
    func neverClosingQuotes() throws {
        let dir = RobustTempDir()
        var text = "Headline of the story\n\n"
        for i in 0..<5_000 { text += "\u{201C}Paragraph \(i) opens a quote and goes on, said the official, and on \(i)\n\n" }
        text += "He said \"this one never ends either"
        let file = try dir.write("open.txt", text)
        let (_, corpus) = robustTimed("never-closing quotes") { robustCorpus([file]) }
        let article = try #require(corpus.articles.first)
        #expect(robustStory(article).contains("Paragraph 4999 opens a quote"))
        for q in article.quotes { #expect(q.range.start >= 0 && q.range.end <= article.sourceLength) }
    }

    @Test("10,000 quote marks in a row, for each kind of mark")
    func tenThousandQuoteMarks() throws {
        let dir = RobustTempDir()
        for (i, mark) in ["\"", "\u{201C}", "\u{201D}", "\u{201C}\u{201D}", "'", "\u{2018}", "\u{00AB}", "\u{201E}", "\u{300C}"].enumerated() {
            try dir.write("marks\(i).txt", "Story.\n\n" + String(repeating: mark, count: 10_000 / mark.unicodeScalars.count) + "\n\nAfter the marks, he said.\n")
        }
        let (_, corpus) = robustTimed("10,000 quote marks") { robustCorpus([dir.path]) }
        #expect(corpus.articles.count == 9)
        for a in corpus.articles {
            #expect(robustStory(a).contains("After the marks"), "\(a.id)")
            for q in a.quotes { #expect(q.range.end <= a.sourceLength) }
        }
    }

    @Test("a speaker name 5,000 characters long")
    func hugeSpeakerName() throws {
        let dir = RobustTempDir()
        var name = ""
        var rng = SplitMix(seed: 5)
        while name.count < 5_000 { name += (name.isEmpty ? "" : " ") + "Xa" + String(rng.next() % 100_000) }
        let text = "Talks resumed.\n\n\"We will not give up,\" said \(name).\n\n\"Nor will we,\" \(name) added.\n\n\(name) said the talks would go on.\n"
        let file = try dir.write("name.txt", text)
        let (_, corpus) = robustTimed("5,000-character speaker name") { robustCorpus([file]) }
        let article = try #require(corpus.articles.first)
        #expect(robustStory(article).contains("Nor will we"))
        for s in corpus.speakers { #expect(!s.name.isEmpty) }
    }

    @Test("all of the above in one folder: every good article is still there")
    func everythingTogether() throws {
        let dir = RobustTempDir()
        for i in 0..<5 { try dir.write("good\(i).txt", "Story \(i) title\n\n" + good) }
        try dir.write("bin.txt", [0x00, 0x01, 0x02, 0xFF])
        try dir.write("empty.md", "")
        try dir.write("ws.txt", "\n\n  \n")
        try dir.write("bad.jsonl", "nope\n" + #"{"id":"j1","text":"Good record."}"# + "\n")
        try dir.write("latin.txt", Array("Caf".utf8) + [0xE9] + Array(" story.\n".utf8))
        try dir.write("quotes.txt", String(repeating: "\"", count: 10_000))
        try FileManager.default.createSymbolicLink(atPath: dir.url("loop"), withDestinationPath: ".")
        #expect(mkfifo(dir.url("fifo.md"), 0o644) == 0)
        let (loaded, corpus) = robustTimed("mixed folder") { robustCorpus([dir.path]) }
        let ids = Set(corpus.articles.map(\.id))
        #expect(ids.isSuperset(of: ["good0.txt", "good1.txt", "good2.txt", "good3.txt", "good4.txt", "j1", "latin.txt", "quotes.txt"]))
        #expect(ids.count == 8)
        #expect(loaded.problems.count == 5, "\(loaded.problems)")
        for p in loaded.problems { #expect(!p.description.contains("\n")) }
    }
}

