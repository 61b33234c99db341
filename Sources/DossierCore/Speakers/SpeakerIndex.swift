/// Builds the corpus-wide speaker list from the attributed quotes and rewrites each quote's
/// speaker to its canonical name: one speaker per person or body across all articles.
public enum SpeakerIndex {
    public static func resolve(_ articles: inout [Article]) -> (speakers: [Speaker], aliases: [String: String]) {
        // Every distinct name used as a speaker, with what was said under it.
        var names: [String: NameStats] = [:]
        var order: [String] = []
        for article in articles {
            for q in article.quotes {
                guard let name = q.speaker else { continue }
                if names[name] == nil { names[name] = NameStats(name: name, first: order.count); order.append(name) }
                if q.kind == .reported { names[name]!.reported += 1 } else { names[name]!.quotes += 1 }
                if let cue = q.cue, let text = cueText(article, cue) { names[name]!.surfaces.insert(text) }
            }
        }
        let clusters = cluster(order.map { names[$0]! })
        var canonical: [String: String] = [:]
        var speakers: [Speaker] = []
        let roles = roleMentions(articles)
        for members in clusters {
            let stats = members.map { names[$0]! }
            let best = canonicalName(stats)
            for m in members { canonical[m] = best }
            var aliases = Set(members)
            for s in stats { aliases.formUnion(s.surfaces) }
            let role = chooseRole(for: members, person: isPerson(best), mentions: roles)
            speakers.append(Speaker(name: best, role: role, aliases: aliases.sorted(),
                                    quotes: stats.reduce(0) { $0 + $1.quotes }, reported: stats.reduce(0) { $0 + $1.reported }))
        }
        for a in articles.indices {
            for q in articles[a].quotes.indices {
                if let name = articles[a].quotes[q].speaker { articles[a].quotes[q].speaker = canonical[name] ?? name }
            }
        }
        var aliasMap: [String: String] = [:]
        for s in speakers {
            for alias in s.aliases where !NameWords.pronouns.contains(alias.lowercased()) { aliasMap[alias] = s.name }
        }
        speakers.sort { ($0.quotes + $0.reported, $1.name) > ($1.quotes + $1.reported, $0.name) }
        return (speakers, aliasMap)
    }

    struct NameStats {
        var name: String
        var first: Int
        var quotes = 0
        var reported = 0
        var surfaces: Set<String> = []
    }

    /// The text where a quote's speaker was named.
    static func cueText(_ article: Article, _ cue: SourceRange) -> String? {
        guard let p = article.paragraphIndex(containing: cue.start) else { return nil }
        let para = article.paragraphs[p]
        let s = Array(para.text.unicodeScalars)
        let lo = cue.start - para.start, hi = min(s.count, cue.end - para.start)
        guard lo >= 0, hi > lo else { return nil }
        return NameWords.stripPossessive(String(String.UnicodeScalarView(s[lo..<hi])))
    }

    static func words(_ name: String) -> [String] {
        NameWords.fold(name).split(separator: " ").map(String.init).filter { $0 != "the" }
    }

    static func isPerson(_ name: String) -> Bool {
        let w = name.split(separator: " ").map(String.init)
        return w.count >= 2 && w.count <= 5 && w.allSatisfy { NameWords.isCapitalized($0) || NameWords.particles.contains($0) }
            && !w.contains { NameWords.orgWords.contains($0.lowercased()) || NameWords.isAcronym($0) }
    }

    /// Groups names of one speaker: same words whatever the case; a surname alone or with a
    /// first name; close spellings of the same name (Zelensky / Zelenskyy).
    static func cluster(_ all: [NameStats]) -> [[String]] {
        var parent = Array(all.indices)
        func root(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        func union(_ a: Int, _ b: Int) { let ra = root(a), rb = root(b); if ra != rb { parent[max(ra, rb)] = min(ra, rb) } }
        let folded = all.map { words($0.name) }
        let persons = all.map { isPerson($0.name) }
        for i in all.indices {
            for j in all.indices where j > i {
                let a = folded[i], b = folded[j]
                if a == b { union(i, j); continue }
                guard let la = a.last, let lb = b.last, close(la, lb) else { continue }
                // Both full names: first names must agree too.
                if persons[i] && persons[j] {
                    if a.count >= 2, b.count >= 2, !close(a[0], b[0]) { continue }
                    union(i, j)
                } else if (a.count == 1 && persons[j]) || (b.count == 1 && persons[i]) {
                    union(i, j)
                }
            }
        }
        // A bare surname shared by two different people joins the one quoted most: handled by
        // union order; keep the groups in first-seen order.
        var groups: [Int: [String]] = [:]
        var firstSeen: [Int] = []
        for i in all.indices {
            let r = root(i)
            if groups[r] == nil { firstSeen.append(r) }
            groups[r, default: []].append(all[i].name)
        }
        return firstSeen.map { groups[$0]! }
    }

    /// Same word, or a transliteration variant one edit apart (long enough to be safe).
    static func close(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard min(a.count, b.count) >= 6 else { return false }
        return editDistance(Array(a), Array(b)) <= 1
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var prev = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return a.isEmpty ? b.count : prev[b.count]
    }

    /// The fullest name; then the form most quoted, most used, seen first.
    static func canonicalName(_ stats: [NameStats]) -> String {
        stats.max { a, b in
            let ka = (words(a.name).count, a.quotes, a.quotes + a.reported, -a.first)
            let kb = (words(b.name).count, b.quotes, b.quotes + b.reported, -b.first)
            return ka < kb
        }!.name
    }

    /// Titles seen right before each person's name anywhere in the corpus.
    static func roleMentions(_ articles: [Article]) -> [(name: String, role: String)] {
        var result: [(name: String, role: String)] = []
        for a in articles {
            for p in a.paragraphs {
                let tokens = Tokenizer.tokens(Array(p.text.unicodeScalars), quotes: [])
                for run in Discourse.nameRuns(tokens) {
                    if case let .name(name, role?, true)? = SpeakerPhrase.classify(run) { result.append((name, role)) }
                }
            }
        }
        return result
    }

    /// The most frequent title with the name (spelling variants counted together), shown in
    /// its most frequent spelling. Nationality alone is not a role.
    static func chooseRole(for members: [String], person: Bool, mentions: [(name: String, role: String)]) -> String? {
        guard person else { return nil }
        let memberWords = members.map(words)
        var counts: [String: [String]] = [:]
        for m in mentions {
            let w = words(m.name)
            guard let last = w.last, memberWords.contains(where: { mw in mw.last.map { close($0, last) } ?? false && Set(w).isSubset(of: Set(mw)) || mw == w }) else { continue }
            let roleWords = m.role.split(separator: " ").map { $0.lowercased() }
            guard roleWords.contains(where: { NameWords.titles.contains($0) && !NameWords.nationalities.contains($0) && $0 != "former" }) else { continue }
            counts[NameWords.fold(m.role), default: []].append(m.role)
        }
        guard let best = counts.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }) else { return nil }
        var spelled: [String: Int] = [:]
        for s in best.value { spelled[s, default: 0] += 1 }
        return spelled.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
