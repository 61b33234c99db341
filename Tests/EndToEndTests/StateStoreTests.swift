import DossierCore
import Foundation
import Testing

/// Saved reading state: where it lives, that it round-trips, and that bad files never hurt.
@Suite struct StateStoreTests {
    struct Sample: Codable, Equatable { var article: String?; var scroll: Int; var marks: [String] }

    static func withStore(_ body: (StateStore, String) throws -> Void) rethrows {
        let dir = Harness.makeTempDir("store")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(StateStore(directory: dir + "/dossier"), dir)
    }

    @Test("XDG_STATE_HOME decides the folder; otherwise ~/.local/state; a relative XDG path is ignored")
    func directory() {
        #expect(StateStore(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"]).directory == "/x/state/dossier")
        #expect(StateStore(environment: ["HOME": "/home/u"]).directory == "/home/u/.local/state/dossier")
        #expect(StateStore(environment: ["XDG_STATE_HOME": "rel/state", "HOME": "/home/u"]).directory == "/home/u/.local/state/dossier")
        #expect(StateStore(environment: ["XDG_STATE_HOME": "", "HOME": "/home/u"]).directory == "/home/u/.local/state/dossier")
    }

    @Test("one file per corpus, the same on every run")
    func fileNames() {
        let s = StateStore(directory: "/d")
        #expect(s.path(forCorpus: "/news/a") == s.path(forCorpus: "/news/a"))
        #expect(s.path(forCorpus: "/news/a") != s.path(forCorpus: "/news/b"))
        #expect(s.path(forCorpus: "/news/a").hasPrefix("/d/"))
        #expect(s.path(forCorpus: "/news/a").hasSuffix(".json"))
    }

    @Test("save then load gives the value back, creating the folder; missing is nil without a warning")
    func roundTrip() {
        Self.withStore { store, _ in
            let (missing, quiet) = store.load(Sample.self, corpus: "/c")
            #expect(missing == nil && quiet == nil)
            let v = Sample(article: "a.txt", scroll: 7, marks: ["b.txt"])
            #expect(store.save(v, corpus: "/c") == nil)
            let (back, warning) = store.load(Sample.self, corpus: "/c")
            #expect(back == v)
            #expect(warning == nil)
            #expect(store.load(Sample.self, corpus: "/other").0 == nil, "another corpus has its own file")
        }
    }

    @Test("saving again replaces the file and leaves no temporary file behind")
    func replace() throws {
        try Self.withStore { store, _ in
            store.save(Sample(article: "a", scroll: 1, marks: []), corpus: "/c")
            store.save(Sample(article: "b", scroll: 2, marks: []), corpus: "/c")
            #expect(store.load(Sample.self, corpus: "/c").0?.article == "b")
            let files = try FileManager.default.contentsOfDirectory(atPath: store.directory)
            #expect(files.count == 1, "\(files)")
        }
    }

    @Test("corrupt, foreign, wrong-shape and other-corpus files: nil and one warning line, never a crash",
          arguments: [
            ("{\"format\": \"dossier-state-1\", \"corpus\": \"/c\", \"val", "corrupt"),
            ("", "corrupt"),
            ("\u{0}\u{1}binary", "corrupt"),
            ("[1, 2, 3]", "corrupt"),
            ("{\"format\": \"someone-else\", \"corpus\": \"/c\", \"value\": 1}", "unknown"),
            ("{\"format\": \"dossier-state-1\", \"corpus\": \"/c\", \"value\": {\"scroll\": \"x\"}}", "corrupt"),
            ("{\"format\": \"dossier-state-1\", \"corpus\": \"/elsewhere\", \"value\": {\"scroll\": 1, \"marks\": []}}", "other corpus"),
          ])
    func badFiles(_ contents: String, _ kind: String) throws {
        try Self.withStore { store, _ in
            try FileManager.default.createDirectory(atPath: store.directory, withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: URL(fileURLWithPath: store.path(forCorpus: "/c")))
            let (value, warning) = store.load(Sample.self, corpus: "/c")
            #expect(value == nil)
            let w = try #require(warning)
            #expect(w.contains(kind) && w.contains("starting fresh"), "\(w)")
            #expect(!w.contains("\n"))
            // The next save puts a good file back.
            #expect(store.save(Sample(article: nil, scroll: 0, marks: []), corpus: "/c") == nil)
            #expect(store.load(Sample.self, corpus: "/c").1 == nil)
        }
    }

    @Test("a folder that cannot be created gives a message, not a crash")
    func unwritable() throws {
        try Self.withStore { _, root in
            let blocker = root + "/file"
            try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
            let store = StateStore(directory: blocker + "/dossier")
            let message = store.save(Sample(article: nil, scroll: 0, marks: []), corpus: "/c")
            #expect(message?.contains("could not save") == true, "\(message ?? "nil")")
        }
    }

    @Test("atomicWrite replaces the target in one step and keeps other files")
    func atomicWrite() throws {
        try Self.withStore { _, root in
            let file = root + "/target.json"
            try Data("old".utf8).write(to: URL(fileURLWithPath: file))
            try StateStore.atomicWrite(Data("new contents".utf8), to: file)
            #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self) == "new contents")
            #expect(try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.contains(".tmp") }.isEmpty)
            #expect(throws: (any Error).self) { try StateStore.atomicWrite(Data(), to: root + "/missing-folder/x.json") }
        }
    }
}
