/// One date expression found in a run of tokens: `first..<end` are its tokens.
struct DateMatch: Sendable, Hashable {
    var first: Int
    var end: Int
    var meaning: DateMeaning
    /// False for a time expression whose value is no calendar date: a part of a day, a quarter
    /// or season, a decade. It is still read (publication dating uses its
    /// weekday) but the timeline gets no event, since a day or month for it would be wrong.
    var calendar = true
    /// Counted from the date the text last named ("two years later", "the next day"), not from
    /// the article's own date.
    var anaphoric = false

    init(first: Int, end: Int, meaning: DateMeaning, calendar: Bool = true, anaphoric: Bool = false) {
        self.first = first; self.end = end; self.meaning = meaning; self.calendar = calendar; self.anaphoric = anaphoric
    }

    func nonCalendar() -> DateMatch { DateMatch(first: first, end: end, meaning: meaning, calendar: false, anaphoric: anaphoric) }
}

/// Finds date expressions in the tokens of one paragraph. English, news style.
struct DateMatcher {
    let t: [DateToken]

    init(_ tokens: [DateToken]) { t = tokens }

    /// Every expression, left to right, none overlapping.
    func matches() -> [DateMatch] {
        var result: [DateMatch] = []
        // Fetched once: each access to a global checks that it is initialised.
        let starters = Self.starters
        var i = 0
        while i < t.count {
            if mayStart(i, starters), let m = match(at: i) {
                result.append(m)
                i = max(m.end, i + 1)
            } else {
                i += 1
            }
        }
        return result
    }

    /// Whether any rule of `match(at:)` could start at token `i`: each asks first for a number
    /// or for one of `starters`. Most tokens of a paragraph are neither, and one lookup rules
    /// them out where the rules would each ask again.
    func mayStart(_ i: Int, _ starters: Lexicon) -> Bool {
        switch t[i].kind {
        case .number: return true
        case .punct: return false
        case .word: return starters.contains(t[i].lower)
        }
    }

    /// The words some rule may start at: units and seasons (`period`), month, weekday and
    /// holiday names, counts and approximators (`ago`, `counted`), and the words that open a
    /// relative or anaphoric expression.
    static let starters = Lexicon(countedPeriods.words.union(seasons).union(holidayWords).union(DateLexicon.approximators)
        .union(DateLexicon.months.keys).union(DateLexicon.weekdays.keys).union(DateLexicon.numberWords.keys)
        .union(["the", "that", "today", "tonight", "yesterday", "tomorrow", "this", "last", "previous", "current", "next", "coming", "more", "less"]))

    // MARK: token tests

    func word(_ i: Int) -> String? { i >= 0 && i < t.count && t[i].kind == .word ? t[i].lower : nil }
    func isWord(_ i: Int, _ set: Set<String>) -> Bool { word(i).map(set.contains) ?? false }
    func isWord(_ i: Int, _ set: Lexicon) -> Bool { word(i).map { set.contains($0) } ?? false }
    /// For short literal lists: scanning an array costs less than hashing a new set per call.
    func isWord(_ i: Int, _ list: [String]) -> Bool { word(i).map(list.contains) ?? false }
    func isPunct(_ i: Int, _ p: String) -> Bool { i >= 0 && i < t.count && t[i].kind == .punct && t[i].text == p }
    /// Token `i` touches the one before it (no white space between).
    func glued(_ i: Int) -> Bool { i < t.count && !t[i].spaceBefore }
    func number(_ i: Int) -> DateToken? { i >= 0 && i < t.count && t[i].kind == .number ? t[i] : nil }

    func monthName(_ i: Int) -> (month: Int, abbreviated: Bool)? {
        guard let w = word(i), t[i].isCapitalized, let m = DateLexicon.monthTable[w] else { return nil }
        return (m, w.count <= 4 && w != "may" && w != "june" && w != "july")
    }

    func weekdayName(_ i: Int) -> (day: Int, abbreviated: Bool)? {
        guard let w = word(i), t[i].isCapitalized, let d = DateLexicon.weekdayTable[w] else { return nil }
        return (d, !w.hasSuffix("day"))
    }

    /// A day of the month: one or two digits (or an ordinal), not part of a longer number.
    func dayNumber(_ i: Int) -> Int? {
        guard let n = number(i), n.digits <= 2, let v = n.value, (1...31).contains(v) else { return nil }
        if isPunct(i + 1, ":") && glued(i + 1) { return nil }
        if isPunct(i + 1, ".") && glued(i + 1) && number(i + 2) != nil && glued(i + 2) { return nil }
        if isPunct(i + 1, ",") && glued(i + 1) && number(i + 2) != nil && glued(i + 2) { return nil }
        return v
    }

