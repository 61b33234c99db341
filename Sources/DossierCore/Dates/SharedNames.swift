import Foundation

/// The proper names of an article as a reader would quote them ("Jens Stoltenberg", "Vilnius"),
/// for saying in a few words why two articles report one event. Computed only for the articles
/// whose date is lent, so it may cost more than the profile every article gets.
enum SharedNames {
    /// Titles and offices: capitalised before a name, but they say nothing of which event it is.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "sir", "president", "vice", "prime", "minister", "secretary", "general", "chief", "foreign",
        "defence", "defense", "chancellor", "king", "queen", "prince", "senator", "sen", "rep", "governor", "mayor", "judge",
        "chairman", "chairwoman", "ceo", "director", "spokesman", "spokeswoman", "spokesperson", "ambassador", "commissioner",
        "deputy", "head", "leader", "pope", "officer", "colonel", "captain", "lieutenant", "sergeant", "admiral", "commander",
        "secretary-general", "executive", "former", "acting", "state", "affairs",
    ]

    /// Capitalised words that start sentences or headlines and name nothing.
    static let function: Set<String> = [
        "the", "a", "an", "and", "or", "but", "in", "on", "at", "of", "for", "to", "by", "with", "from", "as", "after", "before",
        "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
        "there", "here", "when", "while", "if", "not", "no", "so", "also", "however", "meanwhile", "according", "part",
    ]

    /// Names as written, each once: runs of capitalised words with titles taken off the front
    /// ("NATO Secretary-General Jens Stoltenberg" gives "NATO" and "Jens Stoltenberg"), without
    /// a sentence's first word unless it is capitalised elsewhere too, without words the text
    /// also writes in lower case ("European" in "european markets"), months and weekdays.
    static func names(_ paragraphs: [Paragraph]) -> [(name: String, mentions: Int)] {
        var runs: [[(text: String, initial: Bool)]] = []
        var lower: Set<String> = [], midSentence: Set<String> = []
        for p in paragraphs {
            let tokens = DateTokenizer.tokens(Array(p.text.unicodeScalars))
            var run: [(text: String, initial: Bool)] = []
            var initial = true
            var k = 0
            while k < tokens.count {
                let tok = tokens[k]
                if tok.kind == .word, tok.isCapitalized {
                    var text = tok.text
                    // "Secretary-General", "Jean-Claude": one word.
                    while k + 2 < tokens.count, tokens[k + 1].text == "-", !tokens[k + 1].spaceBefore, tokens[k + 2].kind == .word, !tokens[k + 2].spaceBefore {
                        text += "-" + tokens[k + 2].text; k += 2
                    }
                    if !initial { midSentence.insert(text.lowercased()) }
                    run.append((text, initial))
                } else {
                    if tok.kind == .word { lower.insert(tok.lower) }
                    if !run.isEmpty { runs.append(run); run = [] }
                }
                initial = tok.kind == .punct && [".", "!", "?", "“", "\"", ":", "—"].contains(tok.text)
                    || (tok.kind == .punct && initial)
                k += 1
            }
            if !run.isEmpty { runs.append(run) }
        }
        func plain(_ w: String) -> Bool {
            let l = w.lowercased()
            return function.contains(l) || DateLexicon.monthTable[l] != nil || DateLexicon.weekdayTable[l] != nil || lower.contains(l)
        }
        /// "European", "Russian", "Chinese": adjectives of place, telling only inside a name.
        func demonym(_ w: String) -> Bool {
            let l = w.lowercased()
            return ["ean", "ian", "ese", "ish", "ican", "ern"].contains { l.hasSuffix($0) } || ["french", "dutch", "greek", "swiss", "thai", "german", "iraqi", "israeli", "pakistani"].contains(l)
        }
        var counts: [String: Int] = [:], result: [String] = []
        for run in runs {
            var words = run
            while let first = words.first, first.initial && (!midSentence.contains(first.text.lowercased()) || plain(first.text)) { words.removeFirst() }
            // Split at titles and plain words: what stands between them is a name.
            var name: [String] = []
            func flush() {
                defer { name = [] }
                guard !name.isEmpty else { return }
                if name.count == 1, name[0].count < 3 || demonym(name[0]) { return }
                let joined = name.joined(separator: " ")
                counts[joined.lowercased(), default: 0] += 1
                if counts[joined.lowercased()] == 1 { result.append(joined) }
            }
            for w in words {
                if titles.contains(w.text.lowercased()) || plain(w.text) { flush() } else { name.append(w.text) }
            }
            flush()
        }
        // "Stoltenberg" later in the text is another mention of "Jens Stoltenberg".
        return result.map { n in
            let l = n.lowercased(), last = l.split(separator: " ").last.map(String.init) ?? l
            return (n, counts[l, default: 0] + (last != l ? counts[last, default: 0] : 0))
        }
    }

    /// The names both lists hold, most telling first: those few of the corpus's `total`
    /// articles use (`frequency` counts articles per lowercased word), a name of several words
    /// before one of a single word, a name both stories keep coming back to before a passing one.
    static func shared(_ a: [(name: String, mentions: Int)], _ b: [(name: String, mentions: Int)], total: Int, frequency: (String) -> Int) -> [String] {
        let other = Dictionary(b.map { ($0.name.lowercased(), $0.mentions) }, uniquingKeysWith: +)
        func words(_ n: String) -> [Substring] { n.lowercased().split(separator: " ") }
        let weighted = a.compactMap { n -> (String, Double)? in
            guard let theirs = other[n.name.lowercased()] else { return nil }
            let df = words(n.name).map { frequency(String($0)) }.filter { $0 > 0 }.min() ?? 1
            let rarity = log(Double(total + 1) / Double(df))
            return (n.name, rarity * (words(n.name).count > 1 ? 2 : 1) * (1 + 0.5 * log(Double(min(n.mentions, theirs)))))
        }
        let ranked = weighted.sorted { ($1.1, $0.0) < ($0.1, $1.0) }.map(\.0)
        // A single word inside a longer shared name ("Stoltenberg" beside "Jens Stoltenberg") adds nothing.
        let long = ranked.filter { words($0).count > 1 }.flatMap(words)
        return ranked.filter { words($0).count > 1 || !long.contains(words($0)[0]) }
    }

    /// How many quotations of one text share a run of three words with the other text's.
    static func sharedQuotes(_ a: [Paragraph], _ b: [Paragraph]) -> Int {
        let theirs = b.reduce(into: Set<Int>()) { $0.formUnion(EventProfile.quotedTrigrams($1.text)) }
        return a.reduce(0) { n, p in n + EventProfile.quotations(p.text).filter { !$0.isDisjoint(with: theirs) }.count }
    }
}
