import Foundation

/// Which articles hold each folded word of the story text. Built once per corpus so that a
/// search only scans the articles that may match (`candidates`), not the whole corpus.
///
/// A query term is split into words the same way as the text; a word inside the term must be a
/// whole word of the text, the first may be the end of a text word, the last its beginning, and
/// a term of one word may stand anywhere inside a text word. Answers are a superset of the
/// articles `Search.matches` accepts, never a subset.
public final class SearchIndex: @unchecked Sendable {
    /// How many articles the index covers (indexes into `Corpus.articles`).
    public let articleCount: Int
    /// The vocabulary: folded words as UTF-8, sorted, each followed by a 0 byte.
    let words: UnsafeBufferPointer<UInt8>
    /// Where each word starts in `words`, plus `words.count` at the end.
    let wordStarts: UnsafeBufferPointer<UInt32>
    /// For each word, its article numbers as ascending deltas in LEB128.
    let postings: UnsafeBufferPointer<UInt8>
    /// Where each word's postings start in `postings`, plus `postings.count` at the end.
    let postingStarts: UnsafeBufferPointer<UInt64>
    /// What keeps the four arrays alive: the mapped cache file they lie in, or their own copy.
    /// Nothing writes to them after init, so the index may be shared across threads.
    private let owner: AnyObject

    /// An index read in place from a mapped cache file.
    init(articleCount: Int, words: UnsafeBufferPointer<UInt8>, wordStarts: UnsafeBufferPointer<UInt32>,
         postings: UnsafeBufferPointer<UInt8>, postingStarts: UnsafeBufferPointer<UInt64>, owner: AnyObject) {
        self.articleCount = articleCount; self.words = words; self.wordStarts = wordStarts
        self.postings = postings; self.postingStarts = postingStarts; self.owner = owner
    }

    convenience init(articleCount: Int, words: [UInt8], wordStarts: [UInt32], postings: [UInt8], postingStarts: [UInt64]) {
        let copy = OwnedArrays()
        self.init(articleCount: articleCount, words: copy.keep(words), wordStarts: copy.keep(wordStarts),
                  postings: copy.keep(postings), postingStarts: copy.keep(postingStarts), owner: copy)
    }

    public var wordCount: Int { wordStarts.count - 1 }
    /// Bytes held by the index.
    public var byteSize: Int { words.count + wordStarts.count * 4 + postings.count + postingStarts.count * 8 }

    /// Indexes `articles` on all cores, a slice at a time so that word lists never pile up.
    public convenience init(articles: [Article]) { self.init(articles: ArticleStore(articles)) }

    /// The same over a store; one read from disk reads only the story text.
    public convenience init(articles: ArticleStore) {
        var builder = Builder()
        let slice = 4096
        for lo in stride(from: 0, to: articles.count, by: slice) {
            let hi = min(articles.count, lo + slice)
            let sets = WordSets(count: hi - lo)
            DispatchQueue.concurrentPerform(iterations: (hi - lo + 255) / 256) { chunk in
                let a = lo + chunk * 256, b = min(hi, a + 256)
                for i in a..<b { sets.set(i - lo, WordSet(articles.story(i))) }
            }
            for set in sets.values { builder.add(set) }
        }
        self.init(builder)
    }

    /// Merges per-article word sets (in corpus order) into postings.
    convenience init(wordSets: [WordSet]) {
        var builder = Builder()
        for set in wordSets { builder.add(set) }
        self.init(builder)
    }

    /// Collects each word's articles, one article after the other in corpus order, already in
    /// the postings' form (ascending deltas in LEB128): about one byte an entry rather than
    /// four, which counts when a cold load holds them for every article.
    struct Builder {
        var idOf: [UInt64: Int32] = [:]
        var collided: [[UInt8]: Int32] = [:]
        var vocabulary: [[UInt8]] = []
        var lists: [[UInt8]] = []
        /// Per word, the article it was last seen in.
        var last: [UInt32] = []
        var articles: UInt32 = 0