    /// A four-digit year that stands on its own (not "1986/87", "2,000", "1990s").
    func yearNumber(_ i: Int, loose: Bool = false) -> Int? {
        guard let n = number(i), n.digits == 4, n.text.count == 4, let v = n.value, (1000...2999).contains(v) else { return nil }
        if !loose && !(1800...2099).contains(v) { return nil }
        if i + 1 < t.count, glued(i + 1) {
            let next = t[i + 1]
            if next.kind != .punct { return nil }
            if ["/", "-", "–", ":"].contains(next.text), number(i + 2) != nil, glued(i + 2) { return nil }
            if next.text == "%" { return nil }
            if [",", "."].contains(next.text), number(i + 2) != nil, glued(i + 2) { return nil }
        }
        if i > 0, glued(i), t[i - 1].kind == .punct, ["$", "€", "£", "#", "/", ",", "."].contains(t[i - 1].text) { return nil }
        return v
    }

    // MARK: patterns

    func match(at i: Int) -> DateMatch? {
        if let m = numeric(at: i) ?? period(at: i) ?? decade(at: i) ?? anaphora(at: i) ?? weekdayLed(at: i) { return m }
        if let m = monthLed(at: i) ?? dayLed(at: i) ?? relativeWord(at: i) ?? relativePeriod(at: i) ?? holiday(at: i) { return m }
        return ago(at: i) ?? partOfYear(at: i) ?? bareYear(at: i)
    }

    /// 2023-01-10, 1/10/2023, 7/8/07 (month first, the American order).
    func numeric(at i: Int) -> DateMatch? {
        guard let a = number(i), i + 4 < t.count, glued(i + 1), glued(i + 2), glued(i + 3), glued(i + 4),
              t[i + 1].kind == .punct, t[i + 1].text == t[i + 3].text, let b = number(i + 2)?.value, let c = number(i + 4) else { return nil }
        if i + 5 < t.count, glued(i + 5), t[i + 5].kind != .punct { return nil }
        let sep = t[i + 1].text
        if sep == "-", a.digits == 4, let y = a.value, let d = c.value, c.digits <= 2 {
            guard let date = PartialDate(iso: String(format: "%04d-%02d-%02d", y, b, d)) else { return nil }
            return DateMatch(first: i, end: i + 5, meaning: .absolute(date))
        }
        if sep == "/", a.digits <= 2, c.digits == 4 || c.digits == 2, let m = a.value, var y = c.value {
            if c.digits == 2 { y += y < 50 ? 2000 : 1900 }
            let (month, day) = m <= 12 ? (m, b) : (b, m)
            guard month <= 12, let date = PartialDate(iso: String(format: "%04d-%02d-%02d", y, month, day)) else { return nil }
            return DateMatch(first: i, end: i + 5, meaning: .absolute(date))
        }
        return nil
    }

    /// "the first quarter of last year", "the same period a year ago", "the last week of March",
    // Word lists of the rules below, built once rather than at every call.
    static let dayEndingVerbs: Lexicon = ["end", "ending", "ended", "ends", "finish", "finishing", "finished", "close", "closing", "closed", "for", "in", "of"]
    static let unitWords: Lexicon = ["gmt", "hrs", "hours", "utc", "est", "bst", "cet", "pm", "am", "local", "times", "feet", "meters", "metres", "miles", "km", "kilometres", "kilometers", "tons", "tonnes", "dlrs", "dollars", "euros", "pounds", "yen", "mln", "billion", "million", "votes", "seats", "points", "shares", "bags", "barrels", "cars", "jobs", "people", "troops", "soldiers", "employees", "workers", "units", "members", "acres", "kg", "km²"]
    static let pluralLookalikes: Lexicon = ["as", "was", "is", "has", "its", "this", "his", "thus", "always", "plus", "across", "unless", "whereas", "besides", "perhaps", "yes", "towards", "afterwards", "sales", "earnings", "results", "levels", "figures", "elections", "olympics", "games"]
    static let futureMarkers: Lexicon = ["may", "might", "should", "intends", "aims", "hopes", "wants", "seeks", "will", "shall", "ll", "going", "scheduled", "expected", "upcoming", "plans", "plan", "planned", "due", "set", "until", "next", "later", "ahead", "coming", "tomorrow"]
    static let pastMarkers: Lexicon = ["said", "told", "was", "were", "had", "did", "made", "went", "came", "took", "gave", "met", "held", "saw", "spoke", "wrote", "left", "began", "won", "lost", "fell", "rose", "ago", "last", "earlier", "since"]
    static let seasons: Lexicon = ["spring", "summer", "autumn", "fall", "winter"]
    static let countedPeriods: Lexicon = ["quarter", "half", "period", "month", "week", "weekend", "semester", "season"]
    static let periodOrdinals: Lexicon = ["first", "second", "third", "fourth", "last", "final", "latter", "same", "previous", "opening", "closing"]

