import Foundation

/// Builds the corpus-wide speaker list from the attributed quotes and rewrites each quote's
/// speaker to its canonical name: one speaker per person or body across all articles.
public enum SpeakerIndex {
    public static func resolve(_ articles: inout [Article]) -> (speakers: [Speaker], aliases: [String: String]) {
        var tally = Tally()
        for a in articles { tally.add(quotes(of: a)) }
        tally.add(roles: roleMentions(articles))
        let result = tally.finish()
        for a in articles.indices {
            for q in articles[a].quotes.indices {
                if let name = articles[a].quotes[q].speaker { articles[a].quotes[q].speaker = result.canonical[name] ?? name }
            }
        }
        return (result.speakers, result.aliases)
    }

    /// What the speaker list needs of one quote: the name given, whether the words are
    /// reported, and how the text wrote the name there.
    struct QuoteFact: Sendable {
        var speaker: String
        var reported: Bool
        var surface: String?
    }

    /// The facts of an article's quotes that name a speaker.
    static func quotes(of article: Article) -> [QuoteFact] {
        article.quotes.compactMap { q in
            q.speaker.map { QuoteFact(speaker: $0, reported: q.kind == .reported, surface: q.cue.flatMap { cueText(article, $0) }) }
        }
    }

    /// The speaker list built up article by article (in corpus order), so that the articles
    /// themselves need not be kept for it.
    struct Tally: Sendable {
        private var names: [String: NameStats] = [:]
        private var order: [String] = []
        /// Each title seen with a name, with how often: the same pairs recur across a corpus.
        private var roles: [RoleMention: Int] = [:]

        init() {}

        mutating func add(_ quotes: [QuoteFact]) {
            for q in quotes {
                let name = q.speaker
                if names[name] == nil { names[name] = NameStats(name: name, first: order.count); order.append(name) }
                if q.reported { names[name]!.reported += 1 } else { names[name]!.quotes += 1 }
                if let text = q.surface { names[name]!.surfaces.insert(text) }
            }
        }

        mutating func add(roles more: [(name: String, role: String)]) {
            for m in more { roles[RoleMention(name: m.name, role: m.role), default: 0] += 1 }
        }

        /// The speakers, most quoted first; every alias with its speaker; every name used with
        /// the canonical name of its speaker.
        func finish() -> (speakers: [Speaker], aliases: [String: String], canonical: [String: String]) {
            let clusters = cluster(order.map { names[$0]! })
            var canonical: [String: String] = [:]
            var speakers: [Speaker] = []
            // Titles seen with names, filed under the surname.
            var byName: [String: [(mention: RoleMention, count: Int)]] = [:]
            for (m, n) in roles {
                if let last = words(m.name).last { byName[last, default: []].append((m, n)) }
            }
            for members in clusters {
                let stats = members.map { names[$0]! }
                let best = canonicalName(stats)
                for m in members { canonical[m] = best }
                var aliases = Set(members)
                for s in stats { aliases.formUnion(s.surfaces) }
                let surnames = Set(members.compactMap { words($0).last })
                let role = chooseRole(for: members, person: isPerson(best), mentions: surnames.flatMap { byName[$0] ?? [] })
                speakers.append(Speaker(name: best, role: role, aliases: aliases.sorted(),
                                        quotes: stats.reduce(0) { $0 + $1.quotes }, reported: stats.reduce(0) { $0 + $1.reported }))
            }
            var aliasMap: [String: String] = [:]
            for s in speakers {
                for alias in s.aliases where !NameWords.pronouns.contains(alias.lowercased()) { aliasMap[alias] = s.name }
            }
            speakers.sort { ($0.quotes + $0.reported, $1.name) > ($1.quotes + $1.reported, $0.name) }
            return (speakers, aliasMap, canonical)
        }
    }

    struct RoleMention: Hashable, Sendable {
        var name: String
        var role: String
    }

