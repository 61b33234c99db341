/// Which way an expression without a year or week leans: "on Tuesday" in a report of what
/// happened is the last Tuesday, in "will meet on Tuesday" the next one.
enum Lean: Sendable, Hashable {
    case past, future
    /// "last Friday", "last September": strictly before the reference.
    case strictPast
    /// "next Friday": strictly after.
    case strictFuture
}

/// What a date expression means before it is placed on the calendar.
enum DateMeaning: Sendable, Hashable {
    /// A date that carries its own year.
    case absolute(PartialDate)
    /// "November 27": in the year the tense points to, else the nearest.
    case monthDay(month: Int, day: Int, lean: Lean?)
    /// "in April": the month of the year the tense points to; without a lean ("the August
    /// figures"), the last April unless that is more than eight months back.
    case month(Int, Lean?)
    /// "on Tuesday".
    case weekday(Int, Lean)
    /// "yesterday" = -1; `spread` widens an approximate count ("about ten days ago").
    case days(Int, spread: Int)
    /// "last week" = -1 (weeks start on Monday).
    case weeks(Int)
    /// "this weekend" = 0.
    case weekend(Int)
    case months(Int)
    case years(Int)
    /// "October of next year".
    case monthOfYear(Int, Int)

    /// The same kind of date in month `m`: "September" in "September and October of 2007".
    func withMonth(_ m: Int) -> DateMeaning? {
        switch self {
        case .absolute(let d) where d.month != nil && d.day == nil: return .absolute(PartialDate(year: d.year, month: m))
        case .monthOfYear(_, let k): return .monthOfYear(m, k)
        default: return nil
        }
    }

    /// A day or month without a year, placed in `year`.
    func inYear(_ year: Int) -> PartialDate? {
        switch self {
        case let .monthDay(m, d, _) where d <= Calendar.daysIn(month: m, year: year): return PartialDate(year: year, month: m, day: d)
        case let .month(m, _): return PartialDate(year: year, month: m)
        default: return nil
        }
    }

    /// True when the expression needs the article's date to mean anything.
    var isRelative: Bool { if case .absolute = self { return false } else { return true } }
}

/// A span of whole days, as day numbers (days since 1970-01-01), both ends included.
struct DaySpan: Sendable, Hashable {
    var lo: Int
    var hi: Int

    init(lo: Int, hi: Int) { self.lo = lo; self.hi = hi }

    /// The days a partial date covers.
    init(_ d: PartialDate) {
        if let m = d.month, let day = d.day {
            lo = Calendar.dayNumber(year: d.year, month: m, day: day); hi = lo
        } else if let m = d.month {
            lo = Calendar.dayNumber(year: d.year, month: m, day: 1)
            hi = Calendar.dayNumber(year: d.year, month: m, day: Calendar.daysIn(month: m, year: d.year))
        } else {
            lo = Calendar.dayNumber(year: d.year, month: 1, day: 1)
            hi = Calendar.dayNumber(year: d.year, month: 12, day: 31)
        }
    }

    /// The most precise partial date that covers the whole span, if one does within a year.
    var partialDate: PartialDate? {
        let (y1, m1, d1) = Calendar.civil(fromDayNumber: lo)
        let (y2, m2, d2) = Calendar.civil(fromDayNumber: hi)
        guard y1 == y2 else { return nil }
        if m1 != m2 { return PartialDate(year: y1) }
        if d1 != d2 {
            return PartialDate(year: y1, month: m1)
        }
        return PartialDate(year: y1, month: m1, day: d1)
    }

    func union(_ o: DaySpan) -> DaySpan { DaySpan(lo: min(lo, o.lo), hi: max(hi, o.hi)) }
}

enum DateResolver {
    /// Places a meaning on the calendar given the article's date; an article known only to the
    /// month or year gives only what holds for every day it could be.
    static func resolve(_ meaning: DateMeaning, reference: PartialDate?) -> PartialDate? {
        if case .absolute(let d) = meaning { return d }
        guard let reference else { return nil }
        let ref = DaySpan(reference)
        guard let a = span(meaning, on: ref.lo), let b = span(meaning, on: ref.hi), let date = a.union(b).partialDate else { return nil }
        // "less than two weeks ago" across a month's end covers only "that year": true, but no
        // value a reader or a gold standard gives it.
        if case .days(_, let spread) = meaning, spread > 0, date.precision == .year, reference.precision == .day { return nil }
        return date
    }

    /// The days an expression covers when the article ran on day `r`.
    static func span(_ meaning: DateMeaning, on r: Int) -> DaySpan? {
        let (ry, rm, _) = Calendar.civil(fromDayNumber: r)
        let rw = ((r % 7 + 7) % 7 + 3) % 7 + 1
        switch meaning {
        case .absolute(let d):
            return DaySpan(d)
        case let .monthDay(m, d, lean):
            var best: Int?, nearest: Int?
            for y in [ry - 1, ry, ry + 1] where d <= Calendar.daysIn(month: m, year: y) {
                let n = Calendar.dayNumber(year: y, month: m, day: d)
                if nearest == nil || abs(n - r) < abs(nearest! - r) { nearest = n }
                switch lean {
                case .past?, .strictPast?: if n > r { continue }
                case .future?, .strictFuture?: if n < r { continue }
                case nil: break
                }
                if best == nil || abs(n - r) < abs(best! - r) { best = n }
            }
            // A tense guessed from a nearby word does not outweigh a date within a month of the
            // story: "on November 11, maybe eliminated" in a story of November 5 is this year's.
            if let b = best, let n = nearest, abs(b - r) > 300, abs(n - r) <= 31 { best = n }
            return best.map { DaySpan(lo: $0, hi: $0) }
        case let .month(m, lean):
            let y: Int
            switch lean {
            case .past?: y = m <= rm ? ry : ry - 1
            case .strictPast?: y = m < rm ? ry : ry - 1
            case .future?: y = m >= rm ? ry : ry + 1
            case .strictFuture?: y = m > rm ? ry : ry + 1
            // News looks back more than ahead: up to eight months back, else ahead.
            case nil: y = (rm - m + 12) % 12 <= 8 ? (m <= rm ? ry : ry - 1) : (m > rm ? ry : ry + 1)
            }
            return DaySpan(PartialDate(year: y, month: m))
        case let .weekday(w, lean):
            let back = (rw - w + 7) % 7, ahead = (w - rw + 7) % 7
            let n: Int
            switch lean {
            case .past: n = r - back
            case .strictPast: n = r - (back == 0 ? 7 : back)
            case .future: n = r + ahead
            case .strictFuture: n = r + (ahead == 0 ? 7 : ahead)
            }
            return DaySpan(lo: n, hi: n)
        case let .days(k, spread):
            return DaySpan(lo: r + k - spread, hi: r + k + spread)
        case .weeks(let k):
            let monday = r - (rw - 1) + 7 * k
            return DaySpan(lo: monday, hi: monday + 6)
        case .weekend(let k):
            let saturday = r - (rw - 1) + 5 + 7 * k
            return DaySpan(lo: saturday, hi: saturday + 1)
        case .months(let k):
            let total = ry * 12 + (rm - 1) + k
            return DaySpan(PartialDate(year: total / 12, month: total % 12 + 1))
        case .years(let k):
            return DaySpan(PartialDate(year: ry + k))
        case let .monthOfYear(m, k):
            return DaySpan(PartialDate(year: ry + k, month: m))
        }
    }
}
