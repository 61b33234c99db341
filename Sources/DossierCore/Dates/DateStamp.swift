/// A line that is nothing but a date, in any of the languages page stamps come in:
/// "vineri, 3 mai 2024 - 13:26", "December 10, 2013", "Mittwoch, 10. Januar 2023, 08:15 Uhr",
/// "3 de mayo de 2024", "10/01/2023 14:05".
public struct DateStamp: Sendable, Hashable {
    public var date: PartialDate
    /// The weekday the stamp names, 1 = Monday … 7 = Sunday.
    public var weekday: Int?
    /// The stamp carries a clock time, as page widgets and capture tools print.
    public var hasTime: Bool
    /// The month or weekday name is not English.
    public var foreign: Bool
    /// Introduced by a label such as "Published" or "Posted": the page's own publication line.
    public var labelled: Bool = false

    static let labels: Set<String> = ["date", "dated", "published", "posted", "updated", "modified", "publicado", "publié", "publie", "veröffentlicht",
                                      "pubblicato", "publicat", "atualizado", "actualizado", "aktualisiert", "aggiornato", "actualizat"]

    /// Filler words stamps use around the date.
    static let fillers: Set<String> = [
        "de", "del", "di", "do", "da", "the", "of", "at", "um", "uhr", "à", "a", "le", "el", "la", "h", "am", "pm",
        "gmt", "utc", "cet", "cest", "est", "edt", "bst", "eet", "eest", "pst", "pdt", "ora", "ore", "às", "on",
        "date", "dated", "updated", "published", "posted", "last", "modified", "actualizado", "publicado", "mis", "à", "jour", "aktualisiert",
        "veröffentlicht", "pubblicato", "aggiornato", "publicat", "actualizat", "atualizado", "feira",
        "first", "p", "m", "et", "ct", "pt", "mt",
    ]

    /// Parses `line` when the whole of it is one date (with optional weekday and time).
    public static func parse(_ line: String) -> DateStamp? {
        // Every stamp has a year or a numeric date: a line without a digit is none.
        guard line.utf8.count <= 160, hasDigit(line), var stamp = parseDate(line) ?? parsePair(line) else { return nil }
        let first = line.split(whereSeparator: { !$0.isLetter }).first.map { $0.lowercased() } ?? ""
        stamp.labelled = labels.contains(first) || (first == "last" && line.lowercased().contains("modified"))
        return stamp
    }

    /// Whether the line has an ASCII digit, read from its contiguous bytes (stepping through
    /// `utf8` costs several times more; most short lines are asked).
    static func hasDigit(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { $0.contains { $0 &- 0x30 < 10 } }
    }

