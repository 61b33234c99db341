import Foundation

/// A search of a fresh cached corpus that reads only the articles the index names, decoding
/// and matching them on all cores a slice at a time.
public enum SnapshotSearch {
    /// Articles with hits in corpus order, each with its ranges; nil when a record is damaged.
    public static func run(_ snap: CorpusSnapshot, _ q: SearchQuery) -> [(article: Article, ranges: [SourceRange])]? {
        let candidates = Search.candidates(snap.index, q)
        let slice = 64
        let parts = SliceResults(count: (candidates.count + slice - 1) / slice)
        // Quotes are read only when a speaker: filter needs them.
        let findings = q.speaker != nil
        DispatchQueue.concurrentPerform(iterations: parts.count) { k in
            var found: [(article: Article, ranges: [SourceRange])] = []
            for i in candidates[(k * slice)..<min(candidates.count, (k + 1) * slice)] {
                guard let a = snap.article(i, findings: findings) else { parts.set(k, nil); return }
                let ranges = Search.matches(in: a, q)
                if !ranges.isEmpty { found.append((a, ranges)) }
            }
            parts.set(k, found)
        }
        return parts.values
    }
}

/// Per-slice results written from many threads; a nil slice hit a damaged record.
private final class SliceResults: @unchecked Sendable {
    private var storage: [[(article: Article, ranges: [SourceRange])]?]
    private var damaged = false
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    var count: Int { storage.count }
    func set(_ i: Int, _ v: [(article: Article, ranges: [SourceRange])]?) {
        lock.lock(); if let v { storage[i] = v } else { damaged = true }; lock.unlock()
    }
    var values: [(article: Article, ranges: [SourceRange])]? { damaged ? nil : storage.flatMap { $0 ?? [] } }
}
