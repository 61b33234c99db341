import Foundation

/// Someone who may speak in an article: a named person or body, or an unnamed source
/// introduced as such ("A Western official").
struct Entity: Sendable {
    /// Setting the name refolds `key`: lookups compare folded names many times per sentence.
    var name: String { didSet { (key, keyWords) = Entity.fold(name) } }
    /// The folded name and its words.
    private(set) var key: String
    private(set) var keyWords: [Substring]
    /// Lowercased, folded words of every title or description seen with the name.
    var roles: [String]
    var person: Bool
    /// Source offsets where the entity is named.
    var positions: [Int]
    var spoke = false
    /// Learnt from honorifics, gendered roles and the pronouns the writer uses for them.
    var gender: Gender?
    /// An unnamed spokesperson stands in for a body: what they say, and what "she" says after
    /// them, is the body's.
    var speaksFor: Int?

    init(name: String, roles: [String], person: Bool, positions: [Int]) {
        self.name = name; self.roles = roles; self.person = person; self.positions = positions
        (key, keyWords) = Entity.fold(name)
    }

    static func fold(_ name: String) -> (String, [Substring]) {
        let key = NameWords.fold(name)
        return (key, key.spaceSeparated())
    }
}

enum Gender: Sendable { case female, male }

/// What a reader keeps in mind while going through an article: who has been named, who spoke
/// last. Resolves pronouns and descriptions to entities.
struct Discourse {
    var entities: [Entity] = []
    var lastSpeaker: Int?
    var lastPersonSpeaker: Int?
    var lastBodySpeaker: Int?
    /// Speakers, most recent last, each once: `he` after two women still finds the man.
    var recent: [Int] = []
    /// The person the previous sentence was about ("Bell was less impressed."): who a
    /// following `he`/`she` or bare quotation most likely belongs to.
    var focus: Int?
    /// Bodies named anywhere ("Kentucky Central Life Insurance Co"), for "the company".
    var bodies: [(name: String, position: Int)] = []

    /// Registers every person named in the article (with titles), so that a surname, a title or
    /// a description can be matched to the full name even before it appears (cataphora).
    mutating func register(_ sentences: [(Sentence, Int)]) {
        for (s, base) in sentences {
            for run in Self.nameRuns(s.tokens) {
                guard case let .name(name, role, person)? = SpeakerPhrase.classify(run) else { continue }
                if !person {
                    if name.spaceSeparated().contains(where: { NameWords.isOrgWord(String($0)) }) { bodies.append((name, base + run[0].range.lowerBound)) }
                    continue
                }
                // "in San Francisco", "from Des Moines": after such a preposition an untitled name is a place.
                if role == nil, let k = s.tokens.firstIndex(where: { $0.range == run[0].range }), k > 0,
                   s.tokens[k - 1].is(.placePreposition) { continue }
                let e = add(name: name, role: role, person: true, at: base + run[0].range.lowerBound)
                noteGender(e, run)
                // "Claire Vance, chief executive of X,": the appositive title, for descriptions read before it.
                if let role = Self.appositiveRole(s.tokens, after: run[run.count - 1]) {
                    entities[e].roles.append(NameWords.fold(role.map(\.text).joined(separator: " ")))
                    noteGender(e, role)
                }
            }
        }
    }

    /// The words of `, a spokeswoman for X,` / `, chief executive of X,` right after a name.
    static func appositiveRole(_ t: [Token], after last: Token) -> ArraySlice<Token>? {
        guard let end = t.firstIndex(where: { $0.range == last.range }), end + 2 < t.count, t[end + 1].isPunct(",") else { return nil }
        var k = end + 2
        if t[k].is(.determiner) { k += 1 }
        guard k < t.count, t[k].isLowercase, t[k].is(.title) || t[k].is(.personRole),
              let close = t[k...].prefix(10).firstIndex(where: { !$0.isWord }), t[close].isPunct(","),
              !t[k..<close].contains(where: { $0.reportingVerb != nil }) else { return nil }
        return t[(end + 2)..<close]
    }

    static let spokespeople: Lexicon = ["spokesman", "spokeswoman", "spokesperson"]
    static let placePrepositions: Lexicon = ["in", "at", "from", "near", "to", "across", "into", "outside", "inside", "toward", "towards", "via", "through"]

