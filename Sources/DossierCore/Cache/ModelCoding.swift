import Foundation

/// The model types in the cache's binary form. Hand-written because Codable is ten times
/// slower here; `CacheModelTests` fails when a model type gains a field this does not store.
extension BinaryWriter {
    mutating func date(_ d: PartialDate) { int(d.year); optInt(d.month); optInt(d.day) }
    mutating func range(_ r: SourceRange) { int(r.start); int(r.end - r.start) }

    mutating func publication(_ p: Publication) {
        if let d = p.date { bool(true); date(d) } else { bool(false) }
        string(p.evidence); bool(p.inferred)
    }

    mutating func article(_ a: Article) {
        string(a.id); string(a.path); optString(a.title)
        publication(a.published)
        uint(UInt64(a.paragraphs.count))
        for p in a.paragraphs { string(p.text); int(p.start); int(p.scalarCount) }
        uint(UInt64(a.boilerplate.count))
        for b in a.boilerplate { string(b) }
        uint(UInt64(a.quotes.count))
        for q in a.quotes {
            string(q.text); optString(q.speaker); string(q.kind.rawValue); range(q.range)
            if let c = q.cue { bool(true); range(c) } else { bool(false) }
        }
        uint(UInt64(a.events.count))
        for e in a.events { string(e.text); range(e.range); date(e.date); range(e.sentenceRange) }
        uint(UInt64(a.metadata.count))
        for (k, v) in a.metadata.sorted(by: { $0.key < $1.key }) { string(k); string(v) }
        int(a.sourceLength)
        uint(UInt64(a.lineStarts.count))
        var last = 0
        for l in a.lineStarts { int(Int(l) - last); last = Int(l) }
    }

    /// Every article's summary; speaker names are written once and referred to by number.
    mutating func summaries(_ rows: [ArticleSummary]) {
        var names: [String] = [], number: [String: Int] = [:]
        for s in rows {
            for case let name? in s.quoteSpeakers where number[name] == nil { number[name] = names.count; names.append(name) }
        }
        uint(UInt64(names.count))
        for n in names { string(n) }
        uint(UInt64(rows.count))
        for s in rows {
            string(s.id); string(s.displayTitle); publication(s.published)
            optString(s.story); optString(s.source); optString(s.url)
            uint(UInt64(s.quoteSpeakers.count))
            for q in s.quoteSpeakers { uint(q.map { UInt64(number[$0]! + 1) } ?? 0) }
            uint(UInt64(s.eventDates.count))
            for d in s.eventDates { date(d) }
        }
    }

    mutating func problems(_ ps: [LoadProblem]) {
        uint(UInt64(ps.count))
        for p in ps { string(p.path); string(p.message) }
    }

    mutating func speakers(_ ss: [Speaker]) {
        uint(UInt64(ss.count))
        for s in ss {
            string(s.name); optString(s.role)
            uint(UInt64(s.aliases.count)); for a in s.aliases { string(a) }
            int(s.quotes); int(s.reported)
        }
    }

    mutating func links(_ ls: [StatementLink]) {
        uint(UInt64(ls.count))
        for l in ls { int(l.a.article); int(l.a.quote); int(l.b.article); int(l.b.quote); double(l.similarity) }
    }

    mutating func index(_ x: SearchIndex) {
        int(x.articleCount); alignedArray(x.words); alignedArray(x.wordStarts); alignedArray(x.postings); alignedArray(x.postingStarts)
    }
}

extension BinaryReader {
    mutating func date() throws -> PartialDate {
        PartialDate(year: try int(), month: try optInt(), day: try optInt())
    }

    mutating func range() throws -> SourceRange {
        let s = try int()
        let (end, overflow) = s.addingReportingOverflow(try int())
        guard !overflow else { throw CacheCorrupt() }
        return SourceRange(s, end)
    }

    mutating func publication() throws -> Publication {
        let day = try bool() ? try self.date() : nil
        return Publication(date: day, evidence: try string(), inferred: try bool())
    }

