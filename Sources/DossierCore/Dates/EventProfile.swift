import Foundation

/// What an article is about, for telling whether two articles report the same event: the
/// names it uses, its content words and word pairs, and the words it quotes.
struct EventProfile: Sendable {
    var names: Set<String> = []
    var pairs: Set<String> = []
    var quoted: Set<String> = []
    /// Word triples inside quotation marks: two reports of one statement share them even when
    /// the translations differ ("…as long as it takes. We will not back down").
    static func quotedTrigrams(_ text: String) -> Set<String> {
        var result: Set<String> = []
        var inside = false
        var words: [String] = []
        var current = ""
        func flushWord() { if !current.isEmpty { words.append(current.lowercased()); current = "" } }
        func flushQuote() {
            flushWord()
            if words.count >= 3 { for k in 0...(words.count - 3) { result.insert(words[k..<(k + 3)].joined(separator: " ")) } }
            words = []
        }
        let scalars = Array(text.unicodeScalars)
        for (k, c) in scalars.enumerated() {
            let straight = c == "\""
            let opens = c == "“" || c == "«" || c == "„" || (straight && !inside)
            let closes = c == "”" || c == "»" || (straight && inside)
            if opens && !inside && (k == 0 || !Scalars.isLetter(scalars[k - 1])) { inside = true; words = []; current = ""; continue }
            if closes && inside { flushQuote(); inside = false; continue }
            guard inside else { continue }
            if Scalars.isLetter(c) || c == "’" || c == "'" { current.unicodeScalars.append(c) } else { flushWord() }
        }
        return result
    }

    /// Weekdays the story reports things on in the past ("on Tuesday").
    var pastWeekdays: Set<Int> = []
    /// Weekdays it looks ahead to ("on Wednesday" after "will").
    var futureWeekdays: Set<Int> = []
    var years: Set<Int> = []

    static let stop: Set<String> = [
        "the", "and", "that", "this", "with", "from", "have", "has", "had", "been", "were", "was", "will", "would", "their",
        "they", "them", "there", "which", "what", "when", "where", "while", "also", "about", "into", "more", "than", "other",
        "said", "says", "such", "some", "most", "very", "only", "over", "after", "before", "could", "should", "being", "these",
        "those", "them", "then", "because", "according", "against", "still", "just", "your", "ours", "it's", "its", "his", "her",
        "she", "he", "him", "are", "for", "not", "but", "all", "can", "our", "who", "how", "any", "may", "one", "two", "new",
    ]

    init(_ article: Article) {
        var previous: String?
        for p in article.paragraphs {
            quoted.formUnion(EventProfile.quotedTrigrams(p.text))
            let scalars = Array(p.text.unicodeScalars)
            let tokens = DateTokenizer.tokens(scalars)
            var sentenceStart = true
            for (k, tok) in tokens.enumerated() {
                if tok.kind == .punct {
                    if [".", "!", "?", "“", "\"", ":"].contains(tok.text) { sentenceStart = true }
                    if tok.text != "-" && tok.text != "’" && tok.text != "'" { previous = nil }
                    continue
                }
                guard tok.kind == .word else { previous = nil; continue }
                let w = tok.lower
                if tok.isCapitalized, !sentenceStart, w.count >= 3, DateLexicon.months[w] == nil, DateLexicon.weekdays[w] == nil {
                    names.insert(w)
                }
                if tok.isCapitalized, sentenceStart, k + 1 < tokens.count, tokens[k + 1].isCapitalized, tokens[k + 1].kind == .word, w.count >= 3 {
                    names.insert(w)
                }
                sentenceStart = false
                if EventProfile.stop.contains(w) || w.count < 3 { continue }
                if let prev = previous { pairs.insert(prev + " " + w) }
                previous = w
            }
            for m in DateMatcher(tokens).matches() {
                switch m.meaning {
                case .weekday(let w, .past), .weekday(let w, .strictPast): pastWeekdays.insert(w)
                case .weekday(let w, _): futureWeekdays.insert(w)
                case .absolute(let d): years.insert(d.year)
                default: break
                }
            }
        }
    }
}

/// How alike two articles' profiles are, weighting what few articles share.
struct EventSimilarity {
    let profiles: [EventProfile]
    private var nameDF: [String: Int] = [:]
    private var pairDF: [String: Int] = [:]
    private var quoteDF: [String: Int] = [:]

    init(_ profiles: [EventProfile]) {
        self.profiles = profiles
        for p in profiles {
            for n in p.names { nameDF[n, default: 0] += 1 }
            for n in p.pairs { pairDF[n, default: 0] += 1 }
            for n in p.quoted { quoteDF[n, default: 0] += 1 }
        }
    }

    private func idf(_ df: Int) -> Double { log(Double(profiles.count + 1) / Double(df)) }

    /// How many articles use a name.
    func frequency(_ name: String) -> Int { nameDF[name] ?? 0 }

    /// Articles worth comparing with article `i`: those sharing a name few articles use.
    func candidates(_ i: Int, index: [String: [Int]]) -> Set<Int> {
        let cap = max(8, profiles.count / 50)
        var result = Set<Int>()
        for n in profiles[i].names { if let docs = index[n], docs.count <= cap { result.formUnion(docs) } }
        result.remove(i)
        return result
    }

    /// Which articles use each name.
    func nameIndex() -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (k, p) in profiles.enumerated() { for n in p.names { index[n, default: []].append(k) } }
        return index
    }

    /// Shared rare names count most, then shared word pairs, then shared quoted words; the sum
    /// is divided by what the smaller article could share at most.
    func score(_ i: Int, _ j: Int) -> Double {
        let a = profiles[i], b = profiles[j]
        func shared(_ x: Set<String>, _ y: Set<String>, _ df: [String: Int]) -> (Double, Double) {
            let s = x.intersection(y).reduce(0.0) { $0 + idf(df[$1] ?? 1) }
            let total = min(x.reduce(0.0) { $0 + idf(df[$1] ?? 1) }, y.reduce(0.0) { $0 + idf(df[$1] ?? 1) })
            return (s, total)
        }
        let (n, nt) = shared(a.names, b.names, nameDF)
        let (p, pt) = shared(a.pairs, b.pairs, pairDF)
        let (q, qt) = shared(a.quoted, b.quoted, quoteDF)
        let parts = [nt > 0 ? n / nt : 0, pt > 0 ? p / pt : 0, qt > 0 ? q / qt : 0]
        return (2 * parts[0] + parts[1] + 2 * parts[2]) / 5
    }
}