    /// Runs of capitalized words with the titles before them ("NATO chief Jens Stoltenberg").
    static func nameRuns(_ t: [Token]) -> [[Token]] {
        var runs: [[Token]] = []
        // The run being read is always the tokens `lo..<hi` (each token joins it or ends it).
        var lo = 0, hi = 0
        func flush() {
            while lo < hi, t[lo].is(.stop) || t[lo].is(.determiner) || t[lo].is(.day) { lo += 1 }
            if t[lo..<hi].contains(where: \.isCapitalized) { runs.append(Array(t[lo..<hi])) }
            lo = hi
        }
        for i in t.indices {
            let w = t[i]
            func join() { if lo == hi { lo = i }; hi = i + 1 }
            let nextCapitalized = i + 1 < t.count && t[i + 1].isCapitalized
            if w.isCapitalized { join(); continue }
            // "van der Berg": particles before a capitalized word, two in a row included.
            if w.isWord, w.is(.particle),
               nextCapitalized || (i + 1 < t.count && t[i + 1].is(.particle) && i + 2 < t.count && t[i + 2].isCapitalized) {
                join(); continue
            }
            if w.isWord, w.is(.title) || w.is(.personRole), nextCapitalized {
                join(); continue
            }
            if w.isWord, w.lower == "for", lo < hi, NameWords.isOrgWord(t[hi - 1].text), nextCapitalized { join(); continue }
            if w.isWord, w.lower == "of" || w.lower == "to", lo < hi,
               nextCapitalized || (i + 1 < t.count && t[i + 1].lower == "the" && i + 2 < t.count && t[i + 2].isCapitalized) { join(); continue }
            if w.isWord, w.lower == "the", lo < hi, t[hi - 1].lower == "of", nextCapitalized { join(); continue }
            flush()
            lo = i + 1; hi = i + 1
        }
        flush()
        return runs
    }

    /// Adds or updates an entity; a shorter form of a known person's name joins that person.
    mutating func add(name: String, role: String?, person: Bool, at position: Int) -> Int {
        let roleWords = role.map { [NameWords.fold($0)] } ?? []
        if let i = find(name) {
            if name.spaceSeparatedCount > entities[i].name.spaceSeparatedCount, person { entities[i].name = name }
            entities[i].roles += roleWords
            entities[i].positions.append(position)
            entities[i].person = entities[i].person || person
            return i
        }
        entities.append(Entity(name: name, roles: roleWords, person: person, positions: [position]))
        return entities.count - 1
    }

    /// The entity a name refers to: same folded name, or a person whose name ends with it
    /// ("Stoltenberg", "Mr Stoltenberg" → "Jens Stoltenberg").
    func find(_ name: String) -> Int? {
        let f = NameWords.fold(name)
        if let i = entities.firstIndex(where: { $0.key == f }) { return i }
        let words = f.spaceSeparated()
        guard let last = words.last else { return nil }
        // "the Bank" after "the Bank of England", "the Fund" after "the International Monetary Fund".
        if words.count == 1, NameWords.isOrgWord(String(last)),
           let i = entities.lastIndex(where: { !$0.person && $0.keyWords.count > 1 && $0.keyWords.contains(last) }) { return i }
        if words.count == 1 {
            // A first name alone ("Steve announced") when exactly one person carries it.
            let byFirst = entities.indices.filter { entities[$0].person && entities[$0].keyWords.count > 1 && entities[$0].keyWords.first == last }
            let bySurname = entities.indices.filter { entities[$0].person && entities[$0].keyWords.last == last }
            if bySurname.isEmpty, byFirst.count == 1 { return byFirst[0] }
        }
        return entities.lastIndex { e in
            e.person && e.keyWords.last == last && words.allSatisfy { e.keyWords.contains($0) }
        }
    }