    /// "fall 2007": a part of a year that no calendar value names (TimeML gives it a quarter,
    /// week or season). Read whole, so the year or month inside it is not tagged on its own.
    func period(at i: Int) -> DateMatch? {
        guard let w = word(i) else { return nil }
        if Self.countedPeriods.contains(w) {
            let ordinals = Self.periodOrdinals
            let before = isPunct(i - 1, "-") && glued(i) ? i - 2 : i - 1
            guard isWord(before, ordinals) || (number(before).map { ($0.value ?? 0) <= 4 && $0.text.count > $0.digits } ?? false) else { return nil }
        } else if !Self.seasons.contains(w) {
            return nil
        }
        var j = i + 1
        if let y = yearNumber(j) { return DateMatch(first: i, end: j + 1, meaning: .absolute(PartialDate(year: y)), calendar: false) }
        let shift: [String: Int] = ["last": -1, "this": 0, "next": 1, "previous": -1, "current": 0]
        if let k = word(j).flatMap({ shift[$0] }), word(j + 1) == "year" {
            return DateMatch(first: i, end: j + 2, meaning: .years(k), calendar: false)
        }
        if word(j) == "a", word(j + 1) == "year", isWord(j + 2, ["ago", "earlier", "before"]) {
            return DateMatch(first: i, end: j + 3, meaning: .years(-1), calendar: false)
        }
        guard isWord(j, ["of", "in"]) else { return nil }
        j += 1
        if word(j) == "the" {
            if word(j + 1) == "year" { return DateMatch(first: i, end: j + 2, meaning: .years(0), calendar: false) }
            j += 1
        }
        if let y = yearNumber(j) { return DateMatch(first: i, end: j + 1, meaning: .absolute(PartialDate(year: y)), calendar: false) }
        if let k = word(j).flatMap({ shift[$0] }), word(j + 1) == "year" {
            return DateMatch(first: i, end: j + 2, meaning: .years(k), calendar: false)
        }
        if let m = monthLed(at: j, allowBare: true) ?? dayLed(at: j), m.first == j {
            return DateMatch(first: i, end: m.end, meaning: m.meaning, calendar: false)
        }
        return nil
    }

    /// "the 1980's", "the late 1990's": a decade, which no year stands for.
    func decade(at i: Int) -> DateMatch? {
        guard let n = number(i), n.digits == 4, n.text.count == 4, let v = n.value, v % 10 == 0,
              isPunct(i + 1, "'") || isPunct(i + 1, "’"), glued(i + 1), word(i + 2) == "s", glued(i + 2) else { return nil }
        let the = isWord(i - 1, ["early", "late", "mid"]) ? i - 2 : (isPunct(i - 1, "-") && isWord(i - 2, ["mid"]) ? i - 3 : i - 1)
        guard word(the) == "the" else { return nil }
        return DateMatch(first: the, end: i + 3, meaning: .absolute(PartialDate(year: v)), calendar: false)
    }

