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
    /// Reads a speaker phrase (tokens of one noun phrase, appositives already split off).
    static func classify(_ tokens: [Token]) -> Referent? {
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
        if words.count == 1, NameWords.pronouns.contains(words[0].lower) { return .pronoun(words[0].lower) }
        var determiner: String?
        if let first = words.first, NameWords.determiners.contains(first.lower) {
            determiner = first.lower
            words.removeFirst()
        }
        // "Chicago-based Boeing": where a body sits is not part of its name.
        while words.count > 1, words[0].lower.hasSuffix("-based") { words.removeFirst() }
        guard let last = words.last else { return nil }
        if words.count == 1, NameWords.stops.contains(last.lower) || NameWords.documents.contains(last.lower) { return nil }
        // A capitalized possessor before a proper name is not part of it: "China’s Global Times".
        if words.count >= 2, NameWords.isPossessive(words[0].text), words[0].isCapitalized,
           words[1...].allSatisfy({ $0.isCapitalized || NameWords.particles.contains($0.lower) }) {
            words.removeFirst()
        }
        let texts = words.map(\.text)
        // Trailing run of capitalized words (particles allowed inside) is the name part.
        var start = texts.count
        while start > 0 {
            let w = texts[start - 1]
            if NameWords.isCapitalized(w) { start -= 1; continue }
            if NameWords.particles.contains(w.lowercased()), start < texts.count { start -= 1; continue }
            break
        }
        let run = Array(texts[start...])
        if run.contains(where: { NameWords.orgWords.contains(NameWords.stripPossessive($0).lowercased()) }) {
            return .name(run.map(NameWords.stripPossessive).joined(separator: " "), role: nil, person: false)
        }
        if !run.isEmpty {
            // The name proper starts after the last title, honorific, nationality or acronym.
            var nameStart = 0
            for (k, w) in run.enumerated() where NameWords.isTitle(w) || (NameWords.isAcronym(w) && k < run.count - 1) {
                nameStart = k + 1
            }
            let name = Array(run[nameStart...])
            let roleWords = Array(texts[..<start]) + Array(run[..<nameStart]).filter { !NameWords.honorifics.contains($0.lowercased()) }
            let role = roleWords.isEmpty ? nil : roleWords.joined(separator: " ")
            if !name.isEmpty, !(name.count == 1 && NameWords.isTitle(name[0])) {
                let isOrg = name.contains { NameWords.orgWords.contains(NameWords.stripPossessive($0).lowercased()) }
                    || (name.count == 1 && NameWords.isAcronym(name[0]))
                let person = !isOrg && (name.count >= 2 || nameStart > 0)
                if start == 0 || person || isOrg {
                    return .name(name.map(NameWords.stripPossessive).joined(separator: " "), role: role, person: person)
                }
            }
            if name.isEmpty, start == 0 {
                // Only titles: "the Secretary-General", "NATO chief" handled below by head.
                let head = run.last!.lowercased()
                return .description(head: head, words: texts.map { $0.lowercased() })
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
            return .description(head: head, words: texts.map { $0.lowercased() })
        }
        return nil
    }
}
