import Foundation

/// What an article is about, for telling whether two articles report the same event: the
/// names it uses, its content words and word pairs, and the words it quotes.
struct EventProfile: Sendable {
    var names: Set<String> = []
    /// Hashes of content-word pairs, ascending and each once (compared within one run only).
    var pairs: [Int] = []
    /// Hashes of word triples inside quotation marks: two reports of one statement share them
    /// even when the translations differ ("…as long as it takes. We will not back down").
    var quoted: Set<Int> = []

    /// A word as a number, hashed once however many pairs and triples it is in (FNV-1a of its
    /// bytes: words compare as written, as the profile's word pairs always have).
    static func wordHash(_ w: String) -> UInt64 {
        var w = w
        // Over the contiguous bytes: iterating the UTF-8 view costs several times more.
        return w.withUTF8 { WordSet.hash($0) }
    }

    /// The same of a word given as scalars, lowercased (ASCII without making a String).
    static func lowerWordHash(_ s: ArraySlice<Unicode.Scalar>) -> UInt64 {
        guard s.allSatisfy({ $0.value < 0x80 }) else { return wordHash(Scalars.stringAndLower(s).lower) }
        return WordSet.hash(s.lazy.map { c in UInt8(truncatingIfNeeded: c.value &- 0x41 < 26 ? c.value | 0x20 : c.value) })
    }

    /// Two words (or a pair and a word) in order as one number.
    static func hash(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h = a &* 0x9E37_79B9_7F4A_7C15 ^ b
        h ^= h >> 33; h &*= 0xFF51_AFD7_ED55_8CCD; h ^= h >> 33
        return h
    }

    static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> Int { Int(bitPattern: UInt(hash(hash(a, b), c))) }

    static func quotedTrigrams(_ text: String) -> Set<Int> { quotedTrigrams(text, scalars: nil) }

    /// The same, with the text's scalars when the caller has them.
    static func quotedTrigrams(_ text: String, scalars: [Unicode.Scalar]?) -> Set<Int> {
        var result: Set<Int> = []
        forEachQuote(text, scalars: scalars) { words in for k in 0...(words.count - 3) { result.insert(hash(words[k], words[k + 1], words[k + 2])) } }
        return result
    }

    /// The word triples of each quotation of `text`, one set per quotation.
    static func quotations(_ text: String) -> [Set<Int>] {
        var result: [Set<Int>] = []
        forEachQuote(text) { words in result.append(Set((0...(words.count - 3)).map { hash(words[$0], words[$0 + 1], words[$0 + 2]) })) }
        return result
    }