        mutating func add(_ set: WordSet) {
            let a = articles
            articles += 1
            var start = 0
            for (k, end) in set.ends.enumerated() {
                let bytes = set.bytes[start..<Int(end)]
                start = Int(end)
                let h = set.hashes[k]
                let id: Int32
                if let known = idOf[h], vocabulary[Int(known)].elementsEqual(bytes) {
                    id = known
                } else if idOf[h] == nil {
                    id = newWord(bytes); idOf[h] = id
                } else if let known = collided[Array(bytes)] {
                    id = known
                } else {
                    id = newWord(bytes); collided[Array(bytes)] = id
                }
                let w = Int(id)
                Varint.append(UInt64(lists[w].isEmpty ? a : a - last[w]), to: &lists[w])
                last[w] = a
            }
        }

        private mutating func newWord(_ bytes: ArraySlice<UInt8>) -> Int32 {
            vocabulary.append(Array(bytes)); lists.append([]); last.append(0)
            return Int32(vocabulary.count - 1)
        }

        /// Renumbers the articles added: `order[k]` is the number of the article that is to be
        /// the k-th (articles are indexed as they are parsed, then listed in timeline order).
        mutating func reorder(_ order: [Int]) {
            var position = [UInt32](repeating: 0, count: order.count)
            for (k, i) in order.enumerated() { position[i] = UInt32(k) }
            var numbers: [UInt32] = []
            for w in lists.indices {
                numbers.removeAll(keepingCapacity: true)
                var a: UInt32 = 0
                lists[w].withUnsafeBufferPointer { p in
                    var at = 0
                    while at < p.count {
                        a = numbers.isEmpty ? UInt32(Varint.read(p, &at)) : a + UInt32(Varint.read(p, &at))
                        numbers.append(position[Int(a)])
                    }
                }
                numbers.sort()
                var encoded: [UInt8] = []
                encoded.reserveCapacity(lists[w].count)
                for (n, x) in numbers.enumerated() { Varint.append(UInt64(n == 0 ? x : x - numbers[n - 1]), to: &encoded) }
                lists[w] = encoded
            }
        }
    }

    /// The index of what `b` collected.
    convenience init(_ b: Builder) {
        let vocabulary = b.vocabulary, lists = b.lists
        let order = vocabulary.indices.sorted { vocabulary[$0].lexicographicallyPrecedes(vocabulary[$1]) }
        var words: [UInt8] = [], wordStarts: [UInt32] = [], postings: [UInt8] = [], postingStarts: [UInt64] = []
        wordStarts.reserveCapacity(order.count + 1); postingStarts.reserveCapacity(order.count + 1)
        postings.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for id in order {
            wordStarts.append(UInt32(words.count))
            words += vocabulary[id]; words.append(0)
            postingStarts.append(UInt64(postings.count))
            postings += lists[id]
        }
        wordStarts.append(UInt32(words.count)); postingStarts.append(UInt64(postings.count))
        self.init(articleCount: Int(b.articles), words: words, wordStarts: wordStarts, postings: postings, postingStarts: postingStarts)
    }

    /// Article indexes that may match `q`, ascending. Empty when the query has no terms (a
    /// filter alone matches no text).
    public func candidates(_ q: SearchQuery) -> [Int] {
        guard !q.terms.isEmpty else { return [] }
        var set: Bitset? = nil
        for term in q.terms {
            for token in Self.tokens(of: term) {
                guard let s = articles(matching: token) else { continue }
                if set == nil { set = s } else { set!.formIntersection(s) }
                if set!.isEmpty { return [] }
            }
        }
        return set?.members ?? Array(0..<articleCount)
    }

    // MARK: query words

    /// How a word of the query must meet a word of the text.
    enum Fit { case exact, prefix, suffix, inside }

    struct Token: Equatable { var bytes: [UInt8]; var fit: Fit }

    /// The words of a term with how each must fit, by the text's own word rules.
    static func tokens(of term: String) -> [Token] {
        var folded: [UInt32] = []
        TextFolding.fold(term, keepCase: false, into: &folded)
        var out: [Token] = []
        var i = 0
        while i < folded.count {
            guard WordSet.isWordScalar(folded[i]) else { i += 1; continue }
            var j = i
            var bytes: [UInt8] = []
            while j < folded.count, WordSet.isWordScalar(folded[j]) { WordSet.appendUTF8(folded[j], to: &bytes); j += 1 }
            let bounded = (left: i > 0, right: j < folded.count)
            let fit: Fit = bounded.left ? (bounded.right ? .exact : .prefix) : (bounded.right ? .suffix : .inside)
            out.append(Token(bytes: bytes, fit: fit))
            i = j
        }
        return out
    }

