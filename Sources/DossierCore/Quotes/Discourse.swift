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

    init(name: String, roles: [String], person: Bool, positions: [Int]) {
        self.name = name; self.roles = roles; self.person = person; self.positions = positions
        (key, keyWords) = Entity.fold(name)
    }

    static func fold(_ name: String) -> (String, [Substring]) {
        let key = NameWords.fold(name)
        return (key, key.split(separator: " "))
    }
}

/// What a reader keeps in mind while going through an article: who has been named, who spoke
/// last. Resolves pronouns and descriptions to entities.
struct Discourse {
    var entities: [Entity] = []
    var lastSpeaker: Int?
    var lastPersonSpeaker: Int?
    var lastBodySpeaker: Int?
    /// Bodies named anywhere ("Kentucky Central Life Insurance Co"), for "the company".
    var bodies: [(name: String, position: Int)] = []

    /// Registers every person named in the article (with titles), so that a surname, a title or
    /// a description can be matched to the full name even before it appears (cataphora).
    mutating func register(_ sentences: [(Sentence, Int)]) {
        for (s, base) in sentences {
            for run in Self.nameRuns(s.tokens) {
                guard case let .name(name, role, person)? = SpeakerPhrase.classify(run) else { continue }
                if !person {
                    if name.split(separator: " ").contains(where: { NameWords.isOrgWord(String($0)) }) { bodies.append((name, base + run[0].range.lowerBound)) }
                    continue
                }
                // "in San Francisco", "from Des Moines": after such a preposition an untitled name is a place.
                if role == nil, let k = s.tokens.firstIndex(where: { $0.range == run[0].range }), k > 0,
                   Self.placePrepositions.contains(s.tokens[k - 1].lower) { continue }
                _ = add(name: name, role: role, person: true, at: base + run[0].range.lowerBound)
            }
        }
    }

    static let placePrepositions: Set<String> = ["in", "at", "from", "near", "to", "across", "into", "outside", "inside", "toward", "towards", "via", "through"]

    /// Runs of capitalized words with the titles before them ("NATO chief Jens Stoltenberg").
    static func nameRuns(_ t: [Token]) -> [[Token]] {
        var runs: [[Token]] = []
        var cur: [Token] = []
        func flush() {
            while let f = cur.first, NameWords.stops.contains(f.lower) || NameWords.determiners.contains(f.lower) || NameWords.days.contains(f.lower) { cur.removeFirst() }
            if cur.contains(where: \.isCapitalized) { runs.append(cur) }
            cur = []
        }
        for (i, w) in t.enumerated() {
            let next = i + 1 < t.count ? t[i + 1] : nil
            if w.isCapitalized { cur.append(w); continue }
            if w.isWord, NameWords.particles.contains(w.lower), next?.isCapitalized == true { cur.append(w); continue }
            if w.isWord, NameWords.titles.contains(w.lower) || NameWords.personRoles.contains(w.lower), next?.isCapitalized == true {
                cur.append(w); continue
            }
            let afterNext = i + 2 < t.count ? t[i + 2] : nil
            if w.isWord, ["of", "to"].contains(w.lower), !cur.isEmpty,
               next?.isCapitalized == true || (next?.lower == "the" && afterNext?.isCapitalized == true) { cur.append(w); continue }
            if w.isWord, w.lower == "the", cur.last?.lower == "of", next?.isCapitalized == true { cur.append(w); continue }
            flush()
        }
        flush()
        return runs
    }

    /// Adds or updates an entity; a shorter form of a known person's name joins that person.
    mutating func add(name: String, role: String?, person: Bool, at position: Int) -> Int {
        let roleWords = role.map { [NameWords.fold($0)] } ?? []
        if let i = find(name) {
            if name.split(separator: " ").count > entities[i].name.split(separator: " ").count, person { entities[i].name = name }
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
        let words = f.split(separator: " ")
        guard let last = words.last else { return nil }
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
            let singular = NameWords.personRoles.contains(NameWords.stripPossessive(phrase.split(separator: " ").last.map(String.init)?.lowercased() ?? ""))
            return add(name: phrase, role: phrase, person: singular, at: position)
        case let .pronoun(p):
            if ["he", "she", "him", "her"].contains(p) { return lastPersonSpeaker ?? nearestPerson(before: position) }
            return lastSpeaker ?? nearestPerson(before: position)
        case let .description(head, words):
            if NameWords.bodyRoles.contains(head), !NameWords.personRoles.contains(head) {
                if let e = lastBodySpeaker { return e }
                if let body = bodies.last(where: { $0.position < position }) { return add(name: body.name, role: nil, person: false, at: position) }
                return add(name: head, role: nil, person: false, at: position)
            }
            if let e = describe(head: head, words: words, at: position) { return e }
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
        var best: (score: Double, distance: Int, index: Int)?
        for (i, e) in entities.enumerated() {
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
            if e.spoke && before { score += 1 }
            if before { score += 0.5 }
            guard score >= 1.5 else { continue }
            let distance = e.positions.map { abs($0 - position) }.min() ?? Int.max
            if best == nil || score > best!.score || (score == best!.score && distance < best!.distance) { best = (score, distance, i) }
        }
        return best?.index
    }

    func nearestPerson(before position: Int) -> Int? {
        var best: (Int, Int)?
        for (i, e) in entities.enumerated() where e.person {
            if let p = e.positions.filter({ $0 < position }).max(), best == nil || p > best!.1 { best = (i, p) }
        }
        return best?.0
    }

    mutating func spoke(_ i: Int) {
        entities[i].spoke = true
        lastSpeaker = i
        if entities[i].person { lastPersonSpeaker = i } else if NameWords.isCapitalized(entities[i].name) { lastBodySpeaker = i }
    }
}