    /// Calls `body` with the lowercased words (hashed) of each quotation of three words or more.
    static func forEachQuote(_ text: String, scalars known: [Unicode.Scalar]? = nil, _ body: ([UInt64]) -> Void) {
        // Every opening mark holds one of three bytes: '"', or the lead byte of “, „ and «.
        func opensAny(_ b: UInt8) -> Bool { b == 0x22 || b == 0xE2 || b == 0xC2 }
        var text = text
        guard text.withUTF8({ $0.contains(where: opensAny) }) else { return }
        var inside = false
        var words: [UInt64] = []
        var start = -1
        let scalars = known ?? Array(text.unicodeScalars)
        func flushWord(_ end: Int) {
            if start >= 0 { words.append(lowerWordHash(scalars[start..<end])); start = -1 }
        }
        func flushQuote(_ end: Int) {
            flushWord(end)
            if words.count >= 3 { body(words) }
            words = []
        }
        for (k, c) in scalars.enumerated() {
            let straight = c == "\""
            let opens = c == "“" || c == "«" || c == "„" || (straight && !inside)
            let closes = c == "”" || c == "»" || (straight && inside)
            if opens && !inside && (k == 0 || !Scalars.isLetter(scalars[k - 1])) { inside = true; words = []; start = -1; continue }
            if closes && inside { flushQuote(k); inside = false; continue }
            guard inside else { continue }
            if Scalars.isLetter(c) || c == "’" || c == "'" {
                if start < 0 { start = k }
            } else {
                flushWord(k)
            }
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

    /// `w.count >= 3` without counting Characters (asked of every word): three bytes of plain
    /// ASCII other than CR (CR LF is one Character) are three Characters, and fewer bytes never are.
    static func hasThreeCharacters(_ w: String) -> Bool {
        guard w.utf8.count >= 3 else { return false }
        return w.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } || w.count >= 3
    }

    /// The part of the profile inference reads after comparing articles.
    var clues: DatingClues { DatingClues(pastWeekdays: pastWeekdays, years: years) }

    /// The profile of `article`; `found` holds its first paragraphs as the date tagger read
    /// them, if the caller has them (their tokens and date expressions are not read again).
    init(_ article: Article, found: [DateTagger.Found] = []) {
        var previous: UInt64?
        var pairList: [Int] = []
        let needsDate = article.published.precision != .day
        if !needsDate { years = Set(article.events.compactMap { $0.date.precision == .year ? $0.date.year : nil }) }
        for (k, p) in article.paragraphs.enumerated() {
            let known = k < found.count ? found[k] : nil
            let scalars = known?.scalars ?? Scalars.array(p.text)
            quoted.formUnion(EventProfile.quotedTrigrams(p.text, scalars: scalars))
            let tokens = known?.tokens ?? DateTokenizer.tokens(scalars)
            var sentenceStart = true
            // Fields read in place and first scalars from the paragraph's (a token copied per
            // step, with its two strings, cost more than the rest of the step).
            func capitalized(_ k: Int) -> Bool { Scalars.isUpper(scalars[tokens[k].start]) }
            for k in tokens.indices {
                let kind = tokens[k].kind
                if kind == .punct {
                    // A punctuation token is one scalar.
                    switch scalars[tokens[k].start] {
                    case ".", "!", "?", "“", "\"", ":": sentenceStart = true; previous = nil
                    case "-", "’", "'": break
                    default: previous = nil
                    }
                    continue
                }
                guard kind == .word else { previous = nil; continue }
                let w = tokens[k].lower
                let long = EventProfile.hasThreeCharacters(w)
                if !sentenceStart, long, capitalized(k), DateLexicon.monthTable[w] == nil, DateLexicon.weekdayTable[w] == nil {
                    names.insert(w)
                }
                if sentenceStart, long, k + 1 < tokens.count, capitalized(k), tokens[k + 1].kind == .word, capitalized(k + 1) {
                    names.insert(w)
                }
                sentenceStart = false
                if !long || EventProfile.stop.contains(w) { continue }
                let h = EventProfile.wordHash(w)
                if let prev = previous { pairList.append(Int(bitPattern: UInt(EventProfile.hash(prev, h)))) }
                previous = h
            }
            // Weekdays matter only for an article that needs a date; years come from its events.
            guard needsDate else { continue }
            for m in known?.matches ?? DateMatcher(tokens).matches() {
                switch m.meaning {
                case .weekday(let w, .past), .weekday(let w, .strictPast): pastWeekdays.insert(w)
                case .weekday(let w, _): futureWeekdays.insert(w)
                case .absolute(let d): years.insert(d.year)
                default: break
                }
            }
        }
        // Collected in a list and made unique once: cheaper than a set insertion per pair.
        pairList.sort()
        pairs = pairList.isEmpty ? [] : [pairList[0]] + zip(pairList.dropFirst(), pairList).compactMap { $0 != $1 ? $0 : nil }
    }
}

/// What an article says of its own date, against which a date lent by another must hold.
struct DatingClues: Sendable {
    /// Weekdays it reports things on in the past ("on Tuesday").
    var pastWeekdays: Set<Int> = []
    var years: Set<Int> = []
}

/// How alike two articles' profiles are, weighting what few articles share. Names, word pairs
/// and quoted triples become small integers, sorted per article, so that comparing two
/// articles is a merge of two sorted lists rather than a hash lookup per item.
struct EventSimilarity: Sendable {
    private(set) var count: Int
    private var nameIDs: [String: Int32] = [:]
    /// Per article, the ids of its names, pairs and quoted triples, ascending.
    private var names = FlatLists<Int32>(), pairs = FlatLists<Int32>(), quoted = FlatLists<Int32>()
    /// Per name id, how many articles use it.
    private var nameDF: [Int32] = []
    /// Per id, the weight of sharing it: rarer is heavier.
    private var nameWeight: [Double] = [], pairWeight: [Double] = [], quoteWeight: [Double] = []
    /// Per name id, its place in string order (ties between equally rare names).
    private var nameRank: [Int] = []
    /// Per article, the summed weight of its names, pairs and quoted triples.
    private var totals: [(Double, Double, Double)] = []

    /// Takes profiles one at a time, keeping only their ids, so that a corpus's profiles
    /// need never be in memory together.
    struct Builder {
        fileprivate var sim = EventSimilarity(count: 0)
        private var pairIDs: [Int: Int32] = [:], quoteIDs: [Int: Int32] = [:]
        private var pairDF: [Int32] = [], quoteDF: [Int32] = []

        init() {}

