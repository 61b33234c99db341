import Foundation
import Testing

/// The subcommands as scripts use them: JSON shapes of DESIGN.md on the seeds, plain output,
/// help, version and errors.
@Suite(.enabled(if: Harness.hasBinary, "needs .build/debug/dossier (swift build failed)"))
struct Subcommands {
    static let subcommands = ["read", "articles", "quotes", "speakers", "timeline", "search", "export"]

    /// The Unicode scalars of a seed file, which JSON offsets index.
    static func seedScalars(_ file: String) throws -> [Unicode.Scalar] {
        Array(try String(contentsOfFile: Harness.seeds + "/" + file, encoding: .utf8).unicodeScalars)
    }

    static func slice(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        guard start >= 0, start <= end, end <= s.count else { return "<out of range \(start)..<\(end) of \(s.count)>" }
        return String(String.UnicodeScalarView(s[start..<end]))
    }

    @Test("dossier search QUERY --json: fields, offsets into the file, smart case and accents")
    func searchJSON() throws {
        let r = Harness.dossier(["search", "zelensk", Harness.seeds, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let hits = try #require(Harness.json(r) as? [[String: Any]])
        #expect(hits.count == 3, "Zelenskyy once and Zelensky twice: \(r.stdout)")
        for h in hits {
            #expect(Set(h.keys) == ["file", "start", "end", "line", "snippet"])
            let file = try #require(h["file"] as? String), start = try #require(h["start"] as? Int), end = try #require(h["end"] as? Int)
            let matched = Self.slice(try Self.seedScalars(file), start, end)
            #expect(matched.lowercased().hasPrefix("zelensk"), "offsets \(start)..<\(end) in \(file) cover “\(matched)”")
            #expect((h["line"] as? Int ?? 0) >= 1)
            #expect((h["snippet"] as? String)?.lowercased().contains("zelensk") == true)
        }
        // An upper-case letter makes the search case-sensitive.
        let exact = Harness.dossier(["search", "ZELENSK", Harness.seeds, "--json"])
        #expect((Harness.json(exact) as? [Any])?.isEmpty == true)
        // Curly apostrophes are folded: doesn't finds doesn’t.
        let folded = Harness.dossier(["search", "\"doesn't win\"", Harness.seeds, "--json"])
        #expect(((Harness.json(folded) as? [Any])?.count ?? 0) == 1, "doesn't finds doesn’t: \(folded.stdout)")
    }

    @Test("dossier search prints file:line: snippet, and exits 1 with “no matches” when nothing matches")
    func searchPlain() {
        let r = Harness.dossier(["search", "zelensk", Harness.seeds])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.range(of: #"^[^:]+\.txt:\d+: "#, options: .regularExpression) != nil }, "\(r.stdout)")
        let none = Harness.dossier(["search", "xyzzyplugh", Harness.seeds])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
        #expect(none.stderr.contains("no matches"))
        let noneJSON = Harness.dossier(["search", "xyzzyplugh", Harness.seeds, "--json"])
        #expect((Harness.json(noneJSON) as? [Any])?.isEmpty == true, "JSON gives an empty list")
    }

    @Test("dossier search -l lists each file with a hit once, sorted, the same with and without the cache")
    func searchFilesWithMatches() throws {
        let hits = try #require(Harness.json(Harness.dossier(["search", "\"as long as it takes\"", Harness.seeds, "--json"])) as? [[String: Any]])
        let expected = Set(hits.compactMap { $0["file"] as? String }).map { Harness.seeds + "/" + $0 }.sorted()
        #expect(expected.count == 3)
        let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-l-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: stateHome) }
        // Cold, then after another subcommand has written the cache, then without it.
        let runs: [(name: String, flags: [String])] = [("cold", []), ("no cache", ["--no-cache"]), ("cached", [])]
        for run in runs {
            if run.name == "cached" {
                _ = Harness.dossier(["articles", Harness.seeds], stateHome: stateHome)
                let written = try FileManager.default.contentsOfDirectory(atPath: stateHome + "/cache/dossier")
                #expect(!written.isEmpty, "a cache to search")
            }
            let r = Harness.dossier(["search", "-l", "\"as long as it takes\"", Harness.seeds] + run.flags, stateHome: stateHome)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.split(separator: "\n").map(String.init) == expected, "\(run.name)")
        }
        let json = try #require(Harness.json(Harness.dossier(["search", "-l", "--json", "zelensk", Harness.seeds])) as? [[String: String]])
        #expect(!json.isEmpty && json.allSatisfy { Set($0.keys) == ["path"] })
        let none = Harness.dossier(["search", "--files-with-matches", "xyzzyplugh", Harness.seeds])
        #expect(none.status == 1 && none.stdout.isEmpty && none.stderr.contains("no matches"))
    }