    /// `findings: false` leaves boilerplate, quotes and events empty, for a search of the text.
    mutating func article(findings: Bool = true) throws -> Article {
        let id = try string(), path = try string(), title = try optString()
        let published = try publication()
        var paragraphs: [Paragraph] = []
        let np = try size()
        paragraphs.reserveCapacity(np)
        for _ in 0..<np {
            var p = Paragraph(text: "", start: 0)
            p.text = try string(); p.start = try int(); p.scalarCount = try int()
            paragraphs.append(p)
        }
        var boilerplate: [String] = []
        var quotes: [Quote] = []
        var events: [DateEvent] = []
        if findings {
            for _ in 0..<(try size()) { boilerplate.append(try string()) }
            for _ in 0..<(try size()) {
                let text = try string(), speaker = try optString()
                guard let kind = QuoteKind(rawValue: try string()) else { throw CacheCorrupt() }
                let range = try range()
                let cue = try bool() ? try self.range() : nil
                quotes.append(Quote(text: text, speaker: speaker, kind: kind, range: range, cue: cue))
            }
            for _ in 0..<(try size()) {
                events.append(DateEvent(text: try string(), range: try range(), date: try self.date(), sentenceRange: try range()))
            }
        } else {
            for _ in 0..<(try size()) { try skipString() }
            for _ in 0..<(try size()) {
                try skipString(); if try bool() { try skipString() }; try skipString()
                _ = try range(); if try bool() { _ = try range() }
            }
            for _ in 0..<(try size()) { try skipString(); _ = try range(); _ = try date(); _ = try range() }
        }
        var metadata: [String: String] = [:]
        for _ in 0..<(try size()) { metadata[try string()] = try string() }
        var a = Article(id: id, path: path, title: title, published: published, paragraphs: paragraphs, boilerplate: boilerplate,
                        quotes: quotes, events: events, metadata: metadata, sourceLength: try int())
        let nl = try size()
        var lines: [Int32] = []
        lines.reserveCapacity(nl)
        var last = 0
        for _ in 0..<nl {
            let (next, overflow) = last.addingReportingOverflow(try int())
            guard !overflow, let line = Int32(exactly: next) else { throw CacheCorrupt() }
            last = next
            lines.append(line)
        }
        a.lineStarts = lines
        return a
    }

    mutating func summaries() throws -> [ArticleSummary] {
        var names: [String] = []
        for _ in 0..<(try size()) { names.append(try string()) }
        var out: [ArticleSummary] = []
        let n = try size()
        out.reserveCapacity(n)
        for _ in 0..<n {
            let id = try string(), title = try string()
            var s = ArticleSummary(id: id, displayTitle: title, published: try publication())
            s.story = try optString(); s.source = try optString(); s.url = try optString()
            let nq = try size()
            if nq > 0 {
                s.quoteSpeakers.reserveCapacity(nq)
                for _ in 0..<nq {
                    let k = try uint()
                    guard k <= UInt64(names.count) else { throw CacheCorrupt() }
                    s.quoteSpeakers.append(k == 0 ? nil : names[Int(k) - 1])
                }
            }
            for _ in 0..<(try size()) { s.eventDates.append(try self.date()) }
            out.append(s)
        }
        return out
    }

    mutating func problems() throws -> [LoadProblem] {
        var out: [LoadProblem] = []
        for _ in 0..<(try size()) { out.append(LoadProblem(path: try string(), message: try string())) }
        return out
    }

    mutating func speakers() throws -> [Speaker] {
        var out: [Speaker] = []
        for _ in 0..<(try size()) {
            let name = try string(), role = try optString()
            var aliases: [String] = []
            for _ in 0..<(try size()) { aliases.append(try string()) }
            out.append(Speaker(name: name, role: role, aliases: aliases, quotes: try int(), reported: try int()))
        }
        return out
    }

    mutating func links() throws -> [StatementLink] {
        var out: [StatementLink] = []
        for _ in 0..<(try size()) {
            let a = QuoteRef(article: try int(), quote: try int()), b = QuoteRef(article: try int(), quote: try int())
            out.append(StatementLink(a: a, b: b, similarity: try double()))
        }
        return out
    }

    /// The index in place in the mapped file `owner`, which it keeps alive.
    mutating func index(owner: MappedFile) throws -> SearchIndex {
        let n = try int()
        let words = try alignedArray(UInt8.self), wordStarts = try alignedArray(UInt32.self)
        let postings = try alignedArray(UInt8.self), postingStarts = try alignedArray(UInt64.self)
        guard n >= 0, wordStarts.count == postingStarts.count, !wordStarts.isEmpty,
              Int(wordStarts.last!) == words.count, postingStarts.last! == UInt64(postings.count),
              zip(wordStarts, wordStarts.dropFirst()).allSatisfy({ $0 < $1 }),
              zip(postingStarts, postingStarts.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw CacheCorrupt() }
        return SearchIndex(articleCount: n, words: words, wordStarts: wordStarts, postings: postings, postingStarts: postingStarts, owner: owner)
    }
}
