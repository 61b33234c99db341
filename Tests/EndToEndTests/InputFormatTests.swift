import DossierCore
import Foundation
import Testing

/// Markdown with front matter, JSONL records, folders and standard input, checked through
/// `dossier articles --json` and `dossier search --json` on temporary files.
@Suite(.enabled(if: Harness.hasBinary, "needs .build/debug/dossier (swift build failed)"))
struct InputFormats {
    static let markdown = """
    ---
    title: "Ministers agree on a winter package"
    date: 2022-11-29
    author: Desk
    ---

    Ministers met in the capital on Tuesday and agreed on a package for the winter.

    "We will not back down," the chair told reporters after the meeting.
    """

    @Test("Markdown front matter gives the title and date, and is not story text")
    func markdownFrontMatter() throws {
        let dir = Harness.corpus(["story.md": Self.markdown])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = Harness.dossier(["articles", dir, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let a = try #require((Harness.json(r) as? [[String: Any]])?.first)
        #expect(a["file"] as? String == "story.md")
        #expect(a["title"] as? String == "Ministers agree on a winter package")
        #expect(a["published"] as? String == "2022-11-29")
        #expect(a["precision"] as? String == "day")
        let paragraphs = try #require(a["paragraphs"] as? [String])
        #expect(paragraphs.first?.hasPrefix("Ministers met in the capital") == true, "\(paragraphs)")
        #expect(!paragraphs.joined().contains("title:") && !paragraphs.joined().contains("---"))
        #expect(paragraphs.contains { $0.contains("We will not back down") })
    }

    @Test("a Markdown file whose front matter is never closed is read as text")
    func unclosedFrontMatter() throws {
        let dir = Harness.corpus(["open.md": "---\ntitle: Not really\n\nThe story starts here and goes on for a while.\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = Harness.dossier(["articles", dir, "--json"])
        let a = try #require((Harness.json(r) as? [[String: Any]])?.first)
        #expect(a["published"] is NSNull)
        #expect((a["paragraphs"] as? [String])?.contains { $0.contains("The story starts here") } == true)
    }

    static func record(_ fields: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
    }

    static let jsonl = [
        record(["id": "wire-1", "title": "Grid repairs continue", "published": "2022-12-02", "text": "Crews worked through the night to repair the grid.\n\nOfficials said power would return by Friday.", "url": "https://example.org/wire-1", "source": "Example Wire", "extra": 42]),
        "this line is not JSON",
        record(["id": "wire-2", "title": "", "published": "2023-02", "text": "A second report, with an accent: București hosted the talks."]),
        record(["id": "no-text", "title": "missing text"]),
        "",
    ].joined(separator: "\n")

    @Test("JSONL: id, title, published and text; a bad line is reported and the rest still loads")
    func jsonlRecords() throws {
        let dir = Harness.corpus(["feed.jsonl": Self.jsonl])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = Harness.dossier(["articles", dir, "--json"])
        #expect(r.status == 0)
        let articles = try #require(Harness.json(r) as? [[String: Any]])
        let byFile = Dictionary(articles.compactMap { a in (a["file"] as? String).map { ($0, a) } }, uniquingKeysWith: { a, _ in a })
        #expect(Set(byFile.keys) == ["wire-1", "wire-2"])
        #expect(byFile["wire-1"]?["title"] as? String == "Grid repairs continue")
        #expect(byFile["wire-1"]?["published"] as? String == "2022-12-02")
        #expect(byFile["wire-2"]?["published"] as? String == "2023-02")
        #expect(byFile["wire-2"]?["precision"] as? String == "month")
        #expect((byFile["wire-1"]?["paragraphs"] as? [String])?.count == 2)
        let warnings = r.stderr.split(separator: "\n")
        #expect(warnings.count == 2, "one line per bad record: \(r.stderr)")
        #expect(r.stderr.contains("feed.jsonl:2") && r.stderr.contains("feed.jsonl:4"), "line numbers: \(r.stderr)")
        let quiet = Harness.dossier(["articles", dir, "--json", "--quiet"])
        #expect(quiet.stderr.isEmpty)
    }

    @Test("JSONL: search offsets index the record's text field, and file is the record id")
    func jsonlOffsets() throws {
        let dir = Harness.corpus(["feed.jsonl": Self.jsonl])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = Harness.dossier(["search", "bucuresti", dir, "--json", "--quiet"])
        let hit = try #require((Harness.json(r) as? [[String: Any]])?.first)
        #expect(hit["file"] as? String == "wire-2")
        let text = Array("A second report, with an accent: București hosted the talks.".unicodeScalars)
        let start = try #require(hit["start"] as? Int), end = try #require(hit["end"] as? Int)
        #expect(Subcommands.slice(text, start, end) == "București", "the accent-insensitive match, located in the record text")
    }

    @Test("JSONL url and source are kept as metadata")
    func jsonlMetadata() throws {
        let loaded = JSONLReader.documents(bytes: Array(Self.jsonl.utf8), path: "feed.jsonl")
        let doc = try #require(loaded.documents.first { $0.id == "wire-1" })
        #expect(doc.metadata["url"] == "https://example.org/wire-1")
        #expect(doc.metadata["source"] == "Example Wire")
        #expect(doc.metadata["extra"] == nil, "other fields are ignored")
    }

    @Test("a folder is read recursively (.txt, .md, .jsonl), other files and hidden ones are skipped")
    func folderRecursion() throws {
        let dir = Harness.corpus([
            "a.txt": "Plain text story about the harbour reopening after the storm.\n",
            "deep/er/b.md": Self.markdown,
            "deep/c.jsonl": Self.jsonl,
            "notes.html": "<p>not an article</p>",
            ".hidden/d.txt": "A hidden story that should not be read.\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = Harness.dossier(["articles", dir, "--json", "--quiet"])
        let files = Set(((Harness.json(r) as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String })
        #expect(files == ["a.txt", "deep/er/b.md", "wire-1", "wire-2"])
    }

    @Test("- reads one article from standard input; single files work too")
    func stdinAndFiles() throws {
        let r = Harness.dossier(["articles", "-", "--json"], stdin: "A story piped in from another program, about the port.\n")
        #expect(r.status == 0, "\(r.stderr)")
        let a = try #require((Harness.json(r) as? [[String: Any]])?.first)
        #expect((a["paragraphs"] as? [String])?.first?.contains("piped in") == true)

        let dir = Harness.corpus(["one.md": Self.markdown, "two.txt": "Another plain story about the bridge.\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let single = Harness.dossier(["articles", dir + "/one.md", dir + "/two.txt", "--json"])
        let files = ((Harness.json(single) as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String }
        #expect(Set(files) == ["one.md", "two.txt"])
    }

    @Test("unreadable inputs among good ones are reported on stderr and the rest loads")
    func mixedProblems() throws {
        let dir = Harness.corpus(["good.txt": "A readable story about the vote in parliament.\n", "empty.txt": "", "bin.txt": "abc\u{0}def"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = Harness.dossier(["articles", dir, "--json"])
        #expect(r.status == 0)
        #expect(((Harness.json(r) as? [Any])?.count) == 1)
        #expect(r.stderr.contains("empty.txt") && r.stderr.contains("bin.txt"), "\(r.stderr)")
    }
}
