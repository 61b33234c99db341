import Foundation

/// Finds quotes in different articles that are the same statement: the same words, a longer
/// or shorter cut of them, or a close paraphrase (shared content words).
public enum StatementLinker {
    /// Below this similarity two statements are only on the same topic.
    public static let threshold = 0.5

    public static func links(_ articles: [Article]) -> [StatementLink] {
        var refs: [QuoteRef] = []
        var terms: [Set<String>] = []
        var speakers: [String?] = []
        for (a, article) in articles.enumerated() {
            for (q, quote) in article.quotes.enumerated() {
                refs.append(QuoteRef(article: a, quote: q))
                terms.append(contentTerms(quote.text))
                speakers.append(quote.speaker)
            }
        }
        // Candidate pairs share at least a few terms; an inverted index keeps this near linear.
        var postings: [String: [Int]] = [:]
        for (i, set) in terms.enumerated() { for term in set { postings[term, default: []].append(i) } }
        var shared: [Int: [Int: Int]] = [:]
        for list in postings.values where list.count <= 400 {
            for x in list.indices {
                for y in list.indices where y > x && refs[list[x]].article != refs[list[y]].article {
                    shared[list[x], default: [:]][list[y], default: 0] += 1
                }
            }
        }
        var result: [StatementLink] = []
        for (i, row) in shared {
            for (j, count) in row where count >= 3 {
                if let si = speakers[i], let sj = speakers[j], si != sj { continue }
                let s = similarity(terms[i], terms[j])
                if s >= threshold { result.append(StatementLink(a: refs[i], b: refs[j], similarity: s)) }
            }
        }
        return result.sorted { ($0.a.article, $0.a.quote, $0.b.article, $0.b.quote) < ($1.a.article, $1.a.quote, $1.b.article, $1.b.quote) }
    }

    /// Dice overlap of content terms, or how much of the shorter one the longer contains.
    public static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let common = Double(a.intersection(b).count)
        let dice = 2 * common / Double(a.count + b.count)
        let smaller = min(a.count, b.count)
        let containment = smaller >= 4 ? 0.9 * common / Double(smaller) : 0
        return min(1, max(dice, containment))
    }

    public static func similarity(_ a: String, _ b: String) -> Double { similarity(contentTerms(a), contentTerms(b)) }

    static let stopwords: Set<String> = Set("""
        a an the and or but of to in on at for with by from as is are was were be been being it its this that these \
        those we our us you your he his him she her they their them i me my not no so if then than there here \
        will would can could shall should may might must do does did have has had also just very more most \
        such what which who whom whose when where how why all any each about into over after before up out
        """.split(separator: " ").map(String.init))

    /// Lowercased, accent-folded words without function words, crudely stemmed.
    static func contentTerms(_ text: String) -> Set<String> {
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
        for suffix in ["ing", "ed", "es", "s"] where w.hasSuffix(suffix) && w.count - suffix.count >= 4 {
            return String(w.dropLast(suffix.count))
        }
        return w
    }
}