    /// Holidays on a fixed day: "Christmas Eve", "on Christmas Day", "New Year's Eve", "Boxing
    /// Day", "Valentine's Day", "Bastille Day", "Halloween", placed in a year like "December 25".
    /// A bare "Christmas" is the day only after a lead-in ("before Christmas"), not in "Christmas sales".
    func holiday(at i: Int) -> DateMatch? {
        guard let w = word(i), t[i].isCapitalized, Self.holidayWords.contains(w) else { return nil }
        func named(_ k: Int, _ words: [String]) -> Bool { isWord(k, words) && t[k].isCapitalized }
        /// Past a possessive "'s" ("New Year's", "Valentine's").
        func afterPossessive(_ k: Int) -> Int { (isPunct(k, "'") || isPunct(k, "’")) && word(k + 1) == "s" ? k + 2 : k }
        var month: Int, day: Int, end = i + 1
        switch w {
        case "christmas":
            if named(i + 1, ["eve"]) { (month, day, end) = (12, 24, i + 2) }
            else if named(i + 1, ["day"]) { (month, day, end) = (12, 25, i + 2) }
            else if isWord(i - 1, ["on", "at", "before", "after", "since", "until", "till", "by", "over", "for", "this", "last", "next", "during", "around"]) { (month, day) = (12, 25) }
            else { return nil }
        case "new":
            guard named(i + 1, ["year"]) else { return nil }
            let k = afterPossessive(i + 2)
            guard named(k, ["day", "eve"]) else { return nil }
            (month, day, end) = word(k) == "day" ? (1, 1, k + 1) : (12, 31, k + 1)
        case "valentine":
            let k = afterPossessive(i + 1)
            guard named(k, ["day"]) else { return nil }
            (month, day, end) = (2, 14, k + 1)
        case "boxing", "bastille":
            guard named(i + 1, ["day"]) else { return nil }
            (month, day, end) = w == "boxing" ? (12, 26, i + 2) : (7, 14, i + 2)
        default:
            (month, day) = (10, 31)
        }
        let first = leadIn(before: i)
        let lean: Lean?
        switch word(first) == "in" || first == i ? word(i - 1) : word(first) {
        case "last": lean = .strictPast
        case "next": lean = .strictFuture
        case "by", "until", "till": lean = .future
        default: lean = stated(at: i)
        }
        return DateMatch(first: first, end: end, meaning: .monthDay(month: month, day: day, lean: lean))
    }

    static let holidayWords: Lexicon = ["christmas", "new", "valentine", "boxing", "bastille", "halloween"]

    /// "Tuesday, November 29", "on Tuesday", "last Friday".
    func weekdayLed(at i: Int) -> DateMatch? {
        guard let (w, abbreviated) = weekdayName(i) else { return nil }
        var j = i + 1
        if isPunct(j, ".") && abbreviated { j += 1 }
        if isPunct(j, ",") { j += 1 }
        if let date = monthLed(at: j, allowBare: false) ?? dayLed(at: j) {
            return DateMatch(first: i, end: date.end, meaning: date.meaning)
        }
        guard !abbreviated else { return nil }
        // "Black Monday", "Good Friday": a name, not a day near the story. Only the few words
        // that make such names count: "in Europe and Asia Monday" is a date.
        if i > 0, t[i - 1].kind == .word, t[i - 1].isCapitalized, DateLexicon.namedDayModifiers.contains(t[i - 1].lower) { return nil }
        // "every Monday" recurs (a SET in TimeML): no single day.
        if isWord(i - 1, ["every", "each"]) { return nil }
        var first = i
        var lean = Lean.past
        if let prev = word(i - 1) {
            switch prev {
            case "last": lean = .strictPast; first = i - 1
            case "next": lean = .strictFuture; first = i - 1
            case "until", "till", "by": lean = .future; first = i - 1
            case "this", "on", "since", "from", "before", "after": first = i - 1; lean = tense(at: i - 1)
            default: lean = tense(at: i)
            }
        } else {
            lean = tense(at: i)
        }
        // "Friday morning", "12:00 UTC Monday": a part of a day or a time (a TIME in TimeML),
        // not the day itself.
        if isWord(i + 1, ["morning", "afternoon", "evening", "night"]) || followsClockTime(first) {
            return DateMatch(first: first, end: i + 2, meaning: .weekday(w, lean), calendar: false)
        }
        return DateMatch(first: first, end: i + 1, meaning: .weekday(w, lean))
    }