    /// Articles holding a word that fits the token, or nil when the words that fit have so many
    /// postings that reading them costs more than it saves (a one- or two-letter token).
    func articles(matching token: Token) -> Bitset? {
        let ids = wordIDs(matching: token)
        var total: UInt64 = 0
        for id in ids { total += postingStarts[id + 1] - postingStarts[id] }
        if total > UInt64(postings.count) / 16 && ids.count > 1 { return nil }
        var set = Bitset(count: articleCount)
        do {
            let p = postings
            for id in ids {
                var at = Int(postingStarts[id])
                let end = Int(postingStarts[id + 1])
                var article: UInt64 = 0
                var first = true
                while at < end {
                    let d = Varint.read(p, &at)
                    article = first ? d : article + d
                    first = false
                    if article < UInt64(articleCount) { set.insert(Int(article)) }
                }
            }
        }
        return set
    }

    /// Vocabulary entries that fit the token.
    func wordIDs(matching token: Token) -> [Int] {
        switch token.fit {
        case .exact, .prefix:
            var id = lowerBound(token.bytes)
            var out: [Int] = []
            while id < wordCount {
                let w = word(id)
                if token.fit == .exact { if w.elementsEqual(token.bytes) { out.append(id) }; break }
                guard w.starts(with: token.bytes) else { break }
                out.append(id); id += 1
            }
            return out
        case .suffix, .inside:
            var out: [Int] = []
            let needle = token.fit == .suffix ? token.bytes + [0] : token.bytes
            do {
                let hay = UnsafeRawBufferPointer(words)
                needle.withUnsafeBytes { n in
                    var from = 0
                    while let at = Self.firstOffset(of: n, in: hay, from: from) {
                        let id = wordContaining(at)
                        if out.last != id { out.append(id) }
                        from = at + 1
                    }
                }
            }
            return out
        }
    }

    /// Byte search: memchr for the first byte, then compare the rest.
    static func firstOffset(of needle: UnsafeRawBufferPointer, in hay: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard let first = needle.first, needle.count <= hay.count else { return nil }
        var at = from
        let last = hay.count - needle.count
        while at <= last {
            guard let hit = memchr(hay.baseAddress! + at, Int32(first), last - at + 1) else { return nil }
            let i = hay.baseAddress!.distance(to: UnsafeRawPointer(hit))
            if memcmp(hay.baseAddress! + i, needle.baseAddress!, needle.count) == 0 { return i }
            at = i + 1
        }
        return nil
    }

    func word(_ id: Int) -> Slice<UnsafeBufferPointer<UInt8>> { words[Int(wordStarts[id])..<Int(wordStarts[id + 1]) - 1] }