    struct NameStats: Sendable {
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
        let lo = cue.start - para.start, hi = min(para.scalarCount, cue.end - para.start)
        guard lo >= 0, hi > lo else { return nil }
        // In plain ASCII (one byte a scalar) the offsets cut the bytes directly.
        if para.scalarCount == para.text.utf8.count {
            let u = para.text.utf8
            return NameWords.stripPossessive(String(para.text[u.index(u.startIndex, offsetBy: lo)..<u.index(u.startIndex, offsetBy: hi)]))
        }
        let s = Array(para.text.unicodeScalars)
        return NameWords.stripPossessive(Scalars.string(s[lo..<hi]))
    }

    static func words(_ name: String) -> [String] {
        NameWords.fold(name).split(separator: " ").map(String.init).filter { $0 != "the" }
    }

    static func isPerson(_ name: String) -> Bool {
        let w = name.split(separator: " ").map(String.init)
        return w.count >= 2 && w.count <= 5 && w.allSatisfy { NameWords.isCapitalized($0) || NameWords.particles.contains($0) }
            && !w.contains { NameWords.isOrgWord($0) || NameWords.isAcronym($0) || NameWords.documents.contains($0.lowercased())
                || NameWords.groupRoles.contains($0.lowercased()) || NameWords.personRoles.contains($0.lowercased()) }
    }