    /// "March 3, 2006", "November 29-30", "Feb. 26", "November 2010", "in April".
    func monthLed(at i: Int, allowBare: Bool = true) -> DateMatch? {
        guard let (m, abbreviated) = monthName(i) else { return nil }
        var j = i + 1
        if abbreviated, isPunct(j, "."), glued(j) { j += 1 }
        if let d = dayNumber(j), yearNumber(j, loose: true) == nil {
            var end = j + 1
            if (isPunct(end, "-") || isPunct(end, "–")), glued(end), let d2 = dayNumber(end + 1), glued(end + 1), d2 > d { end += 2 }
            var k = end
            if isPunct(k, ",") { k += 1 }
            if let y = yearNumber(k, loose: true) {
                guard d <= Calendar.daysIn(month: m, year: y) else { return nil }
                return DateMatch(first: i, end: k + 1, meaning: .absolute(PartialDate(year: y, month: m, day: d)))
            }
            guard d <= Calendar.daysIn(month: m, year: 2000) else { return nil }
            // "the September 11 attacks" name the day of 2001, whatever year the story ran.
            if m == 9, d == 11, isWord(end, ["attacks", "attack", "terrorist", "terror", "hijackings", "commission"]) {
                return DateMatch(first: i, end: end, meaning: .absolute(PartialDate(year: 2001, month: 9, day: 11)))
            }
            return DateMatch(first: i, end: end, meaning: .monthDay(month: m, day: d, lean: stated(at: i)))
        }
        var k = j
        if isPunct(k, ",") || (word(k) == "of" && yearNumber(k + 1, loose: true) != nil) { k += 1 }
        if let y = yearNumber(k, loose: true) {
            return DateMatch(first: leadIn(before: i), end: k + 1, meaning: .absolute(PartialDate(year: y, month: m)))
        }
        guard allowBare, !abbreviated else { return nil }
        // "September and October of 2007", "in August or September of this year": the first
        // month takes the year the second one states.
        if isWord(i + 1, ["and", "or", "to", "through", "until", "till"]), let other = monthLed(at: i + 2, allowBare: false) ?? monthOfYear(at: i + 2),
           let meaning = other.meaning.withMonth(m) {
            return DateMatch(first: leadIn(before: i), end: i + 1, meaning: meaning)
        }
        let first = leadIn(before: i)
        let prev = word(i - 1)
        // "May", "March" and "August" are also ordinary words: only with a lead-in.
        if ["may", "march", "august"].contains(t[i].lower), first == i, prev != "of" { return nil }
        if isPunct(i + 1, "-") || isPunct(i - 1, "-") && !isWord(i - 2, ["mid"]) { return nil }
        if let m = monthOfYear(at: i) { return DateMatch(first: first, end: m.end, meaning: m.meaning) }
        let lean: Lean?
        switch word(first) == "in" || first == i ? prev : word(first) {
        case "last": lean = .strictPast
        case "next": lean = .strictFuture
        case "by", "until", "till": lean = .future
        // "the August jobs report", "October sales": a month that names a noun is the nearest one.
        case _ where first == i && word(i + 1) != nil && !t[i + 1].isCapitalized && !isWord(i + 1, ["and", "or", "to", "through", "until", "till"]):
            lean = nil
        // Without a tense to go by, the nearest such month: a story of late January that
        // mentions "March" means the coming one more often than the one ten months back.
        default: lean = stated(at: i)
        }
        return DateMatch(first: first, end: i + 1, meaning: .month(m, lean))
    }

    /// "October of next year", "January of this year".
    func monthOfYear(at i: Int) -> DateMatch? {
        guard let (m, abbreviated) = monthName(i), !abbreviated, word(i + 1) == "of", let w = word(i + 2), word(i + 3) == "year",
              let k = ["next": 1, "last": -1, "this": 0, "the": 0][w] else { return nil }
        return DateMatch(first: i, end: i + 4, meaning: .monthOfYear(m, k))
    }

    /// "11 December", "3 March 2006", "the 5th of May".
    func dayLed(at i: Int) -> DateMatch? {
        guard let d = dayNumber(i) else { return nil }
        var j = i + 1
        if isWord(j, ["of"]) { j += 1 }
        guard let (m, abbreviated) = monthName(j) else { return nil }
        var k = j + 1
        if abbreviated, isPunct(k, "."), glued(k) { k += 1 }
        var y = k
        if isPunct(y, ",") { y += 1 }
        if let year = yearNumber(y, loose: true) {
            guard d <= Calendar.daysIn(month: m, year: year) else { return nil }
            return DateMatch(first: i, end: y + 1, meaning: .absolute(PartialDate(year: year, month: m, day: d)))
        }
        guard d <= Calendar.daysIn(month: m, year: 2000) else { return nil }
        if ["may", "march", "august"].contains(t[j].lower), word(j - 1) != "of", isWord(k, ["be", "have", "not", "also", "well"]) { return nil }
        return DateMatch(first: i, end: k, meaning: .monthDay(month: m, day: d, lean: stated(at: i)))
    }

    /// "today", "yesterday", "tomorrow", "tonight", "earlier today", "this morning", "last night".
    func relativeWord(at i: Int) -> DateMatch? {
        guard let w = word(i) else { return nil }
        let offset: Int
        var first = i, end = i + 1
        switch w {
        case "today", "tonight": offset = 0
        case "yesterday": offset = -1
        case "tomorrow": offset = 1
        case "this" where isWord(i + 1, ["morning", "afternoon", "evening"]): offset = 0; end = i + 2
        case "last" where isWord(i + 1, ["night"]): offset = -1; end = i + 2
        default: return nil
        }
        if ["today", "yesterday", "tomorrow"].contains(w), isWord(i + 1, ["morning", "afternoon", "evening", "night"]) { end = i + 2 }
        if isWord(i - 1, ["earlier", "later"]), w == "today" { first = i - 1 }
        // "the cars of tomorrow": the generic future.
        if word(i - 1) == "of", end == i + 1, w == "tomorrow" { return nil }
        // "tonight", "this morning", "last night": a part of a day, not a calendar day.
        let partOfDay = w == "tonight" || end == i + 2 || followsClockTime(first)
        return DateMatch(first: first, end: end, meaning: .days(offset, spread: 0), calendar: !partOfDay)
    }