    /// Resolves what a speaker phrase refers to at `position`; nil when nobody fits.
    mutating func resolve(_ ref: Referent, at position: Int, role appositive: String? = nil) -> Int? {
        switch ref {
        case let .name(name, role, person):
            let known = find(name)
            let isPerson = person || (known.map { entities[$0].person } ?? false)
            return add(name: known.map { entities[$0].name } ?? name, role: role ?? appositive, person: isPerson, at: position)
        case let .group(phrase):
            // "A spokesman said", "a company spokesman said": speaks for the body the story has been
            // quoting or naming, as "a spokeswoman for the ministry" speaks for the ministry.
            let words = phrase.spaceSeparated().map(String.init)
            if let last = words.last, Self.spokespeople.contains(last), words.allSatisfy({ $0 == $0.lowercased() }),
               let body = spokenFor(modifiers: words.dropLast().filter { !NameWords.determiners.contains($0) }, before: position) {
                let standIn = add(name: phrase, role: phrase, person: true, at: position)
                entities[standIn].speaksFor = body
                if entities[standIn].gender == nil { entities[standIn].gender = last == "spokeswoman" ? .female : last == "spokesman" ? .male : nil }
                bringForward(standIn)
                lastPersonSpeaker = standIn
                return body
            }
            let singular = NameWords.personRoles.contains(NameWords.stripPossessive(phrase.spaceSeparated().last.map(String.init)?.lowercased() ?? ""))
            return add(name: phrase, role: phrase, person: singular, at: position)
        case let .pronoun(p):
            if p == "it" {
                // "It added that …": a body that has spoken, the one just spoken of first.
                if let e = focus, !entities[e].person, entities[e].spoke { return e }
                if let e = lastSpeaker, !entities[e].person { return e }
                return nil
            }
            if ["he", "she", "him", "her"].contains(p) {
                let g: Gender = p == "he" || p == "him" ? .male : .female
                func fits(_ e: Int) -> Bool { entities[e].person && entities[e].gender != (g == .male ? .female : .male) }
                let found = focus.flatMap { fits($0) && knownPerson($0) ? $0 : nil } ?? recent.last(where: fits)
                    ?? nearestPerson(before: position, where: fits) ?? lastPersonSpeaker ?? nearestPerson(before: position)
                if let e = found, entities[e].gender == nil { entities[e].gender = g }
                return found.map { entities[$0].speaksFor ?? $0 }
            }
            return lastSpeaker ?? nearestPerson(before: position)
        case let .description(head, words):
            if NameWords.bodyRoles.contains(head), !NameWords.personRoles.contains(head) { return body(head, at: position) }
            if let e = describe(head: head, words: words, at: position) { return e }
            // "The 52-year-old", "the defendant": a description no title answers means a person
            // named without one; only when exactly one such person is in view.
            if head.hasSuffix("-year-old") { return focus ?? lastPersonSpeaker ?? nearestPerson(before: position) }
            if !NameWords.titles.contains(head), words.count == 1 {
                let untitled = entities.indices.filter { i in
                    entities[i].person && entities[i].roles.isEmpty && i != lastPersonSpeaker && entities[i].positions.contains { $0 < position }
                }
                return untitled.count == 1 ? untitled[0] : nil
            }
            // "The Nomura analyst": a qualified description nobody matches is a speaker of its own.
            let modifiers = words.filter { !NameWords.determiners.contains($0.lowercased()) && $0.lowercased() != head }
            if !modifiers.isEmpty { return add(name: modifiers.joined(separator: " ") + " " + head, role: nil, person: true, at: position) }
            // Nobody fits the title: the person speaking so far, else the next titled person named.
            if let e = lastPersonSpeaker { return e }
            return entities.indices.filter { i in entities[i].person && !entities[i].roles.isEmpty && entities[i].positions.contains { $0 > position } }
                .min { entities[$0].positions.min()! < entities[$1].positions.min()! }
        }
    }

    /// Best entity for a description: a matching title counts most, then having spoken,
    /// then coming before; the nearest wins a tie.
    func describe(head: String, words: [String], at position: Int) -> Int? {
        let h = NameWords.fold(head)
        // Someone named before is meant over someone named later, whatever the scores.
        for pass in [true, false] {
            var best: (score: Double, distance: Int, index: Int)?
            for (i, e) in entities.enumerated() where e.positions.contains(where: { $0 < position }) == pass {
                var score = 0.0
                let roles = e.roles.joined(separator: " | ")
                let roleWords = Set(roles.split(whereSeparator: { $0 == " " || $0 == "|" }).map(String.init))
                if roles.contains(h) { score += 3 } else if NameWords.leaderRoles.contains(head),
                    NameWords.leaderTitles.contains(where: { roleWords.contains(NameWords.fold($0)) || roles.contains(NameWords.fold($0)) }) {
                    score += 2
                }
                let extra = words.map { NameWords.fold(NameWords.stripPossessive($0)) }.filter { $0 != h && !NameWords.determiners.contains($0) && $0 != "of" }
                if !extra.isEmpty, extra.contains(where: { roleWords.contains($0) }) { score += 1 }
                let before = e.positions.contains { $0 < position }
                // "The defendant", "the victim": not a title anyone holds by speaking; it must match.
                if score == 0, !NameWords.titles.contains(head) { continue }
                if e.spoke && before { score += 1 }
                if before { score += 0.5 }
                guard score >= 1.5 else { continue }
                let distance = e.positions.map { abs($0 - position) }.min() ?? Int.max
                if best == nil || score > best!.score || (score == best!.score && distance < best!.distance) { best = (score, distance, i) }
            }
            if let b = best { return b.index }
        }
        return nil
    }