    /// Groups names of one speaker: same words whatever the case; a surname alone or with a
    /// first name; close spellings of the same name (Zelensky / Zelenskyy).
    static func cluster(_ all: [NameStats]) -> [[String]] {
        var parent = Array(all.indices)
        func root(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        func union(_ a: Int, _ b: Int) { let ra = root(a), rb = root(b); if ra != rb { parent[max(ra, rb)] = min(ra, rb) } }
        // Bodies compare without a corporate suffix: "Apple Inc" is "Apple".
        let folded = all.map { stats -> [String] in
            var w = words(stats.name)
            if w.count > 1, !isPerson(stats.name), let last = w.last, NameWords.corporateSuffixes.contains(last) { w.removeLast() }
            return w
        }
        let persons = all.map { isPerson($0.name) }
        // Same words: one speaker. Compare the rest only within a bucket of similar surnames.
        var byWords: [[String]: Int] = [:]
        var buckets: [String: [Int]] = [:]
        for i in all.indices {
            if let k = byWords[folded[i]] { union(i, k) } else { byWords[folded[i]] = i }
            if let last = folded[i].last { buckets[String(last.prefix(4)), default: []].append(i) }
        }
        for bucket in buckets.values {
            for (x, i) in bucket.enumerated() {
                for j in bucket[(x + 1)...] {
                    // Two full names: surnames and given names must agree.
                    guard persons[i], persons[j], close(folded[i].last!, folded[j].last!), firstNamesAgree(folded[i], folded[j]) else { continue }
                    union(i, j)
                }
            }
        }
        // An acronym joins the body it abbreviates: "GM" is "General Motors".
        var byInitials: [String: Int] = [:]
        for i in all.indices where folded[i].count >= 2 && !persons[i] {
            let initials = String(folded[i].compactMap(\.first))
            if byInitials[initials] == nil { byInitials[initials] = i }
        }
        for i in all.indices where folded[i].count == 1 && NameWords.isAcronym(all[i].name) {
            if let k = byInitials[folded[i][0]] { union(i, k) }
        }
        // A bare surname joins the person of that surname who is quoted most.
        var weight: [Int: Int] = [:]
        for i in all.indices { weight[root(i), default: 0] += all[i].quotes + all[i].reported }
        for i in all.indices where folded[i].count == 1 && NameWords.isCapitalized(all[i].name) && !NameWords.isAcronym(all[i].name)
            && !NameWords.groupRoles.contains(folded[i][0]) && !NameWords.personRoles.contains(folded[i][0]) {
            let candidates = (buckets[String(folded[i][0].prefix(4))] ?? []).filter {
                persons[$0] && folded[$0].count > 1 && close(folded[$0].last!, folded[i][0])
            }
            if let best = candidates.max(by: { weight[root($0)] ?? 0 < weight[root($1)] ?? 0 }) { union(i, best) }
        }
        // Groups in first-seen order.
        var groups: [Int: [String]] = [:]
        var firstSeen: [Int] = []
        for i in all.indices {
            let r = root(i)
            if groups[r] == nil { firstSeen.append(r) }
            groups[r, default: []].append(all[i].name)
        }
        return firstSeen.map { groups[$0]! }
    }

    /// The given names agree: same first word, or same word before the surname, or an initial
    /// that fits ("James A. Baker" / "James Baker", "Nigel Lawson" / "Chancellor Nigel Lawson").
    static func firstNamesAgree(_ a: [String], _ b: [String]) -> Bool {
        let ga = a.dropLast(), gb = b.dropLast()
        for x in ga {
            for y in gb {
                if close(x, y) { return true }
                if (x.count == 1 || y.count == 1), x.first == y.first, ga.first == x, gb.first == y { return true }
            }
        }
        return false
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

    /// A full name over a bare surname; then the form used most, quoted most, longest, seen first.
    static func canonicalName(_ stats: [NameStats]) -> String {
        stats.max { a, b in
            let ka = (min(words(a.name).count, 2), a.quotes + a.reported, a.quotes, words(a.name).count, -a.first)
            let kb = (min(words(b.name).count, 2), b.quotes + b.reported, b.quotes, words(b.name).count, -b.first)
            return ka < kb
        }!.name
    }

    /// Titles seen right before each person's name anywhere in the corpus (articles on both cores).
    static func roleMentions(_ articles: [Article]) -> [(name: String, role: String)] {
        ParallelMap.map(articles, roleMentions(in:)).flatMap { $0 }
    }

    static func roleMentions(in a: Article) -> [(name: String, role: String)] {
        var result: [(name: String, role: String)] = []
        for p in a.paragraphs where mayHoldATitle(p.text) {
            let scalars = Scalars.array(p.text)
            let tokens = Tokenizer.tokens(scalars, quotes: [])
            for run in Discourse.nameRuns(tokens) {
                guard case let .name(name, role, true)? = SpeakerPhrase.classify(run) else { continue }
                if let role { result.append((name, role)) }
                // "Ursula von der Leyen, president of the European Commission, said": a title
                // itself, not "a spokeswoman for …".
                if let role = Discourse.appositiveRole(tokens, after: run[run.count - 1]), let first = role.first, let last = role.last,
                   first.is(.title) {
                    result.append((name, Scalars.string(scalars[first.range.lowerBound..<last.range.upperBound])))
                }
            }
        }
        return result
    }

    /// Whether an ASCII paragraph has any title word ("minister", "secretary-general"), as
    /// every role `chooseRole` keeps does: most paragraphs have none and need no tokens. Words
    /// are split at every non-letter: each hyphenated title has a part that is a title too.
    static func mayHoldATitle(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { u in
            guard u.allSatisfy({ $0 < 0x80 }) else { return true }
            // Each run of letters of two or more, read in place.
            var start = -1
            for k in 0...u.count {
                if k < u.count, (u[k] | 0x20) &- 0x61 < 26 {
                    if start < 0 { start = k }
                    continue
                }
                if start >= 0, k - start > 1, NameWords.titles.contains(lowercasing: UnsafeBufferPointer(rebasing: u[start..<k])) { return true }
                start = -1
            }
            return false
        }
    }

    /// The most frequent title with the name (spelling variants counted together), shown in
    /// its most frequent spelling. Nationality alone is not a role.
    static func chooseRole(for members: [String], person: Bool, mentions: [(mention: RoleMention, count: Int)]) -> String? {
        guard person else { return nil }
        let memberWords = members.map(words)
        // Folded role → how often each spelling of it was seen.
        var counts: [String: [String: Int]] = [:]
        for (m, n) in mentions {
            let w = words(m.name)
            guard let last = w.last, memberWords.contains(where: { mw in mw.last.map { close($0, last) } ?? false && Set(w).isSubset(of: Set(mw)) || mw == w }) else { continue }
            let roleWords = m.role.split(separator: " ").map { $0.lowercased() }
            guard roleWords.contains(where: { NameWords.titles.contains($0) && !NameWords.nationalities.contains($0) && $0 != "former" }) else { continue }
            counts[NameWords.fold(m.role), default: [:]][m.role, default: 0] += n
        }
        func total(_ spellings: [String: Int]) -> Int { spellings.values.reduce(0, +) }
        guard let best = counts.max(by: { (total($0.value), $1.key) < (total($1.value), $0.key) }) else { return nil }
        return best.value.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