    /// "last week", "this month", "next year", "earlier this year", "the previous year".
    func relativePeriod(at i: Int) -> DateMatch? {
        guard let w = word(i), let unit = word(i + 1), ["week", "weekend", "month", "year"].contains(unit) else { return nil }
        let k: Int
        switch w {
        case "last", "previous": k = -1
        case "this", "current": k = 0
        case "next", "coming": k = 1
        default: return nil
        }
        if w == "coming" && word(i - 1) != "the" { return nil }
        if w == "previous" || w == "current" || w == "coming" {
            guard word(i - 1) == "the" else { return nil }
        }
        // "last year's", fine; "last year-long" is not a date.
        if isPunct(i + 2, "-"), glued(i + 2) { return nil }
        // "over the last year" is a duration; "the last week of March" a part of March.
        if w == "last", word(i - 1) == "the", word(i + 2) == "of" && (monthName(i + 3) != nil || yearNumber(i + 3) != nil) || isWord(i - 2, ["over", "in", "during", "within", "throughout", "since"]) { return nil }
        // "over the next year", "within the coming month": durations too.
        if w == "next" || w == "coming", word(i - 1) == "the", isWord(i - 2, ["over", "in", "during", "within", "throughout", "for"]) { return nil }
        var first = i
        if w == "this", isWord(i - 1, ["earlier", "later"]) { first = i - 1 }
        if ["previous", "current", "coming"].contains(w) { first = i - 1 }
        let meaning: DateMeaning
        switch unit {
        case "week": meaning = .weeks(k)
        case "weekend": meaning = .weekend(k)
        case "month": meaning = .months(k)
        default: meaning = .years(k)
        }
        // A week is shown as the month (or year) it falls in: readers expect "last week" on the
        // timeline, and that value claims no more precision than the phrase has.
        return DateMatch(first: first, end: i + 2, meaning: meaning)
    }

    /// "nearly 11 months ago", "a week ago", "two years ago".
    func ago(at i: Int) -> DateMatch? {
        var j = i
        var approximate = false
        while isWord(j, DateLexicon.approximators) || (isWord(j, ["more", "less"]) && isWord(j + 1, ["than"])) {
            approximate = true
            j += isWord(j, ["more", "less"]) ? 2 : 1
        }
        let count: Int
        if let n = number(j), n.digits <= 3, let v = n.value { count = v }
        else if let w = word(j), let v = DateLexicon.numberTable[w] { count = v }
        else { return nil }
        guard let unit = word(j + 1), word(j + 2) == "ago" else { return nil }
        let meaning: DateMeaning
        switch unit {
        case "day", "days": meaning = .days(-count, spread: approximate ? max(1, count / 4) : 0)
        case "week", "weeks": meaning = .days(-7 * count, spread: approximate ? max(2, 7 * count / 4) : 0)
        case "month", "months": meaning = .months(-count)
        case "year", "years": meaning = .years(-count)
        default: return nil
        }
        return DateMatch(first: i, end: j + 3, meaning: meaning)
    }

