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
        let terms = ParallelMap.map(texts, contentTerms).map { table.intern($0) }
        return links(refs: refs, terms: terms, speakers: speakers, termCount: table.count)
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
    /// (ascending, below `termCount`) and its speaker.
    static func links(refs: [QuoteRef], terms termIDs: [[Int32]], speakers: [String?], termCount: Int) -> [StatementLink] {
        // Candidate pairs share at least a few terms; an inverted index keeps this near linear.
        var postings = Array(repeating: [Int32](), count: termCount)
        for (i, list) in termIDs.enumerated() { for t in list { postings[Int(t)].append(Int32(i)) } }
        let n = refs.count
        // Quotes stand in article order: those of later articles are the ones from `later[i]` on.
        var later = Array(repeating: n, count: n)
        for i in stride(from: n - 2, through: 0, by: -1) {
            later[i] = refs[i + 1].article == refs[i].article ? later[i + 1] : i + 1
        }
        let chunks = max(1, min(64, n / 256))
        let found = ParallelMap.map(Array(0..<chunks)) { chunk -> [StatementLink] in
            var result: [StatementLink] = []
            var count = [UInt16](repeating: 0, count: n)
            var touched: [Int] = []
            var i = chunk
            while i < n {
                defer { i += chunks }
                let first = later[i]
                for t in termIDs[i] {
                    let list = postings[Int(t)]
                    guard list.count <= 400 else { continue }
                    var k = list.count - 1
                    while k >= 0, Int(list[k]) >= first {
                        let j = Int(list[k])
                        if count[j] == 0 { touched.append(j) }
                        count[j] &+= 1
                        k -= 1
                    }
                }
                for j in touched {
                    defer { count[j] = 0 }
                    guard count[j] >= 3 else { continue }
                    if let si = speakers[i], let sj = speakers[j], si != sj { continue }
                    let s = similarity(common: sharedCount(termIDs[i], termIDs[j]), termIDs[i].count, termIDs[j].count)
                    if s >= threshold { result.append(StatementLink(a: refs[i], b: refs[j], similarity: s)) }
                }
                touched.removeAll(keepingCapacity: true)
            }
            return result
        }
        return found.joined().sorted { ($0.a.article, $0.a.quote, $0.b.article, $0.b.quote) < ($1.a.article, $1.a.quote, $1.b.article, $1.b.quote) }
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
    static func sharedCount(_ x: [Int32], _ y: [Int32]) -> Int {
        var a = 0, b = 0, n = 0
        while a < x.count, b < y.count {
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
        var result = Set<String>()
        let ascii = ASCIIWords.forEach(in: text, digits: true) { w in
            if w.utf8.count > 1, !stopwords.contains(w) { result.insert(stem(w)) }
            return true
        }
        return ascii ? result : foldedContentTerms(text)
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
}
