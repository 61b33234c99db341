import Foundation

/// Finds quotes in different articles that are the same statement: the same words, a longer
/// or shorter cut of them, or a close paraphrase (shared content words).
public enum StatementLinker {
    /// Below this similarity two statements are only on the same topic.
    public static let threshold = 0.5

    public static func links(_ articles: [Article]) -> [StatementLink] {
        var refs: [QuoteRef] = []
        var texts: [String] = []
        var speakers: [String?] = []
        for (a, article) in articles.enumerated() {
            for (q, quote) in article.quotes.enumerated() {
                refs.append(QuoteRef(article: a, quote: q))
                texts.append(quote.text)
                speakers.append(quote.speaker)
            }
        }
        var table = TermTable()
        var terms = FlatLists<Int32>()
        for t in ParallelMap.map(texts, contentTerms) { terms.append(table.intern(t)) }
        return links(refs: refs, terms: terms, rows: (0..<Int32(terms.count)).map { $0 }, speakers: speakers, termCount: table.count)
    }

    /// Content terms as small integers, so that the pair count of `links` is array arithmetic
    /// and a corpus's statements need not keep their words.
    struct TermTable: Sendable {
        private var ids: [String: Int32] = [:]
        var count: Int { ids.count }

        init() {}

        /// The ids of `terms`, ascending, so that two statements' shared terms are counted by a merge.
        mutating func intern(_ terms: Set<String>) -> [Int32] {
            terms.map { t in
                if let id = ids[t] { return id }
                let id = Int32(ids.count); ids[t] = id; return id
            }.sorted()
        }
    }

    /// Links between statements given in corpus order: where each stands, its term ids
    /// (ascending, below `termCount`: list `rows[i]` of `terms` for statement i) and its speaker.
    static func links(refs: [QuoteRef], terms: FlatLists<Int32>, rows: [Int32], speakers: [String?], termCount: Int) -> [StatementLink] {
        func termIDs(_ i: Int) -> ArraySlice<Int32> { terms[Int(rows[i])] }
        // Candidate pairs share at least a few terms; an inverted index keeps this near linear.
        // Its lists lie back to back (statements ascending in each), counted first.
        var postingStarts = [Int32](repeating: 0, count: termCount + 1)
        for i in 0..<rows.count { for t in termIDs(i) { postingStarts[Int(t) + 1] += 1 } }
        for t in 0..<termCount { postingStarts[t + 1] += postingStarts[t] }
        var postings = [Int32](repeating: 0, count: Int(postingStarts[termCount]))
        var fill = postingStarts
        for i in 0..<rows.count { for t in termIDs(i) { postings[Int(fill[Int(t)])] = Int32(i); fill[Int(t)] += 1 } }
        fill = []
        let n = refs.count
        // Quotes stand in article order: those of later articles are the ones from `later[i]` on.
        var later = Array(repeating: n, count: n)
        for i in stride(from: n - 2, through: 0, by: -1) {
            later[i] = refs[i + 1].article == refs[i].article ? later[i + 1] : i + 1
        }
        // Each chunk takes a run of statements and finds each one's partners in statement
        // order, so the chunks' links joined are already in order (a, then b).
        let chunks = max(1, min(64, n / 256))
        var found = ParallelMap.map(Array(0..<chunks)) { chunk -> [StatementLink] in
            var result: [StatementLink] = []
            var count = [UInt16](repeating: 0, count: n)
            var touched: [Int] = []
            var partners: [(j: Int, similarity: Double)] = []
            for i in (n * chunk / chunks)..<(n * (chunk + 1) / chunks) {
                let first = later[i]
                for t in termIDs(i) {
                    let lo = Int(postingStarts[Int(t)]), hi = Int(postingStarts[Int(t) + 1])
                    guard hi - lo <= 400 else { continue }
                    var k = hi - 1
                    while k >= lo, Int(postings[k]) >= first {
                        let j = Int(postings[k])
                        if count[j] == 0 { touched.append(j) }
                        count[j] &+= 1
                        k -= 1
                    }
                }
                // Only the partners found are put in order, not every statement touched (most share
                // a term or two and no more; sorting them all took most of the linking time).
                for j in touched {
                    defer { count[j] = 0 }
                    guard count[j] >= 3 else { continue }
                    if let si = speakers[i], let sj = speakers[j], si != sj { continue }
                    let s = similarity(common: sharedCount(termIDs(i), termIDs(j)), termIDs(i).count, termIDs(j).count)
                    if s >= threshold { partners.append((j, s)) }
                }
                partners.sort { $0.j < $1.j }
                for p in partners { result.append(StatementLink(a: refs[i], b: refs[p.j], similarity: p.similarity)) }
                touched.removeAll(keepingCapacity: true)
                partners.removeAll(keepingCapacity: true)
            }
            return result
        }
        // Joined a chunk at a time, each freed once copied: links can be many.
        var links: [StatementLink] = []
        links.reserveCapacity(found.reduce(0) { $0 + $1.count })
        for c in found.indices {
            links += found[c]
            found[c] = []
        }
        return links
    }