    /// A day, month or year counted from the date the text last named: "the same day", "ended
    /// the day", "that year" (0), "the next day", "the following year", "two months later" (+),
    /// "the previous day", "a week earlier", "the year before" (−). "The day before the vote"
    /// counts from the vote, which is no date: "before" and "after" count only at punctuation.
    func anaphora(at i: Int) -> DateMatch? {
        // Asked at every token: only "the", "that" and counts can start one.
        guard let w0 = word(i) else {
            return number(i) == nil ? nil : counted(at: i)
        }
        guard w0 == "the" || w0 == "that" || DateLexicon.numberTable[w0] != nil else { return nil }
        func shift(_ unit: String, _ k: Int, end: Int) -> DateMatch? { anaphoric(unit, k, first: i, end: end) }
        let units = Self.anaphoricUnits
        // "later that day", "in that year", "That year, …"; not "that day has come".
        if word(i) == "that", let u = word(i + 1), units.contains(u), !isWord(i + 2, ["of"]),
           isWord(i - 1, ["later", "earlier", "on", "in", "by", "during", "until", "till", "since", "from", "for", "of", "throughout"]) || isPunct(i + 2, ",") {
            return shift(u, 0, end: i + 2)
        }
        if word(i) == "the" {
            if word(i + 1) == "same", let u = word(i + 2), units.contains(u), !isWord(i + 3, ["of", "a", "last", "period"]) { return shift(u, 0, end: i + 3) }
            if let u = word(i + 2), units.contains(u), !isWord(i + 3, ["of"]) {
                // "over the next year" is a stretch of time, not a date.
                if isWord(i + 1, ["next", "following"]), !(word(i + 1) == "next" && isWord(i - 1, ["over", "within", "during", "in", "for", "throughout"])) {
                    return shift(u, 1, end: i + 3)
                }
                if u == "day", isWord(i + 1, ["previous", "preceding"]) { return shift(u, -1, end: i + 3) }
            }
            if let u = word(i + 1), units.contains(u), isWord(i + 2, ["before", "after"]), ends(i + 3) {
                return shift(u, word(i + 2) == "after" ? 1 : -1, end: i + 3)
            }
            guard word(i + 1) == "day", isWord(i - 1, Self.dayEndingVerbs), !isWord(i + 2, ["before", "after", "of", "when", "that", "on"]) else { return nil }
            return shift("day", 0, end: i + 2)
        }
        return counted(at: i)
    }

    static let anaphoricUnits: Lexicon = ["day", "month", "year"]

    /// The phrase ends at token `k`: punctuation or the end of the paragraph.
    func ends(_ k: Int) -> Bool { k >= t.count || t[k].kind == .punct }

    /// `k` days, weeks, months or years on from the date last named.
    func anaphoric(_ unit: String, _ k: Int, first: Int, end: Int) -> DateMatch? {
        let meaning: DateMeaning
        switch unit {
        case "day": meaning = .days(k, spread: 0)
        case "week": meaning = .days(7 * k, spread: 0)
        case "month": meaning = .months(k)
        case "year": meaning = .years(k)
        default: return nil
        }
        return DateMatch(first: first, end: end, meaning: meaning, anaphoric: true)
    }

    /// "two days later", "a month earlier", "three weeks before": counted from the date last named.
    func counted(at i: Int) -> DateMatch? {
        func shift(_ unit: String, _ k: Int, end: Int) -> DateMatch? { anaphoric(unit, k, first: i, end: end) }
        let count: Int
        if let n = number(i), n.digits <= 2, let v = n.value { count = v }
        else if let w = word(i), let v = DateLexicon.numberTable[w] { count = v }
        else { return nil }
        // "three days later than planned" compares with a plan, not with a day.
        guard var unit = word(i + 1), let later = word(i + 2), !isWord(i + 3, ["than"]) else { return nil }
        if unit.hasSuffix("s") { unit.removeLast() }
        switch later {
        case "later", "afterwards", "afterward": return shift(unit, count, end: i + 3)
        case "earlier": return shift(unit, -count, end: i + 3)
        case "before" where ends(i + 3): return shift(unit, -count, end: i + 3)
        default: return nil
        }
    }

    /// A clock time stands just before token `i` ("16:00 UTC today", "3 p.m. on Friday").
    func followsClockTime(_ i: Int) -> Bool {
        var k = i - 1
        if word(k) == "on" { k -= 1 }
        if isPunct(k, "."), glued(k) { k -= 1 }
        if isWord(k, ["utc", "gmt", "et", "est", "edt", "cet", "cest", "bst", "pst", "pdt", "am", "pm", "m"]) { return true }
        return number(k) != nil && isPunct(k - 1, ":") && glued(k)
    }

    func startsSentence(_ i: Int) -> Bool {
        i == 0 || (t[i - 1].kind == .punct && [".", "!", "?", "“", "\"", "(", "—"].contains(t[i - 1].text))
    }

    /// "the end of last year", "the beginning of the year", "early this year".
    func partOfYear(at i: Int) -> DateMatch? {
        guard word(i) == "the", isWord(i + 1, ["end", "beginning", "start", "middle", "rest"]), word(i + 2) == "of" else { return nil }
        let j = i + 3
        guard let w = word(j), word(j + 1) == "year" else { return nil }
        let k: Int
        switch w {
        case "this", "the": k = 0
        case "last": k = -1
        case "next": k = 1
        default: return nil
        }
        return DateMatch(first: i, end: j + 2, meaning: .years(k))
    }