    /// "The ministry", "the company": a body that spoke, one whose name holds the same word first
    /// ("the ministry" → "interior ministry"); else a body named before, the same way.
    mutating func body(_ head: String, at position: Int) -> Int? {
        let h = NameWords.fold(head)
        func holds(_ name: String) -> Bool { NameWords.fold(name).spaceSeparated().contains { $0 == h } }
        if let e = recent.last(where: { !entities[$0].person && holds(entities[$0].name) }) { return e }
        if let e = lastBodySpeaker { return e }
        let named = bodies.filter { $0.position < position }
        if let b = named.last(where: { holds($0.name) }) ?? named.last { return add(name: b.name, role: nil, person: false, at: position) }
        return add(name: head, role: nil, person: false, at: position)
    }

    /// The body an unnamed spokesperson speaks for: the body last quoted, else the last one named,
    /// when it fits: "a spokesman" and "a company spokesman" a firm ("… Corp", "… AG") or an
    /// office ("… Ministry"), "an exchange spokeswoman" a body with that word in its name.
    /// Countries, places and people never qualify.
    mutating func spokenFor(modifiers: [String], before position: Int) -> Int? {
        func fits(_ name: String) -> Bool {
            let words = NameWords.fold(NameWords.stripPossessive(name)).spaceSeparated().map(String.init)
            guard let last = words.last else { return false }
            if modifiers.isEmpty || modifiers == ["company"] {
                return NameWords.corporateSuffixes.contains(last) || (modifiers.isEmpty && NameWords.bodyRoles.contains(last))
            }
            return modifiers.allSatisfy { words.contains(NameWords.fold($0)) }
        }
        if let e = lastBodySpeaker, fits(entities[e].name) { return e }
        guard let b = bodies.last(where: { $0.position < position }), fits(b.name) else { return nil }
        return add(name: NameWords.stripPossessive(b.name), role: nil, person: false, at: position)
    }

    /// Someone read as a person for a reason beyond two capitalized words ("South Korea" is not):
    /// a title, a gender, or having spoken.
    func knownPerson(_ e: Int) -> Bool {
        entities[e].person && (entities[e].gender != nil || !entities[e].roles.isEmpty || entities[e].spoke)
    }

    /// A proper name or a phrase ending in an institution word ("interior ministry"), not "local officials".
    func isBody(_ name: String) -> Bool {
        if NameWords.isCapitalized(name) { return true }
        guard let last = name.spaceSeparated().last.map(String.init) else { return false }
        return NameWords.bodyRoles.contains(last) || NameWords.isOrgWord(last)
    }

    /// Reads gender from the honorifics and gendered role words around a name.
    mutating func noteGender(_ e: Int, _ words: some Sequence<Token>) {
        guard entities[e].gender == nil, entities[e].person else { return }
        for w in words where w.isWord {
            if w.is(.female) { entities[e].gender = .female; return }
            if w.is(.male) { entities[e].gender = .male; return }
        }
    }

    func nearestPerson(before position: Int, where accept: (Int) -> Bool = { _ in true }) -> Int? {
        var best: (Int, Int)?
        for (i, e) in entities.enumerated() where e.person && accept(i) {
            if let p = e.positions.filter({ $0 < position }).max(), best == nil || p > best!.1 { best = (i, p) }
        }
        return best?.0
    }

    /// Makes `i` the most recent speaker for pronouns to find.
    mutating func bringForward(_ i: Int) {
        if let k = recent.lastIndex(of: i) { recent.remove(at: k) }
        recent.append(i)
    }

    mutating func spoke(_ i: Int) {
        entities[i].spoke = true
        lastSpeaker = i
        bringForward(i)
        if entities[i].person { lastPersonSpeaker = i } else if isBody(entities[i].name) { lastBodySpeaker = i }
    }
}
