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
        let profiles = ParallelMap.map(articles) { EventProfile($0) }
        var sim = EventSimilarity.Builder()
        for p in profiles { sim.add(p) }
        let plan = plan(sim.build(), clues: profiles.map(\.clues), published: articles.map(\.published), ids: articles.map(\.id),
                        paragraphs: { [articles] in articles[$0].paragraphs })
        for (i, p) in plan.published {
            articles[i].published = p
            articles[i].events = DateTagger.events(articles[i].paragraphs, reference: p)
        }
        for (i, story) in plan.stories { articles[i].metadata["story"] = story }
    }

    /// What inference changes: lent dates (the article's events are then read again against
    /// the new date) and story labels, by article number.
    struct Plan: Sendable {
        var published: [Int: Publication] = [:]
        var stories: [Int: String] = [:]
    }

    /// Inference from what it needs of each article: the similarity of their profiles, the
    /// date clues and dates they found themselves, and their ids. `paragraphs` is asked only
    /// for the few articles whose date is lent, to say why.
    static func plan(_ sim: EventSimilarity, clues: [DatingClues], published: [Publication], ids: [String],
                     paragraphs: (Int) -> [Paragraph]) -> Plan {
        var plan = Plan()
        let count = published.count
        guard count > 1 else { return plan }
        let index = sim.nameIndex()
        // Candidates and scores are pure and run on both cores; the pairs are taken in article order.
        let candidates = ParallelMap.map(Array(0..<count)) { sim.candidates($0, index: index) }
        var pairs: [(Int, Int)] = []
        var seen = Set<Int64>()
        for i in 0..<count {
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
        let own = published.map { $0.precision == .day && !$0.evidence.hasPrefix(stampEvidence) ? $0.date : nil }
        var dates = published
        for i in 0..<count where own[i] == nil {
            let partners = (scores[i] ?? []).sorted { $0.1 > $1.1 }
            guard let (j, _) = partners.first(where: { own[$0.0] != nil && consistent(clues[i], published[i], with: own[$0.0]!) }),
                  let date = own[j] else { continue }
            let why = sharedEvidence(paragraphs(i), paragraphs(j), clues[i], date: date, sim: sim, total: count)
            var evidence = "same event as \(ids[j]) (\(why)): \(date.iso)"
            if published[i].date != nil { evidence += "; from this text alone: " + published[i].evidence }
            else if published[i] != .unknown { evidence += "; " + published[i].evidence }
            dates[i] = Publication(date: date, evidence: evidence, inferred: true)
            plan.published[i] = dates[i]
        }
        plan.stories = stories(dates: dates.map(\.date), ids: ids, scores: scores)
        return plan
    }

    /// A lent date must agree with what the article says of itself: its weekdays, its year.
    static func consistent(_ p: DatingClues, _ pub: Publication, with date: PartialDate) -> Bool {
        if let mine = pub.date, DaySpan(mine).lo > DaySpan(date).hi || DaySpan(mine).hi < DaySpan(date).lo { return false }
        if let w = date.weekday, !p.pastWeekdays.isEmpty, !p.pastWeekdays.contains(w) { return false }
        if let later = p.years.max(), later > date.year { return false }
        return true
    }

    /// A few words on what the two articles share, for the evidence line: the most telling
    /// names they both use, how many quotations they share, the weekday both tell of.
    static func sharedEvidence(_ a: [Paragraph], _ b: [Paragraph], _ profile: DatingClues, date: PartialDate, sim: EventSimilarity, total: Int) -> String {
        let names = SharedNames.shared(SharedNames.names(a), SharedNames.names(b), total: total, frequency: sim.frequency).prefix(3)
        let quotes = SharedNames.sharedQuotes(a, b)
        var shared = Array(names)
        if quotes > 0 { shared.append(quotes == 1 ? "a quote" : "\(quotes) quotes") }
        var parts: [String] = []
        if !shared.isEmpty {
            parts.append("shares " + (shared.count == 1 ? shared[0] : shared.dropLast().joined(separator: ", ") + " and " + shared.last!))
        }
        if let w = date.weekday, profile.pastWeekdays.contains(w) { parts.append("'on \(PublicationDating.weekdayName(w))'") }
        return parts.isEmpty ? "shared wording" : parts.joined(separator: "; ")
    }

    /// Groups articles linked by similar reports on compatible dates; labels groups of two or
    /// more ("story 1", … by their earliest date), by article number.
    static func stories(dates: [PartialDate?], ids: [String], scores: [Int: [(Int, Double)]]) -> [Int: String] {
        var parent = Array(dates.indices)
        func root(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        for (i, list) in scores {
            for (j, _) in list where j > i && compatible(dates[i], dates[j]) {
                parent[root(i)] = root(j)
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in dates.indices { groups[root(i), default: []].append(i) }
        let multi = groups.values.filter { $0.count >= 2 }.sorted { a, b in
            let da = a.compactMap { dates[$0] }.min(), db = b.compactMap { dates[$0] }.min()
            switch (da, db) {
            case let (x?, y?) where x != y: return x < y
            default: return ids[a[0]] < ids[b[0]]
            }
        }
        var labels: [Int: String] = [:]
        for (n, members) in multi.enumerated() {
            for i in members { labels[i] = "story \(n + 1)" }
        }
        return labels
    }

    /// Two dates that can belong to one event: unknown, or within a few days of each other.
    static func compatible(_ a: PartialDate?, _ b: PartialDate?) -> Bool {
        guard let a, let b else { return true }
        let x = DaySpan(a), y = DaySpan(b)
        return x.lo <= y.hi + 3 && y.lo <= x.hi + 3
    }
}