    /// "2014", "in 2023", "since 2014", "mid-2011".
    func bareYear(at i: Int) -> DateMatch? {
        guard let y = yearNumber(i) else { return nil }
        if let next = word(i + 1), i + 1 < t.count {
            if !t[i + 1].spaceBefore { return nil }
            if Self.unitWords.contains(next) { return nil }
            if t[i + 1].isCapitalized == false, next.hasSuffix("s"), next.count > 3, !Self.pluralLookalikes.contains(next) { return nil }
        }
        // "fiscal 1998", "the first quarter of 1998": periods a calendar year cannot say.
        if isWord(i - 1, ["fiscal", "fy"]) || (word(i - 1) == "of" && isWord(i - 2, ["quarter", "half", "semester", "season"])) { return nil }
        if let prev = word(i - 1), ["no", "number", "nos", "flight", "route", "room", "page", "pages", "model", "version", "article", "section", "chapter", "paragraph", "resolution", "highway", "at", "rule", "nr"].contains(prev) { return nil }
        if isPunct(i - 1, "-"), glued(i), number(i - 2) != nil { return nil }
        // "Russell 2000 Index", "Windows 2000 Server": a number inside a name.
        if i > 0, t[i - 1].kind == .word, t[i - 1].isCapitalized, !DateLexicon.leadIns.contains(t[i - 1].lower),
           DateLexicon.monthTable[t[i - 1].lower] == nil, i + 1 < t.count, t[i + 1].kind == .word, t[i + 1].isCapitalized { return nil }
        return DateMatch(first: leadIn(before: i), end: i + 1, meaning: .absolute(PartialDate(year: y)))
    }

    /// Where an expression starts once its preposition or modifier is included ("in April",
    /// "since 2014", "in early June", "mid-2011").
    func leadIn(before i: Int) -> Int {
        var first = i
        if isPunct(first - 1, "-"), glued(first), isWord(first - 2, ["mid"]), glued(first - 1) { first -= 2 }
        if isWord(first - 1, ["early", "late", "mid"]) { first -= 1 }
        if isWord(first - 1, Self.plainLeadIns) { first -= 1 }
        else if isWord(first - 1, ["last", "next", "this"]), first == i { first -= 1 }
        return first
    }

    /// Lead-ins that stand before an expression alone, not as a modifier.
    static let plainLeadIns = Lexicon(DateLexicon.leadIns.subtracting(["of", "last", "next", "this", "early", "late", "mid"]))

    /// Past or future, from the nearest tense marker before the expression (or just after it
    /// when none stands before, as in "On Monday, ministers will…").
    func tense(at i: Int) -> Lean { stated(at: i) ?? .past }

    /// The tense of the clause around token `i`, when a marker shows it.
    func stated(at i: Int) -> Lean? {
        func classify(_ k: Int) -> Lean? {
            guard let w = word(k) else { return nil }
            // "was set on", "due to the storm": future only as "set to", "set for", "due on".
            if w == "set" {
                if isWord(k + 1, ["to", "for"]) { return .future }
                if word(k - 1) == "be" { return classify(k - 2) }
                return isWord(k - 1, ["was", "were", "had", "has", "have"]) ? .past : nil
            }
            if w == "due", word(k + 1) == "to", !isWord(k + 2, ["be", "begin", "start", "open", "close", "end", "arrive", "take", "meet", "launch", "report", "vote", "sign", "return"]) { return nil }
            if Self.futureMarkers.contains(w) { return .future }
            if Self.pastMarkers.contains(w) || (w.hasSuffix("ed") && w.count >= 5) {
                // A passive participle takes its tense from what stands before "be":
                // "to be held", "will be finalized", "may be signed".
                let aux = word(k - 1).map { $0.hasSuffix("ly") } ?? false ? k - 2 : k - 1
                if word(aux) == "be" { return word(aux - 1) == "to" ? .future : classify(aux - 1) }
                // "it is officially reported": a present passive says nothing of the time.
                if isWord(aux, ["is", "are", "am"]), w != "said" { return nil }
                return .past
            }
            return nil
        }
        /// A full stop inside a number ("0.9%") ends no clause.
        func endsClause(_ k: Int) -> Bool {
            guard t[k].kind == .punct, [".", "!", "?", ";"].contains(t[k].text) else { return false }
            return !(t[k].text == "." && number(k - 1) != nil && number(k + 1) != nil && glued(k) && glued(k + 1))
        }
        var k = i - 1
        while k >= 0, i - k <= 10 {
            if endsClause(k) { break }
            if let lean = classify(k) { return lean }
            k -= 1
        }
        k = i + 1
        while k < t.count, k - i <= 6 {
            if endsClause(k) { break }
            if let lean = classify(k) { return lean }
            k += 1
        }
        return nil
    }
}