    /// Dice overlap of content terms, or how much of the shorter one the longer contains.
    public static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        similarity(common: a.intersection(b).count, a.count, b.count)
    }

    /// The same from the sizes of two sets of terms and of what they share.
    static func similarity(common n: Int, _ a: Int, _ b: Int) -> Double {
        guard a > 0, b > 0 else { return 0 }
        let common = Double(n)
        let dice = 2 * common / Double(a + b)
        let smaller = min(a, b)
        let containment = smaller >= 4 ? 0.9 * common / Double(smaller) : 0
        return min(1, max(dice, containment))
    }

    /// How many ids two ascending lists share.
    static func sharedCount(_ x: ArraySlice<Int32>, _ y: ArraySlice<Int32>) -> Int {
        var a = x.startIndex, b = y.startIndex, n = 0
        while a < x.endIndex, b < y.endIndex {
            if x[a] < y[b] { a += 1 } else if x[a] > y[b] { b += 1 } else { n += 1; a += 1; b += 1 }
        }
        return n
    }

    public static func similarity(_ a: String, _ b: String) -> Double { similarity(contentTerms(a), contentTerms(b)) }

    static let stopwords = Lexicon("""
        a an the and or but of to in on at for with by from as is are was were be been being it its this that these \
        those we our us you your he his him she her they their them i me my not no so if then than there here \
        will would can could shall should may might must do does did have has had also just very more most \
        such what which who whom whose when where how why all any each about into over after before up out
        """.split(separator: " ").map(String.init))

    /// Lowercased, accent-folded words without function words, crudely stemmed.
    static func contentTerms(_ text: String) -> Set<String> {
        // Most statements are ASCII: bytes give the same words as Foundation's folding, which
        // costs more than the rest of linking.
        asciiContentTerms(text) ?? foldedContentTerms(text)
    }

    /// `contentTerms` of ASCII text, read from its bytes (nil for other text): stop words are
    /// looked up and stems cut before any String is made, and the set is sized once, not grown.
    static func asciiContentTerms(_ text: String) -> Set<String>? {
        var text = text
        return text.withUTF8 { u -> Set<String>? in
            guard u.allSatisfy({ $0 < 0x80 }) else { return nil }
            var result = Set<String>(minimumCapacity: u.count / 8)
            var word = [UInt8](repeating: 0, count: u.count)
            word.withUnsafeMutableBufferPointer { w in
                var n = 0
                for k in 0...u.count {
                    // Letters lowercased and digits, as `ASCIIWords.forEach(digits: true)` reads them.
                    if k < u.count {
                        let b = u[k]
                        switch b {
                        case 0x41...0x5A: w[n] = b | 0x20; n += 1; continue
                        case 0x61...0x7A, 0x30...0x39: w[n] = b; n += 1; continue
                        default: break
                        }
                    }
                    defer { n = 0 }
                    guard n > 1 else { continue }
                    let bytes = UnsafeBufferPointer(rebasing: w[0..<n])
                    guard !stopwords.contains(lowercasing: bytes) else { continue }
                    result.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<asciiStemLength(bytes)]), as: UTF8.self))
                }
            }
            return result
        }
    }

    /// `contentTerms` for any text, through Foundation's case and accent folding.
    static func foldedContentTerms(_ text: String) -> Set<String> {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var result = Set<String>()
        for w in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let word = String(w)
            guard !stopwords.contains(word), word.count > 1 else { continue }
            result.insert(stem(word))
        }
        return result
    }

    static func stem(_ w: String) -> String {
        // Most words end in none of the suffixes: their last byte tells ("g", "d" or "s").
        guard let last = w.utf8.last, last == 0x67 || last == 0x64 || last == 0x73 else { return w }
        for suffix in ["ing", "ed", "es", "s"] where w.hasSuffix(suffix) && w.count - suffix.count >= 4 {
            return String(w.dropLast(suffix.count))
        }
        return w
    }

    /// How many bytes `stem` keeps of an ASCII word without CR (where bytes are Characters):
    /// "ing" goes from seven bytes on, "ed" and "es" from six, "s" from five.
    static func asciiStemLength(_ w: UnsafeBufferPointer<UInt8>) -> Int {
        let n = w.count
        guard n >= 5 else { return n }
        switch w[n - 1] {
        case 0x67: return n >= 7 && w[n - 3] == 0x69 && w[n - 2] == 0x6E ? n - 3 : n  // -ing
        case 0x64: return n >= 6 && w[n - 2] == 0x65 ? n - 2 : n  // -ed
        case 0x73: return n >= 6 && w[n - 2] == 0x65 ? n - 2 : n - 1  // -es, else -s
        default: return n
        }
    }
}