        mutating func add(_ p: EventProfile) {
            func intern<K: Hashable>(_ key: K, _ ids: inout [K: Int32], _ df: inout [Int32]) -> Int32 {
                if let id = ids[key] { df[Int(id)] += 1; return id }
                let id = Int32(df.count)
                ids[key] = id
                df.append(1)
                return id
            }
            sim.names.append(p.names.map { intern($0, &sim.nameIDs, &sim.nameDF) }.sorted())
            sim.pairs.append(p.pairs.map { intern($0, &pairIDs, &pairDF) }.sorted())
            sim.quoted.append(p.quoted.map { intern($0, &quoteIDs, &quoteDF) }.sorted())
        }

        /// Weighs every id by how few articles share it.
        func build() -> EventSimilarity {
            var s = sim
            s.count = s.names.count
            let n = Double(s.count + 1)
            s.nameWeight = s.nameDF.map { log(n / Double($0)) }
            s.pairWeight = pairDF.map { log(n / Double($0)) }
            s.quoteWeight = quoteDF.map { log(n / Double($0)) }
            s.nameRank = Array(repeating: 0, count: s.nameDF.count)
            for (rank, (_, id)) in s.nameIDs.sorted(by: { $0.key < $1.key }).enumerated() { s.nameRank[Int(id)] = rank }
            func total(_ ids: ArraySlice<Int32>, _ weight: [Double]) -> Double { ids.reduce(0.0) { $0 + weight[Int($1)] } }
            s.totals = (0..<s.count).map { k in
                (total(s.names[k], s.nameWeight), total(s.pairs[k], s.pairWeight), total(s.quoted[k], s.quoteWeight))
            }
            return s
        }
    }

    private init(count: Int) { self.count = count }

    /// How many articles use a name.
    func frequency(_ name: String) -> Int { nameIDs[name].map { Int(nameDF[Int($0)]) } ?? 0 }

    /// The few articles worth comparing with article `i`: those sharing most of its rarest names.
    func candidates(_ i: Int, index: [[Int32]], limit: Int = 8) -> [Int] {
        let cap = Int32(max(8, min(200, count / 50)))
        let rare = names[i].filter { nameDF[Int($0)] >= 2 && nameDF[Int($0)] <= cap }
            .sorted { (nameDF[Int($0)], nameRank[Int($0)]) < (nameDF[Int($1)], nameRank[Int($1)]) }.prefix(10)
        var counts: [Int: Double] = Dictionary(minimumCapacity: rare.reduce(0) { $0 + index[Int($1)].count })
        for n in rare {
            let w = nameWeight[Int(n)]
            for k in index[Int(n)] where k != i { counts[Int(k), default: 0] += w }
        }
        // The best `limit` by weight, then by article order: kept in a short sorted list
        // instead of sorting every article that shares a name.
        func before(_ a: (key: Int, value: Double), _ b: (key: Int, value: Double)) -> Bool { (a.value, -a.key) > (b.value, -b.key) }
        var best: [(key: Int, value: Double)] = []
        for c in counts where best.count < limit || before(c, best[best.count - 1]) {
            best.insert(c, at: best.firstIndex { before(c, $0) } ?? best.count)
            if best.count > limit { best.removeLast() }
        }
        return best.map(\.key)
    }

    /// Which articles use each name, by name id, in article order.
    func nameIndex() -> [[Int32]] {
        var index = Array(repeating: [Int32](), count: nameDF.count)
        for k in 0..<names.count { for n in names[k] { index[Int(n)].append(Int32(k)) } }
        return index
    }

    /// Shared rare names count most, then shared quoted words, then shared word pairs; each
    /// part is measured against what the smaller article could share at most.
    func score(_ i: Int, _ j: Int) -> Double {
        func shared(_ x: ArraySlice<Int32>, _ y: ArraySlice<Int32>, _ weight: [Double]) -> Double {
            var a = x.startIndex, b = y.startIndex, sum = 0.0
            while a < x.endIndex, b < y.endIndex {
                if x[a] < y[b] { a += 1 } else if x[a] > y[b] { b += 1 } else { sum += weight[Int(x[a])]; a += 1; b += 1 }
            }
            return sum
        }
        let ta = totals[i], tb = totals[j]
        let nt = min(ta.0, tb.0), pt = min(ta.1, tb.1), qt = min(ta.2, tb.2)
        let n = nt > 0 ? shared(names[i], names[j], nameWeight) / nt : 0
        let p = pt > 0 ? shared(pairs[i], pairs[j], pairWeight) / pt : 0
        let q = qt > 0 ? shared(quoted[i], quoted[j], quoteWeight) / qt : 0
        return (2 * n + p + 2 * q) / 5
    }
}
