/// What a speaker phrase refers to, read from its words alone.
enum Referent: Equatable, Sendable {
    /// A proper name ("Jens Stoltenberg", "Global Times"), with the title seen before it.
    case name(String, role: String?, person: Bool)
    /// he, she, they…
    case pronoun(String)
    /// A definite description of one person ("the official", "NATO chief"): resolve it.
    case description(head: String, words: [String])
    /// A body or an unnamed source that is its own speaker ("Kyiv officials", "A Western official").
    case group(String)
}

enum SpeakerPhrase {
    /// `w` without its trailing "." Characters ("inc." → "inc"): what
    /// `String(w.reversed().drop { $0 == "." }.reversed())` gives, without building a String
    /// from a reversed view (thousands of instructions a word).
    static func withoutTrailingPeriods(_ w: String) -> String {
        var w = w
        while w.last == "." { w.removeLast() }
        return w
    }

    /// Reads a speaker phrase (tokens of one noun phrase, appositives already split off).
    /// `subject`: the phrase is the subject of a verb, so a final possessive belongs to the
    /// name ("Moody's said"); elsewhere it marks a possessor ("according to X's report").
    static func classify(_ tokens: [Token], subject: Bool = false) -> Referent? {
        func join(_ w: [String]) -> String {
            w.enumerated().map { k, x in subject && k == w.count - 1 ? x : NameWords.stripPossessive(x) }.joined(separator: " ")
        }
        // Glue abbreviation dots back on ("U.S." stays one word).
        var words: [Token] = []
        for t in tokens {
            if t.isPunct("."), let last = words.last, last.range.upperBound == t.range.lowerBound {
                words[words.count - 1].text += "."
                words[words.count - 1].range = last.range.lowerBound..<t.range.upperBound
            } else if t.isWord { words.append(t) }
        }
        // "China’s Global Times (Huanqiu Shibao)": parentheticals were dropped by the caller.
        guard !words.isEmpty else { return nil }
        if words.count == 1, words[0].is(.pronoun) { return .pronoun(words[0].lower) }
        var determiner: String?
        if let first = words.first, first.is(.determiner) {
            determiner = first.lower
            words.removeFirst()
        }
        // "Chicago-based Boeing": where a body sits is not part of its name.
        while words.count > 1, words[0].lower.hasSuffix("-based") { words.removeFirst() }
        guard let last = words.last else { return nil }
        if words.count == 1, last.is(.stop) || last.is(.document) || last.is(.quantifier) { return nil }
        // Sentence openers are not part of a name: "But Moody's said".
        while words.count > 1, words[0].isCapitalized, words[0].is(.stop) || words[0].is(.opener) {
            words.removeFirst()
        }
        // "one insider" is "an insider".
        if words.count > 1, words[0].lower == "one", determiner == nil { determiner = "a"; words.removeFirst() }
        // A capitalized possessor before a proper name is not part of it: "China’s Global Times".
        // But "Albertson's Inc" is one name.
        // "Midland Montagu's Maude": a possessor of several words before a name goes too.
        if words.count >= 3, let p = words.dropLast().lastIndex(where: { NameWords.isPossessive($0.text) }), p >= 1,
           words[...p].allSatisfy(\.isCapitalized), words[(p + 1)...].allSatisfy(\.isCapitalized) {
            words.removeFirst(p)
        }
        if words.count >= 2, NameWords.isPossessive(words[0].text), words[0].isCapitalized,
           words[1...].allSatisfy({ $0.isCapitalized || $0.is(.particle) }),
           !(words.count == 2 && NameWords.corporateSuffixes.contains(withoutTrailingPeriods(words[1].lower))) {
            words.removeFirst()
        }
        let texts = words.map(\.text)
        // "Robin Fuller of Agri Analysis": a person's name, then where they work.
        if let of = texts.firstIndex(of: "of"), of >= 2, of < texts.count - 1,
           case let .name(name, role, true)? = classify(Array(words[..<of]), subject: subject) {
            let affiliation = texts[(of + 1)...].joined(separator: " ")
            return .name(name, role: role.map { "\($0) of \(affiliation)" } ?? affiliation, person: true)
        }
        // Trailing run of capitalized words (particles allowed inside) is the name part.
        var start = texts.count
        while start > 0 {
            let w = texts[start - 1]
            if NameWords.isCapitalized(w) { start -= 1; continue }
            if NameWords.particles.contains(w.lowercased()), start < texts.count { start -= 1; continue }
            // "Department for Education", "Bank of England": a connector after an institution word.
            if ["of", "for", "and"].contains(w), start < texts.count, start >= 2, NameWords.isOrgWord(texts[start - 2]) { start -= 1; continue }
            break
        }
        var run = Array(texts[start...])
        // "IC industries Inc": a corporate suffix alone names nothing; take the whole phrase.
        if run.count == 1, start > 0, NameWords.corporateSuffixes.contains(withoutTrailingPeriods(run[0].lowercased())) {
            start = 0
            run = texts
        }
        // A body's name holds an institution word after any title: "U.S. Treasury", "Bank of
        // England"; before a title it is part of the role: "Treasury Secretary James Baker".
        let lastTitle = run.lastIndex { NameWords.isTitle($0) && !NameWords.isOrgWord($0) }
        if let lastOrg = run.lastIndex(where: NameWords.isOrgWord), lastOrg > lastTitle ?? -1 {
            // "Fort Pitt Capital Group Charlie Smith": a firm, then a person's name.
            let tail = run[(lastOrg + 1)...]
            if tail.count >= 2, lastOrg >= 1, tail.allSatisfy({ NameWords.isCapitalized($0) && !NameWords.isTitle($0) && !NameWords.isAcronym($0) }) {
                return .name(join(Array(tail)), role: (Array(texts[..<start]) + Array(run[...lastOrg])).joined(separator: " "), person: true)
            }
            return .name(join(run), role: nil, person: false)
        }
        if !run.isEmpty {
            // The name proper starts after the last title, honorific, nationality or acronym.
            var nameStart = 0
            // A title or nationality last in the run is part of a name ("Pacific Western").
            for (k, w) in run.enumerated() where k < run.count - 1 && (NameWords.isTitle(w) || NameWords.isAcronym(w)) {
                nameStart = k + 1
            }
            var name = Array(run[nameStart...])
            // "Chancellor of the Exchequer Nigel Lawson": a long untitled run after a title
            // phrase ends with the name; its first words finish the title.
            let capitalized = name.filter { !NameWords.particles.contains($0) }
            if nameStart == 0, capitalized.count >= 3, !name.contains(where: NameWords.isOrgWord),
               texts[..<start].contains(where: NameWords.isTitle) || capitalized.count >= 4 {
                let keep = name.count >= 3 && name[name.count - 2].count <= 2 ? 3 : 2
                nameStart = name.count - keep
                name = Array(name.suffix(keep))
            }
            let roleWords = Array(texts[..<start]) + Array(run[..<nameStart]).filter { !NameWords.honorifics.contains($0.lowercased()) }
            let role = roleWords.isEmpty ? nil : roleWords.joined(separator: " ")
            if !name.isEmpty, !(name.count == 1 && NameWords.isTitle(name[0])) {
                let isOrg = name.contains(where: NameWords.isOrgWord)
                    || (name.count == 1 && NameWords.isAcronym(name[0]))
                // A lone word is a person only after a real title: "President Putin", not "U.S. Treasury".
                let titled = run[..<nameStart].contains { NameWords.isTitle($0) && !NameWords.nationalities.contains($0.lowercased()) }
                let person = !isOrg && (name.count >= 2 || titled)
                if start == 0 || person || isOrg {
                    return .name(join(name), role: role, person: person)
                }
            }
            if name.isEmpty, start == 0 {
                // Only titles: "the Secretary-General", "NATO chief" handled below by head.
                let head = run.last!.lowercased()
                return .description(head: head, words: texts)
            }
        }
        let ofIndex = texts.firstIndex(of: "of")
        let head = NameWords.stripPossessive(ofIndex.map { $0 > 0 ? texts[$0 - 1].lowercased() : last.lower } ?? last.lower)
        let phrase = texts.joined(separator: " ")
        if texts.count == 1, determiner == "the", NameWords.bodyRoles.contains(head) { return .description(head: head, words: [head]) }
        if NameWords.groupRoles.contains(head) { return .group(phrase) }
        if NameWords.personRoles.contains(head) || NameWords.titles.contains(head) {
            // "A Western official" introduces someone; "the official" points back.
            if determiner == "a" || determiner == "an" || (determiner == nil && texts.count > 1 && !texts.dropLast().allSatisfy(NameWords.isAcronym)) {
                return .group(phrase)
            }
            return .description(head: head, words: texts)
        }
        return nil
    }
}