    @Test("dossier search respects filters: file: narrows to one article")
    func searchFilter() throws {
        let r = Harness.dossier(["search", "zelensk file:003", Harness.seeds, "--json"])
        let hits = try #require(Harness.json(r) as? [[String: Any]])
        #expect(hits.count == 1)
        #expect((hits.first?["file"] as? String)?.hasPrefix("003_") == true)
    }

    @Test("dossier search: phrases in quotes, no-break spaces and curly apostrophes match like plain ones")
    func searchPhrases() throws {
        let phrase = Harness.dossier(["search", "\"as long as it takes\"", Harness.seeds, "--json"])
        let files = Set(((Harness.json(phrase) as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String })
        #expect(files.count == 3, "the phrase is in three seeds: \(files)")
        let dir = Harness.corpus(["nbsp.txt": "Officials said they would stay as\u{00A0}long as it takes, and they won\u{2019}t leave.\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let spaced = Harness.dossier(["search", "\"as long as\"", dir, "--json"])
        #expect((Harness.json(spaced) as? [Any])?.count == 1, "a no-break space matches a space: \(spaced.stdout)")
        let apostrophe = Harness.dossier(["search", "won't", dir, "--json"])
        let hit = try #require((Harness.json(apostrophe) as? [[String: Any]])?.first)
        let text = Array("Officials said they would stay as\u{00A0}long as it takes, and they won\u{2019}t leave.\n".unicodeScalars)
        #expect(Self.slice(text, hit["start"] as? Int ?? -1, hit["end"] as? Int ?? -1) == "won\u{2019}t")
    }

    /// Wire records with escapes, accents, a phrase across a hard wrap and no id; text with curly
    /// apostrophes and a no-break space. Every article dates itself.
    static let mixedCorpus: [String: String] = [
        "wire.jsonl": [
            #"{"id": "w1", "published": "1987-03-02T10:00:00", "text": "PARIS, March 2 - Prices of North Sea and Brent blend CRUDE\noil rose sharply on Monday, the Caf\u00e9 de Flore said in a note.\n    Officials won\u2019t comment on the market this week.\nReuter"}"#,
            #"{"published": "1987-03-03T08:00:00", "text": "TOKYO, March 3 - The yen firmed against the dollar in quiet trading on Tuesday, dealers said.\n    The Bank of Japan was not seen in the market during the session.\nReuter"}"#,
            #"{"id": "w4", "published": "1987-03-04T08:00:00", "text": "ZÜRICH, March 4 - Société Générale and the Bundesbank’s chief met on Wednesday; café prices fell.\n    Officials declined to say what the two had discussed at the meeting.\nReuter"}"#,
        ].joined(separator: "\n") + "\n",
        "kyiv.txt": "date 2023-01-10 'Aid'\n\nZelenskyy’s office said the aid would last “as long as it takes”. The café owners didn't comment.\n",
        "berlin.md": "---\ntitle: Berlin\ndate: 2023-01-11\n---\n\nThe Bundesbank’s president said crude\u{00A0}oil and the yen mattered. Officials won't say.\n",
    ]

    @Test("dossier search prints the same hits before the cache exists, from the cache, and with --no-cache",
          arguments: ["cafe", "\"crude oil\"", "won't", "yen", "bundesbank", "Zelenskyy’s"])
    func searchColdAndCached(_ query: String) throws {
        let dir = Harness.corpus(Self.mixedCorpus)
        let home = Harness.makeTempDir("state")
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: home) }
        /// The hits in order, each as one line (JSON key order differs from run to run).
        func hits(_ r: Harness.Result) -> [String] {
            ((Harness.json(r) as? [[String: Any]]) ?? []).map { h in
                ["file", "start", "end", "line", "snippet"].map { "\(h[$0] ?? "-")" }.joined(separator: "|")
            }
        }
        let cold = Harness.dossier(["search", query, dir, "--json"], stateHome: home)
        #expect(cold.status == 0, "\(cold.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home + "/cache/dossier"), "a search writes no cache")
        #expect(!hits(cold).isEmpty, "\(query) is in the corpus")
        let coldPlain = Harness.dossier(["search", query, dir], stateHome: home)
        #expect(coldPlain.stdout.split(separator: "\n").count == hits(cold).count)
        #expect(Harness.dossier(["articles", dir, "--json"], stateHome: home).status == 0)
        #expect(hits(Harness.dossier(["search", query, dir, "--json"], stateHome: home)) == hits(cold), "from the cache")
        #expect(Harness.dossier(["search", query, dir], stateHome: home).stdout == coldPlain.stdout)
        #expect(hits(Harness.dossier(["search", query, dir, "--json", "--no-cache"], stateHome: home)) == hits(cold))
    }

    @Test("dossier search: date: keeps articles published in the range")
    func searchDateFilter() throws {
        let dir = Harness.corpus(ReaderEndToEnd.SearchAndFilter.datedCorpus)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = Harness.dossier(["search", "aid date:2022-11..2023-01", dir, "--json"])
        let files = Set(((Harness.json(r) as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String })
        #expect(files == ["winter.md", "tanks.md"])
        let all = Harness.dossier(["search", "aid", dir, "--json"])
        #expect((Harness.json(all) as? [Any])?.count == 3)
    }

    @Test("dossier articles --json has DESIGN.md's fields and clean paragraphs")
    func articlesJSON() throws {
        let r = Harness.dossier(["articles", Harness.seeds, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let articles = try #require(Harness.json(r) as? [[String: Any]])
        #expect(articles.count == 5)
        for a in articles {
            #expect(Set(a.keys) == ["file", "title", "published", "precision", "evidence", "paragraphs"])
            #expect(a["file"] is String)
            #expect(a["title"] is String || a["title"] is NSNull)
            #expect(a["evidence"] is String)
            let precision = try #require(a["precision"] as? String)
            #expect(["day", "month", "year", "unknown"].contains(precision))
            if let p = a["published"] as? String {
                #expect(p.range(of: #"^\d{4}(-\d{2}(-\d{2})?)?$"#, options: .regularExpression) != nil, "published \(p)")
            } else {
                #expect(a["published"] is NSNull)
                #expect(precision == "unknown")
            }
            let paragraphs = try #require(a["paragraphs"] as? [String])
            #expect(!paragraphs.isEmpty)
        }
        // The dated header line of the first seed is metadata, not story text.
        let first = try #require(articles.first { ($0["file"] as? String)?.hasPrefix("000_") == true })
        #expect(first["published"] as? String == "2023-01-10")
        #expect(first["precision"] as? String == "day")
        #expect(!((first["paragraphs"] as? [String])?.contains { $0.hasPrefix("date 2023") } ?? true))
    }

    @Test("dossier quotes --json: fields, kinds, offsets covering the marks in the file")
    func quotesJSON() throws {
        let r = Harness.dossier(["quotes", Harness.seeds, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let quotes = try #require(Harness.json(r) as? [[String: Any]])
        #expect(quotes.count >= 10, "the seeds are full of quotes")
        var files: [String: [Unicode.Scalar]] = [:]
        for q in quotes {
            #expect(Set(q.keys) == ["file", "text", "speaker", "kind", "start", "end"])
            #expect(q["speaker"] is String || q["speaker"] is NSNull)
            let kind = try #require(q["kind"] as? String)
            #expect(["direct", "partial", "reported"].contains(kind))
            let file = try #require(q["file"] as? String), text = try #require(q["text"] as? String)
            let start = try #require(q["start"] as? Int), end = try #require(q["end"] as? Int)
            if files[file] == nil { files[file] = try Self.seedScalars(file) }
            let span = Self.slice(files[file]!, start, end)
            #expect(span.contains(text), "\(file) \(start)..<\(end) is “\(span)”, not the quote “\(text)”")
            if kind != "reported" {
                let marks: Set<Character> = ["\"", "“", "”", "'", "‘", "’", "«", "»"]
                #expect(span.first.map(marks.contains) == true && span.last.map(marks.contains) == true, "a quote's range covers its marks: “\(span)”")
            }
        }
    }

    @Test("dossier speakers --json and timeline --json have DESIGN.md's fields")
    func speakersAndTimelineJSON() throws {
        let s = Harness.dossier(["speakers", Harness.seeds, "--json"])
        #expect(s.status == 0, "\(s.stderr)")
        let speakers = try #require(Harness.json(s) as? [[String: Any]])
        #expect(speakers.contains { ($0["quotes"] as? Int ?? 0) > 0 }, "the seeds have quoted speakers")
        for sp in speakers {
            #expect(Set(sp.keys) == ["name", "role", "aliases", "quotes", "reported"])
            #expect(sp["name"] is String)
            #expect(sp["role"] is String || sp["role"] is NSNull)
            #expect(sp["aliases"] is [String])
            #expect(sp["quotes"] is Int && sp["reported"] is Int)
        }
        let t = Harness.dossier(["timeline", Harness.seeds, "--json"])
        #expect(t.status == 0, "\(t.stderr)")
        let timeline = try #require(Harness.json(t) as? [String: Any])
        #expect(Set(timeline.keys) == ["articles", "events"])
        let articles = try #require(timeline["articles"] as? [[String: Any]])
        #expect(articles.count == 5)
        for a in articles { #expect(Set(a.keys) == ["file", "published", "precision", "evidence"]) }
        let events = try #require(timeline["events"] as? [[String: Any]])
        #expect(!events.isEmpty, "the seeds mention dates")
        for e in events {
            #expect(Set(e.keys) == ["file", "text", "start", "end", "date", "precision", "sentence"])
            if let file = e["file"] as? String, let start = e["start"] as? Int, let end = e["end"] as? Int, let text = e["text"] as? String {
                #expect(Self.slice(try Self.seedScalars(file), start, end) == text, "an event's offsets give its text as written")
            }
            #expect((e["date"] as? String)?.range(of: #"^\d{4}(-\d{2}(-\d{2})?)?$"#, options: .regularExpression) != nil)
        }
    }

    @Test("JSON is the same byte for byte from one run to the next (keys sorted), so outputs can be diffed",
          arguments: ["articles", "quotes", "speakers", "timeline"])
    func stableJSON(_ command: String) throws {
        let first = Harness.dossier([command, Harness.seeds, "--json", "--no-cache"])
        let second = Harness.dossier([command, Harness.seeds, "--json", "--no-cache"])
        #expect(first.status == 0 && !first.stdout.isEmpty, "\(first.stderr)")
        #expect(first.stdout == second.stdout, "two runs of \(command) --json print the same text")
        // Each object's keys in order, as printed ("key" : at the start of a line).
        var keysByDepth: [[String]] = [[]]
        for line in first.stdout.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("\""), let colon = t.range(of: "\" : ") {
                keysByDepth[keysByDepth.count - 1].append(String(t[t.index(after: t.startIndex)..<colon.lowerBound]))
            }
            if t.hasSuffix("{") || t.hasSuffix("[") { keysByDepth.append([]) }
            if t.hasPrefix("}") || t.hasPrefix("]") {
                let keys = keysByDepth.removeLast()
                #expect(keys == keys.sorted(), "keys in order: \(keys)")
            }
        }
    }

    @Test("JSON of more articles than print at once: every item, in order, from the cache too; none gives []")
    func longJSONOutput() throws {
        let n = 1_300
        let records = (0..<n).map { i in
            #"{"id": "r\#(i)", "published": "2021-03-04", "text": "Rates rose on 3 March, analysts said. \u201cWe expect item \#(i) to hold,\u201d said Ana Lima."}"#
        }
        let dir = Harness.corpus(["wire.jsonl": records.joined(separator: "\n") + "\n", "empty.jsonl": "{\"id\": \"e\", \"text\": \"No one speaks here.\"}\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let home = Harness.makeTempDir("long")
        defer { try? FileManager.default.removeItem(atPath: home) }
        for run in ["parsing", "from the cache"] {
            let q = Harness.dossier(["quotes", dir + "/wire.jsonl", "--json"], stateHome: home)
            let quotes = try #require(Harness.json(q) as? [[String: Any]], "\(run)")
            let direct = quotes.filter { $0["kind"] as? String == "direct" }
            #expect(direct.count == n, "\(run)")
            // Corpus order: same date, then by id ("r0", "r1", "r10", …).
            let order = (0..<n).sorted { "r\($0)" < "r\($1)" }.map { "We expect item \($0) to hold," }
            let inOrder = direct.map { $0["text"] as? String ?? "" } == order
            #expect(inOrder, "\(run): in corpus order")
            let t = Harness.dossier(["timeline", dir + "/wire.jsonl", "--json"], stateHome: home)
            let timeline = try #require(Harness.json(t) as? [String: Any], "\(run)")
            #expect((timeline["articles"] as? [Any])?.count == n, "\(run)")
            #expect((timeline["events"] as? [[String: Any]])?.filter { $0["date"] as? String == "2021-03-03" }.count == n, "\(run)")
        }
        let none = Harness.dossier(["quotes", dir + "/empty.jsonl", "--json"], stateHome: home)
        #expect(none.status == 0 && none.stdout == "[]\n")
    }

    @Test("--help works on every subcommand", arguments: subcommands)
    func help(_ sub: String) {
        let r = Harness.dossier([sub, "--help"])
        #expect(r.status == 0, "\(sub) --help: \(r.stderr)")
        #expect(r.stdout.contains("USAGE:"), "\(r.stdout)")
        #expect(r.stdout.contains("dossier \(sub)") || (sub == "read" && r.stdout.contains("dossier")), "\(r.stdout)")
    }

    @Test("dossier --help lists the subcommands; --version prints a version")
    func topLevel() {
        let h = Harness.dossier(["--help"])
        #expect(h.status == 0)
        for sub in Self.subcommands { #expect(h.stdout.contains(sub), "help lists \(sub)") }
        let v = Harness.dossier(["--version"])
        #expect(v.status == 0)
        #expect(v.stdout.trimmingCharacters(in: .whitespacesAndNewlines).range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil, "version: \(v.stdout)")
    }

    @Test("a missing path: non-zero status, nothing on stdout, one stderr line that says what to do",
          arguments: ["articles", "quotes", "speakers", "timeline", "read"])
    func missingPath(_ sub: String) {
        let r = Harness.dossier([sub, "/nonexistent/dossier-e2e"])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(r.stderr)")
        #expect(r.stderr.contains("/nonexistent/dossier-e2e") && r.stderr.contains("give a folder"), "\(r.stderr)")
    }

    @Test("usage errors go to stderr with a non-zero status")
    func usageErrors() {
        let unknown = Harness.dossier(["articles", "--no-such-flag"])
        #expect(unknown.status != 0)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("--no-such-flag"))
        let noQuery = Harness.dossier(["search"])
        #expect(noQuery.status != 0)
        #expect(noQuery.stderr.lowercased().contains("missing"), "\(noQuery.stderr)")
        let nothing = Harness.dossier(["export", Harness.seeds])
        #expect(nothing.status != 0)
        #expect(nothing.stderr.contains("--starred"), "says what to add: \(nothing.stderr)")
    }

    @Test("the reader without a terminal says to use a subcommand")
    func readerNeedsTerminal() {
        let r = Harness.dossier([Harness.seeds], stdin: "")
        #expect(r.status != 0)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains("terminal") && r.stderr.contains("subcommand"), "\(r.stderr)")
    }
}
