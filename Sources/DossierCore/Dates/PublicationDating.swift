import Foundation

/// Decides when an article ran from what the article itself says, strongest evidence first:
/// a date given by the container, a date line under the headline, a weekday with its date, a
/// page stamp the text does not contradict, and at last just the year the text speaks of.
public enum PublicationDating {
    public static func date(doc: RawDocument, clean: CleanText) -> Publication {
        date(doc: doc, clean: clean, today: today())
    }

    /// `today` bounds the search for a year: a story is not published in the future.
    public static func date(doc: RawDocument, clean: CleanText, today: PartialDate) -> Publication {
        let firstParagraph = clean.paragraphs.first?.text ?? ""
        if let given = doc.published, let d = PartialDate(iso: given) ?? DateStamp.parse(given)?.date {
            var evidence = "the published field '\(given)'"
            if let header = doc.metadata["header"], header.contains(given) {
                let shown = header.contains(":") ? header : header.split(separator: " ").prefix(2).joined(separator: " ")
                evidence = "the header line '\(shown)' at the top of the file"
            }
            if let line = Dateline.find(in: firstParagraph), let placed = line.resolved(near: d) {
                switch abs(d.days(to: placed) ?? 0) {
                case 0: evidence += "; the dateline '\(line.text)' agrees"
                case 1: evidence += "; the dateline '\(line.text)' is a day off (local time)"
                default: evidence += "; the dateline '\(line.text)' disagrees"
                }
            }
            return Publication(date: d, evidence: evidence)
        }
        if let line = clean.metadata["date line"], let stamp = DateStamp.parse(line) {
            return Publication(date: stamp.date, evidence: "the date line '\(line)' under the headline")
        }
        if let line = Dateline.find(in: firstParagraph), let year = line.year {
            return Publication(date: PartialDate(year: year, month: line.month, day: line.day), evidence: "the dateline '\(line.text)'")
        }
        let text = ([clean.title ?? ""] + clean.paragraphs.map(\.text)).joined(separator: "\n")
        let found = DateTagger.meanings(in: text)
        let captured = clean.metadata["capture stamp"].flatMap { s in DateStamp.parse(s).map { (s, $0) } }
        let mentionedYears = found.compactMap { f -> Int? in
            if case .absolute(let d) = f.meaning { return d.year } else { return nil }
        }
        var latest = today
        if let stamp = captured?.1.date, DaySpan(stamp).hi < DaySpan(today).lo { latest = PartialDate(year: stamp.year, month: 12, day: 31) }
        let upper = latest.year
        if let dated = weekdayDate(found, mentionedYears: mentionedYears.filter { $0 <= upper }, latest: latest) {
            return dated
        }
        if let (line, stamp) = captured, stamp.date.precision == .day {
            if let reason = contradiction(stamp, found: found, years: mentionedYears) {
                let onlyYear = yearOnly(found)
                let note = "the page stamp '\(line)' is when the page was captured, not the story's date (\(reason))"
                return onlyYear.map { Publication(date: $0.date, evidence: $0.evidence + "; " + note, inferred: true) }
                    ?? Publication(date: nil, evidence: "no date of its own: " + note)
            }
            return Publication(date: stamp.date, evidence: "the page stamp '\(line)'; nothing in the text contradicts it", inferred: true)
        }
        return yearOnly(found) ?? .unknown
    }

    /// "on Tuesday, November 29": the latest year, not in the future and not before any year the
    /// text mentions, in which that day fell on that weekday.
    static func weekdayDate(_ found: [(text: String, meaning: DateMeaning)], mentionedYears: [Int], latest: PartialDate) -> Publication? {
        let upper = latest.year
        for f in found.prefix(8) {
            guard let first = f.text.split(whereSeparator: { !$0.isLetter }).first,
                  let w = DateLexicon.weekdays[first.lowercased()], first.count > 3 else { continue }
            switch f.meaning {
            case .absolute(let d) where d.precision == .day:
                if d.weekday == w { return Publication(date: d, evidence: "the story's own date '\(f.text)'") }
            case let .monthDay(m, d, _):
                let lower = mentionedYears.max() ?? (upper - 30)
                guard lower <= upper else { continue }
                for y in stride(from: upper, through: lower, by: -1) where d <= Calendar.daysIn(month: m, year: y) {
                    let date = PartialDate(year: y, month: m, day: d)
                    guard date.weekday == w, DaySpan(date).lo <= DaySpan(latest).hi else { continue }
                    var why = "'\(f.text)': \(monthName(m)) \(d) fell on a \(weekdayName(w)) in \(y), the latest such year up to \(upper)"
                    if let latest = mentionedYears.max() { why += " and not before \(latest), the latest year the text names" }
                    return Publication(date: date, evidence: why, inferred: true)
                }
            default: continue
            }
        }
        return nil
    }

    /// Why a page stamp cannot be the story's date, if the text says so.
    static func contradiction(_ stamp: DateStamp, found: [(text: String, meaning: DateMeaning)], years: [Int]) -> String? {
        if stamp.weekdayDisagrees { return "its weekday does not match its date" }
        if let later = years.first(where: { $0 > stamp.date.year }) { return "the text names \(later)" }
        var named: [String] = []
        for f in found {
            if case .weekday(let w, _) = f.meaning {
                if w == stamp.date.weekday { return nil }
                named.append("'\(f.text)'")
            }
        }
        if !named.isEmpty { return "the story happens \(named.prefix(2).joined(separator: " and ")), not on a \(weekdayName(stamp.date.weekday ?? 1))" }
        if !years.isEmpty, !years.contains(stamp.date.year) { return "the text speaks of \(years.max()!)" }
        return nil
    }

    /// The latest year the text places something "in": all it supports without a day.
    static func yearOnly(_ found: [(text: String, meaning: DateMeaning)]) -> Publication? {
        let years = found.compactMap { f -> (String, Int)? in
            guard case .absolute(let d) = f.meaning, d.precision == .year, f.text.lowercased().hasPrefix("in ") else { return nil }
            return (f.text, d.year)
        }
        guard let best = years.max(by: { $0.1 < $1.1 }) else { return nil }
        return Publication(date: PartialDate(year: best.1), evidence: "only the year: the text speaks of '\(best.0)', the latest year it names", inferred: true)
    }

    static func monthName(_ m: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][m - 1]
    }

    static func weekdayName(_ w: Int) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][w - 1]
    }

    /// Today's date in UTC.
    static func today() -> PartialDate {
        let days = Int(Date().timeIntervalSince1970 / 86_400)
        let (y, m, d) = Calendar.civil(fromDayNumber: days)
        return PartialDate(year: y, month: m, day: d)
    }
}
