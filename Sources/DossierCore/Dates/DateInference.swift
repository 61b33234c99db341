import Foundation

/// Dates articles that give none of their own from other articles about the same event, and
/// marks the articles of one event with a shared `story` label.
public enum DateInference {
    /// How alike two articles must be to count as reports of the same event.
    static let sameEvent = 0.18
    /// Evidence PublicationDating gives a date read off a page stamp: weaker than a same-event match.
    static let stampEvidence = "the page stamp"

    public static func infer(_ articles: inout [Article]) {
        guard articles.count > 1 else { return }
        let profiles = profilesInParallel(articles)
        let sim = EventSimilarity(profiles)
        let index = sim.nameIndex()
        // Candidates and scores are pure and run on both cores; the pairs are taken in article order.
        let candidates = ParallelMap.map(Array(articles.indices)) { sim.candidates($0, index: index) }
        var pairs: [(Int, Int)] = []
        var seen = Set<Int64>()
        for i in articles.indices {
            for j in candidates[i] {
                let key = Int64(min(i, j)) << 32 | Int64(max(i, j))
                if seen.insert(key).inserted { pairs.append((i, j)) }
            }
        }
        let similarity = ParallelMap.map(pairs) { sim.score($0.0, $0.1) }
        var scores: [Int: [(Int, Double)]] = [:]
        for ((i, j), s) in zip(pairs, similarity) where s >= sameEvent {
            scores[i, default: []].append((j, s))
            scores[j, default: []].append((i, s))
        }
        // Only dates the articles found themselves can be lent to others.
        let own = articles.map { $0.published.precision == .day && !$0.published.evidence.hasPrefix(stampEvidence) ? $0.published.date : nil }
        for i in articles.indices where own[i] == nil {
            let partners = (scores[i] ?? []).sorted { $0.1 > $1.1 }
            guard let (j, _) = partners.first(where: { own[$0.0] != nil && consistent(profiles[i], articles[i].published, with: own[$0.0]!) }),
                  let date = own[j] else { continue }
            let why = sharedEvidence(articles[i], articles[j], profiles[i], date: date, sim: sim, total: articles.count)
            var evidence = "same event as \(articles[j].id) (\(why)): \(date.iso)"
            if articles[i].published.date != nil { evidence += "; from this text alone: " + articles[i].published.evidence }
            else if articles[i].published != .unknown { evidence += "; " + articles[i].published.evidence }
            articles[i].published = Publication(date: date, evidence: evidence, inferred: true)
            articles[i].events = DateTagger.events(articles[i].paragraphs, reference: articles[i].published)
        }
        labelStories(&articles, scores: scores)
    }

    static func profilesInParallel(_ articles: [Article]) -> [EventProfile] {
        ParallelMap.map(articles) { EventProfile($0) }
    }

    /// A lent date must agree with what the article says of itself: its weekdays, its year.
    static func consistent(_ p: EventProfile, _ pub: Publication, with date: PartialDate) -> Bool {
        if let mine = pub.date, DaySpan(mine).lo > DaySpan(date).hi || DaySpan(mine).hi < DaySpan(date).lo { return false }
        if let w = date.weekday, !p.pastWeekdays.isEmpty, !p.pastWeekdays.contains(w) { return false }
        if let later = p.years.max(), later > date.year { return false }
        return true
    }

    /// A few words on what the two articles share, for the evidence line: the most telling
    /// names they both use, how many quotations they share, the weekday both tell of.
    static func sharedEvidence(_ a: Article, _ b: Article, _ profile: EventProfile, date: PartialDate, sim: EventSimilarity, total: Int) -> String {
        let names = SharedNames.shared(SharedNames.names(a.paragraphs), SharedNames.names(b.paragraphs), total: total, frequency: sim.frequency).prefix(3)
        let quotes = SharedNames.sharedQuotes(a.paragraphs, b.paragraphs)
        var shared = Array(names)
        if quotes > 0 { shared.append(quotes == 1 ? "a quote" : "\(quotes) quotes") }
        var parts: [String] = []
        if !shared.isEmpty {
            parts.append("shares " + (shared.count == 1 ? shared[0] : shared.dropLast().joined(separator: ", ") + " and " + shared.last!))
        }
        if let w = date.weekday, profile.pastWeekdays.contains(w) { parts.append("'on \(PublicationDating.weekdayName(w))'") }
        return parts.isEmpty ? "shared wording" : parts.joined(separator: "; ")
    }

    /// Groups articles linked by similar reports on compatible dates; labels groups of two or more.
    static func labelStories(_ articles: inout [Article], scores: [Int: [(Int, Double)]]) {
        var parent = Array(articles.indices)
        func root(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        for (i, list) in scores {
            for (j, _) in list where j > i && compatible(articles[i].published.date, articles[j].published.date) {
                parent[root(i)] = root(j)
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in articles.indices { groups[root(i), default: []].append(i) }
        let multi = groups.values.filter { $0.count >= 2 }.sorted { a, b in
            let da = a.compactMap { articles[$0].published.date }.min(), db = b.compactMap { articles[$0].published.date }.min()
            switch (da, db) {
            case let (x?, y?) where x != y: return x < y
            default: return articles[a[0]].id < articles[b[0]].id
            }
        }
        for (n, members) in multi.enumerated() {
            for i in members { articles[i].metadata["story"] = "story \(n + 1)" }
        }
    }

    /// Two dates that can belong to one event: unknown, or within a few days of each other.
    static func compatible(_ a: PartialDate?, _ b: PartialDate?) -> Bool {
        guard let a, let b else { return true }
        let x = DaySpan(a), y = DaySpan(b)
        return x.lo <= y.hi + 3 && y.lo <= x.hi + 3
    }
}