    /// First vocabulary entry not before `bytes`.
    func lowerBound(_ bytes: [UInt8]) -> Int {
        var lo = 0, hi = wordCount
        while lo < hi {
            let mid = (lo + hi) / 2
            if word(mid).lexicographicallyPrecedes(bytes) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The vocabulary entry a byte offset of `words` falls in.
    func wordContaining(_ offset: Int) -> Int {
        var lo = 0, hi = wordCount - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(wordStarts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}

/// The distinct folded words of one article's story text, with their hashes.
struct WordSet: Sendable {
    /// The words' UTF-8, back to back; `ends` says where each stops.
    var bytes: [UInt8] = []
    var ends: [UInt32] = []
    var hashes: [UInt64] = []

    init(_ article: Article) {
        // Each word is written straight into `bytes` and taken back if it is listed already,
        // found through an open-addressing table of word numbers by hash (a `Set` of hashes
        // hashes each hash again, and a repeated word then had to be looked for in the list).
        var table = [Int32](repeating: -1, count: 256)
        var folded: [UInt32] = []
        for p in article.paragraphs {
            folded.removeAll(keepingCapacity: true)
            TextFolding.fold(p.text, keepCase: false, into: &folded)
            folded.append(0x20)
            var start = bytes.count
            for v in folded {
                if v < 0x80 {
                    if (v &- 0x30 < 10) || ((v | 0x20) &- 0x61 < 26) { bytes.append(UInt8(v)); continue }
                } else if Self.isWordScalar(v) {
                    Self.appendUTF8(v, to: &bytes); continue
                }
                guard bytes.count > start else { continue }
                let h = Self.hash(bytes[start...])
                if addIfNew(hash: h, from: start, table: &table) {
                    ends.append(UInt32(bytes.count)); hashes.append(h)
                } else {
                    bytes.removeSubrange(start...)
                }
                start = bytes.count
            }
        }
    }

    /// Whether the word at `bytes[start...]` is new, entering it in `table` if so (slots hold word
    /// numbers; the table doubles when half full).
    private func addIfNew(hash h: UInt64, from start: Int, table: inout [Int32]) -> Bool {
        var mask = table.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while table[slot] >= 0 {
            let k = Int(table[slot])
            if hashes[k] == h {
                let a = k == 0 ? 0 : Int(ends[k - 1])
                if bytes[a..<Int(ends[k])].elementsEqual(bytes[start...]) { return false }
            }
            slot = (slot + 1) & mask
        }
        if (hashes.count + 1) * 2 > table.count {
            table = [Int32](repeating: -1, count: table.count * 2)
            mask = table.count - 1
            for (k, kh) in hashes.enumerated() {
                var s = Int(truncatingIfNeeded: kh) & mask
                while table[s] >= 0 { s = (s + 1) & mask }
                table[s] = Int32(k)
            }
            slot = Int(truncatingIfNeeded: h) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
        }
        table[slot] = Int32(hashes.count)
        return true
    }

    /// Letters and digits make words; everything else separates them.
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 { out.append(UInt8(v)); return }
        UTF8.encode(Unicode.Scalar(v)!) { out.append($0) }
    }

    /// FNV-1a, 64 bits.
    static func hash(_ bytes: some Collection<UInt8>) -> UInt64 {
        var h: UInt64 = 14695981039346656037
        for b in bytes { h = (h ^ UInt64(b)) &* 1099511628211 }
        return h
    }
}

/// Memory of its own for an index that was built rather than mapped.
final class OwnedArrays {
    private var blocks: [UnsafeMutableRawPointer] = []

    func keep<T: FixedWidthInteger>(_ a: [T]) -> UnsafeBufferPointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, a.count))
        _ = UnsafeMutableBufferPointer(start: p, count: a.count).initialize(from: a)
        blocks.append(UnsafeMutableRawPointer(p))
        return UnsafeBufferPointer(start: p, count: a.count)
    }

    deinit { for b in blocks { b.deallocate() } }
}

/// Per-article results written from many threads at distinct indexes.
final class WordSets: @unchecked Sendable {
    private var storage: [WordSet?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ w: WordSet) { lock.lock(); storage[i] = w; lock.unlock() }
    var values: [WordSet] { storage.map { $0! } }
}

/// A set of article numbers, one bit each.
struct Bitset: Equatable {
    var bits: [UInt64]
    let count: Int
    init(count: Int) { self.count = count; bits = Array(repeating: 0, count: (count + 63) / 64) }
    mutating func insert(_ i: Int) { bits[i >> 6] |= 1 << UInt64(i & 63) }
    mutating func formIntersection(_ other: Bitset) { for k in bits.indices { bits[k] &= other.bits[k] } }
    var isEmpty: Bool { !bits.contains { $0 != 0 } }
    var members: [Int] {
        var out: [Int] = []
        for (k, word) in bits.enumerated() where word != 0 {
            var w = word
            while w != 0 {
                out.append(k << 6 + w.trailingZeroBitCount)
                w &= w - 1
            }
        }
        return out
    }
}

/// Unsigned LEB128.
enum Varint {
    static func append(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        out.append(UInt8(v))
    }

    static func read(_ p: UnsafeBufferPointer<UInt8>, _ at: inout Int) -> UInt64 {
        var v: UInt64 = 0, shift: UInt64 = 0
        while at < p.count {
            let b = p[at]; at += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return v
    }
}