    /// "11:02, 5 Mar 2024 Updated 13:47, 5 Mar 2024": first publication and update on one line.
    static func parsePair(_ line: String) -> DateStamp? {
        guard line.includesAny(["pdated", "PDATED", "odified"]), let r = line.range(of: #"\s(updated|modified|last updated)\b"#, options: [.regularExpression, .caseInsensitive]),
              let first = parseDate(String(line[..<r.lowerBound])), parseDate(String(line[r.lowerBound...])) != nil else { return nil }
        return first
    }

    static func parseDate(_ line: String) -> DateStamp? {
        guard line.utf8.count <= 320, !firstWordRulesOut(line) else { return nil }
        let scalars = Array(line.unicodeScalars)
        guard scalars.count <= 80 else { return nil }
        let tokens = DateTokenizer.tokens(scalars)
        guard tokens.count >= 3 else { return nil }
        var numbers: [(value: Int, digits: Int)] = []
        var month: Int?, weekday: Int?, foreign = false, hasTime = false
        var i = 0
        while i < tokens.count {
            let tok = tokens[i]
            switch tok.kind {
            case .word:
                // Folding changes only letters outside ASCII (and the token is lowercase already).
                let w = tok.lower, f = w.utf8.allSatisfy({ $0 < 0x80 }) ? w : DateLexicon.folded(w)
                if let m = DateLexicon.monthTable[w], month == nil { month = m }
                else if let d = DateLexicon.weekdayTable[w], weekday == nil { weekday = d }
                else if let m = DateLexicon.foreignMonths[w] ?? DateLexicon.foreignMonths[f], month == nil { month = m; foreign = true }
                else if let d = DateLexicon.foreignWeekdays[w] ?? DateLexicon.foreignWeekdays[f], weekday == nil { weekday = d; foreign = true }
                else if !fillers.contains(w) && !fillers.contains(f) { return nil }
                // A zone offset after the zone: "GMT+1", "UTC-05:00".
                if w == "gmt" || w == "utc", i + 2 < tokens.count, ["+", "-", "−"].contains(tokens[i + 1].text), tokens[i + 2].kind == .number {
                    i += 3
                    if i + 1 < tokens.count, tokens[i].text == ":", tokens[i + 1].kind == .number { i += 2 }
                    continue
                }
            case .number:
                guard let v = tok.value else { return nil }
                // A clock time: 13:26, 08:15:02, 1.26 pm.
                if i + 2 < tokens.count, [":", "."].contains(tokens[i + 1].text), !tokens[i + 1].spaceBefore,
                   let mm = tokens[i + 2].value, tokens[i + 2].digits == 2, !tokens[i + 2].spaceBefore, v <= 24, mm < 60,
                   !(tokens[i + 1].text == "." && (i + 3 < tokens.count && tokens[i + 3].text == "." || month == nil && numbers.count < 2)) {
                    hasTime = true
                    i += 3
                    while i + 1 < tokens.count, tokens[i].text == ":", tokens[i + 1].kind == .number { i += 2 }
                    continue
                }
                numbers.append((v, tok.digits))
            case .punct:
                guard [",", "-", "–", "—", "|", "/", ".", "•", "·", "(", ")", "@", ":"].contains(tok.text) else { return nil }
            }
            i += 1
        }
        var year: Int?, day: Int?
        if let month {
            for n in numbers {
                if n.digits == 4, year == nil { year = n.value } else if n.digits <= 2, day == nil, (1...31).contains(n.value) { day = n.value } else { return nil }
            }
            guard let y = year, (1900...2100).contains(y) else { return nil }
            if let d = day, d > Calendar.daysIn(month: month, year: y) { return nil }
            return DateStamp(date: PartialDate(year: y, month: month, day: day), weekday: weekday, hasTime: hasTime, foreign: foreign)
        }
        // All-numeric: 10/01/2023 or 10.01.2023 (day first, as in most of the world) or 2023-01-10.
        guard numbers.count == 3 else { return nil }
        let (a, b, c) = (numbers[0], numbers[1], numbers[2])
        let ymd: (Int, Int, Int)
        if a.digits == 4 { ymd = (a.value, b.value, c.value) } else if c.digits == 4 { ymd = b.value > 12 ? (c.value, a.value, b.value) : (c.value, b.value, a.value) } else { return nil }
        guard (1...12).contains(ymd.1), (1...Calendar.daysIn(month: ymd.1, year: ymd.0)).contains(ymd.2), (1900...2100).contains(ymd.0) else { return nil }
        return DateStamp(date: PartialDate(year: ymd.0, month: ymd.1, day: ymd.2), weekday: weekday, hasTime: hasTime, foreign: false)
    }

    /// Whether the line's first word (read from its bytes while they are plain ASCII) is no
    /// month, weekday or filler, which `parseDate` would refuse: most lines end here, without
    /// tokens. An ordinal's letters ("1st") belong to its number, as the tokenizer reads them.
    static func firstWordRulesOut(_ line: String) -> Bool {
        let u = Array(line.utf8)
        func letter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
        var i = 0
        while i < u.count {
            guard u[i] < 0x80 else { return false }
            guard letter(u[i]) else { i += 1; continue }
            var j = i
            while j < u.count, letter(u[j]) { j += 1 }
            if j < u.count, u[j] >= 0x80 { return false }
            let word = String(decoding: u[i..<j].map { $0 | 0x20 }, as: UTF8.self)
            if i > 0, u[i - 1] &- 0x30 < 10, j - i == 2, ["st", "nd", "rd", "th"].contains(word) { i = j; continue }
            return DateLexicon.monthTable[word] == nil && DateLexicon.weekdayTable[word] == nil && DateLexicon.foreignMonths[word] == nil
                && DateLexicon.foreignWeekdays[word] == nil && !fillers.contains(word)
        }
        return false
    }

    /// The named weekday does not fall on the date: a stamp to distrust.
    public var weekdayDisagrees: Bool {
        guard let weekday, let actual = date.weekday else { return false }
        return weekday != actual
    }
}
