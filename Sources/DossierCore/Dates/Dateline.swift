/// A wire dateline at the head of a story: "SALVADOR, Feb 26 -", "WASHINGTON, March 3 (Reuters) -".
/// It gives the month and day but no year.
public struct Dateline: Sendable, Hashable {
    public var place: String
    public var month: Int
    public var day: Int
    /// Present in datelines that carry it ("LONDON, March 3, 2023 -").
    public var year: Int?
    /// The dateline as written, without the closing dash.
    public var text: String
    /// Where the story starts: the scalar offset after the closing dash and the spaces after it.
    public var storyStart: Int

    /// Looks for a dateline at the very start of a paragraph.
    public static func find(in paragraph: String) -> Dateline? {
        // The first scalars appended one by one: `Array(….prefix(140))` counts them first.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(140)
        for c in paragraph.unicodeScalars {
            guard scalars.count < 140 else { break }
            scalars.append(c)
        }
        return find(scalars)
    }

    /// The same for a paragraph's scalars (the quote reader has them already).
    static func find(in paragraph: [Unicode.Scalar]) -> Dateline? {
        find(paragraph.count <= 140 ? paragraph : Array(paragraph.prefix(140)))
    }

    /// Looks for a dateline in the first 140 scalars of a paragraph.
    private static func find(_ scalars: [Unicode.Scalar]) -> Dateline? {
        let tokens = DateTokenizer.tokens(scalars)
        guard let first = tokens.first, first.kind == .word, first.isCapitalized else { return nil }
        // The place: capitalised words and abbreviations ("RICHMOND, Va.", "N.Y."), then a comma.
        var i = 0
        var lastComma: Int?
        while i < tokens.count, i < 14 {
            let tok = tokens[i]
            if tok.kind == .punct, tok.text == "," { lastComma = i }
            if let m = DateLexicon.monthTable[tok.lower], tok.isCapitalized, let comma = lastComma, comma > 0,
               let dayTok = tokens.dropFirst(i + 1).first(where: { $0.text != "." }), dayTok.kind == .number,
               dayTok.digits <= 2, let d = dayTok.value, (1...31).contains(d) {
                var j = tokens.firstIndex(where: { $0.start == dayTok.start })! + 1
                var year: Int?
                var end = dayTok.end
                if j + 1 < tokens.count, tokens[j].text == ",", tokens[j + 1].digits == 4, let y = tokens[j + 1].value {
                    year = y; end = tokens[j + 1].end; j += 2
                }
                if j < tokens.count, tokens[j].text == "(" {
                    while j < tokens.count, tokens[j].text != ")" { j += 1 }
                    j += 1
                }
                guard j < tokens.count, ["-", "–", "—"].contains(tokens[j].text) else { return nil }
                let place = Scalars.string(scalars[0..<tokens[comma].start])
                guard d <= Calendar.daysIn(month: m, year: year ?? 2000) else { return nil }
                var start = tokens[j].end
                while start < scalars.count, scalars[start] == "-" || Scalars.isSpace(scalars[start]) { start += 1 }
                return Dateline(place: place, month: m, day: d, year: year, text: Scalars.string(scalars[0..<end]), storyStart: start)
            }
            guard tok.kind != .number, tok.kind == .punct || tok.isCapitalized || i == 0 else { return nil }
            i += 1
        }
        return nil
    }

    /// The dateline's day in the year that puts it nearest `date`.
    public func resolved(near date: PartialDate) -> PartialDate? {
        if let year { return PartialDate(year: year, month: month, day: day) }
        let candidates = [date.year - 1, date.year, date.year + 1].compactMap { y -> PartialDate? in
            day <= Calendar.daysIn(month: month, year: y) ? PartialDate(year: y, month: month, day: day) : nil
        }
        guard date.precision == .day else { return candidates.first { $0.year == date.year } }
        return candidates.min { abs(date.days(to: $0) ?? 999) < abs(date.days(to: $1) ?? 999) }
    }
}
