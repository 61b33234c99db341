import Foundation

/// What an article is about, for telling whether two articles report the same event: the
/// names it uses, its content words and word pairs, and the words it quotes.
struct EventProfile: Sendable {
    var names: Set<String> = []
    /// Hashes of content-word pairs and of quoted word triples (compared within one run only).
    var pairs: Set<Int> = []
    var quoted: Set<Int> = []
    /// Word triples inside quotation marks: two reports of one statement share them even when
    /// the translations differ ("…as long as it takes. We will not back down").
    static func hash(_ words: String...) -> Int {
        var h = Hasher()
        for w in words { h.combine(w) }
        return h.finalize()
    }

    static func quotedTrigrams(_ text: String) -> Set<Int> {
        var result: Set<Int> = []
        forEachQuote(text) { words in for k in 0...(words.count - 3) { result.insert(hash(words[k], words[k + 1], words[k + 2])) } }
        return result
    }

    /// The word triples of each quotation of `text`, one set per quotation.
    static func quotations(_ text: String) -> [Set<Int>] {
        var result: [Set<Int>] = []
        forEachQuote(text) { words in result.append(Set((0...(words.count - 3)).map { hash(words[$0], words[$0 + 1], words[$0 + 2]) })) }
        return result
    }

    /// Calls `body` with the lowercased words of each quotation of three words or more.
    static func forEachQuote(_ text: String, _ body: ([String]) -> Void) {
        var inside = false
        var words: [String] = []
        var current = ""
        func flushWord() { if !current.isEmpty { words.append(current.lowercased()); current = "" } }
        func flushQuote() {
            flushWord()
            if words.count >= 3 { body(words) }
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
    }

    /// Weekdays the story reports things on in the past ("on Tuesday").
    var pastWeekdays: Set<Int> = []
    /// Weekdays it looks ahead to ("on Wednesday" after "will").
    var futureWeekdays: Set<Int> = []
    var years: Set<Int> = []

    static let stop: Lexicon = [
        "the", "and", "that", "this", "with", "from", "have", "has", "had", "been", "were", "was", "will", "would", "their",
        "they", "them", "there", "which", "what", "when", "where", "while", "also", "about", "into", "more", "than", "other",
        "said", "says", "such", "some", "most", "very", "only", "over", "after", "before", "could", "should", "being", "these",
        "those", "them", "then", "because", "according", "against", "still", "just", "your", "ours", "it's", "its", "his", "her",
        "she", "he", "him", "are", "for", "not", "but", "all", "can", "our", "who", "how", "any", "may", "one", "two", "new",
    ]

    init() {}

    init(_ article: Article) {
        var previous: String?
        let needsDate = article.published.precision != .day
        if !needsDate { years = Set(article.events.compactMap { $0.date.precision == .year ? $0.date.year : nil }) }
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
                if tok.isCapitalized, !sentenceStart, w.count >= 3, DateLexicon.monthTable[w] == nil, DateLexicon.weekdayTable[w] == nil {
                    names.insert(w)
                }
                if tok.isCapitalized, sentenceStart, k + 1 < tokens.count, tokens[k + 1].isCapitalized, tokens[k + 1].kind == .word, w.count >= 3 {
                    names.insert(w)
                }
                sentenceStart = false
                if EventProfile.stop.contains(w) || w.count < 3 { continue }
                if let prev = previous { pairs.insert(EventProfile.hash(prev, w)) }
                previous = w
            }
            // Weekdays matter only for an article that needs a date; years come from its events.
            guard needsDate else { continue }
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
    private var pairDF: [Int: Int] = [:]
    private var quoteDF: [Int: Int] = [:]
    /// Per article, the summed weight of its names, pairs and quoted triples.
    private var totals: [(Double, Double, Double)] = []

    init(_ profiles: [EventProfile]) {
        self.profiles = profiles
        for p in profiles {
            for n in p.names { nameDF[n, default: 0] += 1 }
            for n in p.pairs { pairDF[n, default: 0] += 1 }
            for n in p.quoted { quoteDF[n, default: 0] += 1 }
        }
        totals = profiles.map { p in
            (p.names.reduce(0.0) { $0 + idf(nameDF[$1] ?? 1) },
             p.pairs.reduce(0.0) { $0 + idf(pairDF[$1] ?? 1) },
             p.quoted.reduce(0.0) { $0 + idf(quoteDF[$1] ?? 1) })
        }
    }

    private func idf(_ df: Int) -> Double { log(Double(profiles.count + 1) / Double(df)) }

    /// How many articles use a name.
    func frequency(_ name: String) -> Int { nameDF[name] ?? 0 }

    /// The few articles worth comparing with article `i`: those sharing most of its rarest names.
    func candidates(_ i: Int, index: [String: [Int]], limit: Int = 8) -> [Int] {
        let cap = max(8, min(200, profiles.count / 50))
        let rare = profiles[i].names.compactMap { n -> (String, Int)? in
            let df = nameDF[n] ?? 0
            return df >= 2 && df <= cap ? (n, df) : nil
        }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(10)
        var counts: [Int: Double] = [:]
        for (n, df) in rare { for k in index[n] ?? [] where k != i { counts[k, default: 0] += idf(df) } }
        return counts.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(limit).map(\.key)
    }

    /// Which articles use each name.
    func nameIndex() -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (k, p) in profiles.enumerated() { for n in p.names { index[n, default: []].append(k) } }
        return index
    }

    /// Shared rare names count most, then shared quoted words, then shared word pairs; each
    /// part is measured against what the smaller article could share at most.
    func score(_ i: Int, _ j: Int) -> Double {
        let a = profiles[i], b = profiles[j]
        func shared<T: Hashable>(_ x: Set<T>, _ y: Set<T>, _ df: [T: Int]) -> Double {
            let (small, large) = x.count <= y.count ? (x, y) : (y, x)
            return small.reduce(0.0) { large.contains($1) ? $0 + idf(df[$1] ?? 1) : $0 }
        }
        let ta = totals[i], tb = totals[j]
        let nt = min(ta.0, tb.0), pt = min(ta.1, tb.1), qt = min(ta.2, tb.2)
        let n = nt > 0 ? shared(a.names, b.names, nameDF) / nt : 0
        let p = pt > 0 ? shared(a.pairs, b.pairs, pairDF) / pt : 0
        let q = qt > 0 ? shared(a.quoted, b.quoted, quoteDF) / qt : 0
        return (2 * n + p + 2 * q) / 5
    }
}
