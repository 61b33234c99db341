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
        let plan = plan(sim.build(), clues: profiles.map(\.clues), dates: articles.map(\.published.date),
                        lendable: articles.map { lendable($0.published) }, ids: articles.map(\.id), article: { [articles] in articles[$0] })
        for (i, p) in plan.published {
            articles[i].published = p
            articles[i].events = DateTagger.events(AnalysisBudget.prefix(articles[i].paragraphs), reference: p)
        }
        for (i, story) in plan.stories { articles[i].metadata["story"] = story }
    }

    /// What inference changes: lent dates (the article's events are then read again against
    /// the new date) and story labels, by article number.
    struct Plan: Sendable {
        var published: [Int: Publication] = [:]
        var stories: [Int: String] = [:]
    }

    /// Only dates the articles found themselves can be lent to others: a day, not read off a page stamp.
    static func lendable(_ p: Publication) -> Bool { p.precision == .day && !p.evidence.hasPrefix(stampEvidence) }

    /// Inference from what it needs of each article: the similarity of their profiles, the
    /// date clues and dates they found themselves (and which may be lent), and their ids.
    /// `article` is asked only for the few articles whose date is lent and their partners,
    /// to say why.
    static func plan(_ sim: EventSimilarity, clues: [DatingClues], dates: [PartialDate?], lendable: [Bool], ids: [String],
                     article: (Int) -> Article) -> Plan {
        var plan = Plan()
        let count = dates.count
        guard count > 1 else { return plan }
        let index = sim.nameIndex()
        // Candidates and scores are pure and run on both cores, a slice of articles at a time
        // so that their lists never pile up; the pairs are taken in article order.
        var candidates = FlatLists<Int32>()
        let slice = 8192
        for lo in stride(from: 0, to: count, by: slice) {
            for c in ParallelMap.map(Array(lo..<min(count, lo + slice)), { sim.candidates($0, index: index) }) {
                candidates.append(c.map { Int32($0) })
            }
        }
        // Each pair once, where it is first met: (j, i) with j < i was taken at j when i is
        // among j's candidates.
        var pairs: [(Int32, Int32)] = []
        for i in 0..<count {
            for j in candidates[i] where !(Int(j) < i && candidates[Int(j)].contains(Int32(i))) { pairs.append((Int32(i), j)) }
        }
        candidates = FlatLists()
        let similarity = ParallelMap.map(pairs) { sim.score(Int($0.0), Int($0.1)) }
        let scores = Partners(count: count, pairs: pairs, similarity: similarity)
        let own = dates.indices.map { lendable[$0] ? dates[$0] : nil }
        var dated = dates
        for i in 0..<count where own[i] == nil {
            let partners = scores[i].sorted { $0.score > $1.score }
            guard let j = partners.first(where: { own[Int($0.other)] != nil && consistent(clues[i], dates[i], with: own[Int($0.other)]!) })
                    .map({ Int($0.other) }),
                  let date = own[j] else { continue }
            let a = article(i)
            let why = sharedEvidence(a.paragraphs, article(j).paragraphs, clues[i], date: date, sim: sim, total: count)
            var evidence = "same event as \(ids[j]) (\(why)): \(date.iso)"
            if a.published.date != nil { evidence += "; from this text alone: " + a.published.evidence }
            else if a.published != .unknown { evidence += "; " + a.published.evidence }
            dated[i] = date
            plan.published[i] = Publication(date: date, evidence: evidence, inferred: true)
        }
        plan.stories = stories(dates: dated, ids: ids, scores: scores)
        return plan
    }

    /// A lent date must agree with what the article says of itself: its weekdays, its year.
    static func consistent(_ p: DatingClues, _ mine: PartialDate?, with date: PartialDate) -> Bool {
        if let mine, DaySpan(mine).lo > DaySpan(date).hi || DaySpan(mine).hi < DaySpan(date).lo { return false }
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
    static func stories(dates: [PartialDate?], ids: [String], scores: Partners) -> [Int: String] {
        var parent = Array(dates.indices)
        func root(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        for i in dates.indices {
            for p in scores[i] where Int(p.other) > i && compatible(dates[i], dates[Int(p.other)]) {
                parent[root(i)] = root(Int(p.other))
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in dates.indices { groups[root(i), default: []].append(i) }
        // By earliest date (undated groups last), then first member's id and number: one order
        // whatever order the groups come in.
        func earliest(_ g: [Int]) -> PartialDate? { g.compactMap { dates[$0] }.min() }
        let multi = groups.values.filter { $0.count >= 2 }.sorted { a, b in
            let da = earliest(a), db = earliest(b)
            if da != db {
                switch (da, db) {
                case let (x?, y?): return x < y
                case (_?, nil): return true
                default: return false
                }
            }
            return (ids[a[0]], a[0]) < (ids[b[0]], b[0])
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

    /// Each article's partners: the articles scoring as reports of the same event with it,
    /// in the order their pairs were scored, all in one array.
    struct Partners {
        private var starts: [Int32]
        private var entries: [(other: Int32, score: Double)]

        init(count: Int, pairs: [(Int32, Int32)], similarity: [Double]) {
            var starts = [Int32](repeating: 0, count: count + 1)
            for (k, (i, j)) in pairs.enumerated() where similarity[k] >= sameEvent {
                starts[Int(i) + 1] += 1; starts[Int(j) + 1] += 1
            }
            for i in 0..<count { starts[i + 1] += starts[i] }
            var next = starts
            var entries = [(other: Int32, score: Double)](repeating: (0, 0), count: Int(starts[count]))
            for (k, (i, j)) in pairs.enumerated() where similarity[k] >= sameEvent {
                entries[Int(next[Int(i)])] = (j, similarity[k]); next[Int(i)] += 1
                entries[Int(next[Int(j)])] = (i, similarity[k]); next[Int(j)] += 1
            }
            self.starts = starts
            self.entries = entries
        }

        subscript(i: Int) -> ArraySlice<(other: Int32, score: Double)> { entries[Int(starts[i])..<Int(starts[i + 1])] }
    }
}
