/// Finds date expressions in the story and resolves them against the article's date.
public enum DateTagger {
    public static func events(_ paragraphs: [Paragraph], reference: Publication) -> [DateEvent] {
        events(paragraphs, scalars: paragraphs.map { Array($0.text.unicodeScalars) }, reference: reference)
    }

    /// The same, with each paragraph's scalars.
    static func events(_ paragraphs: [Paragraph], scalars: [[Unicode.Scalar]], reference: Publication) -> [DateEvent] {
        events(found: zip(paragraphs, scalars).map { Found($0, scalars: $1) }, reference: reference)
    }

    /// The same, from paragraphs already read into tokens and date expressions (which the
    /// corpus's event profiles read too).
    static func events(found: [Found], reference: Publication) -> [DateEvent] {
        var focus: PartialDate? = nil
        let narrative = isNarrative(found.flatMap { $0.matches.map(\.meaning) }, reference: reference.date)
        var result: [DateEvent] = []
        for f in found {
            result += events(f, reference: reference.date, earlier: result, narrative: narrative, focus: &focus)
        }
        return result
    }

    /// A paragraph's tokens and the date expressions in them.
    struct Found {
        var paragraph: Paragraph
        var scalars: [Unicode.Scalar]
        var tokens: [DateToken]
        var matches: [DateMatch]

        init(_ p: Paragraph, scalars: [Unicode.Scalar]? = nil) {
            paragraph = p
            self.scalars = scalars ?? Array(p.text.unicodeScalars)
            tokens = DateTokenizer.tokens(self.scalars)
            matches = DateMatcher(tokens).matches()
        }
    }

    /// A text that tells of years long before it was written (a history, an obituary) places a
    /// day or month without a year in the year it last named, not in the year it ran: in a story
    /// of 1941 written in 2010, "on 22 June" is 22 June 1941.
    static func isNarrative(_ meanings: [DateMeaning], reference: PartialDate?) -> Bool {
        let years = meanings.compactMap { m -> Int? in if case .absolute(let d) = m { return d.year } else { return nil } }
        guard years.count >= 4 else { return false }
        guard let now = reference?.year else { return true }
        return years.sorted()[years.count / 2] <= now - 5 && years.filter { $0 >= now - 1 }.count * 4 < years.count
    }

    /// At most `maxSentence` scalars of the sentence around the expression, cut at spaces, so a
    /// text without sentence breaks (a hostile one-line file) costs linear time, not quadratic.
    static let maxSentence = 400
    static func window(_ s: Range<Int>, around e: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int> {
        guard s.count > maxSentence else { return s }
        var lo = max(s.lowerBound, e.lowerBound - maxSentence / 2)
        var hi = min(s.upperBound, max(e.upperBound, lo + maxSentence))
        while lo > s.lowerBound, lo < e.lowerBound, !Scalars.isSpace(scalars[lo - 1]) { lo += 1 }
        while hi < s.upperBound, hi > e.upperBound, !Scalars.isSpace(scalars[hi]) { hi -= 1 }
        return lo..<hi
    }

    /// The dated expressions of one paragraph; those that cannot be placed with the
    /// reference given (a weekday in an undated article) are left out.
    public static func events(in paragraph: Paragraph, reference: PartialDate?) -> [DateEvent] {
        var focus: PartialDate? = nil
        return events(Found(paragraph), reference: reference, earlier: [], narrative: false, focus: &focus)
    }

    /// The date an anaphoric expression counts from. "The next day" counts from the last day
    /// named, in this paragraph or an earlier one. "A month later" and "two years later" count
    /// from the last date the text stated or counted to (`focus`), not from one it gave relative
    /// to the article: in "sales fell from the previous year … from a year earlier", both are
    /// the year before the article's.
    static func anchor(for meaning: DateMeaning, in paragraph: [DateEvent], earlier: [DateEvent], focus: PartialDate?) -> PartialDate? {
        switch meaning {
        case .days: return (paragraph.last { $0.date.day != nil } ?? earlier.last { $0.date.day != nil })?.date
        case .months: return focus?.month == nil ? nil : focus
        default: return focus
        }
    }

    /// `focus` is the date the text last named; in a narrative it places a day or month given
    /// without a year.
    static func events(_ f: Found, reference: PartialDate?, earlier: [DateEvent], narrative: Bool, focus: inout PartialDate?) -> [DateEvent] {
        guard !f.matches.isEmpty else { return [] }
        let scalars = f.scalars, tokens = f.tokens, paragraph = f.paragraph
        let sentences = Sentences.split(scalars)
        var result: [DateEvent] = []
        for m in f.matches {
            if case .absolute(let d) = m.meaning { focus = d }
            guard m.calendar else { continue }
            let date: PartialDate?
            if narrative, let year = focus?.year, let placed = m.meaning.inYear(year) {
                date = placed
            } else {
                let anchor = m.anaphoric ? Self.anchor(for: m.meaning, in: result, earlier: earlier, focus: focus) ?? reference : reference
                date = DateResolver.resolve(m.meaning, reference: anchor)
            }
            guard let date else { continue }
            if m.anaphoric { focus = date }
            let lo = tokens[m.first].start, hi = tokens[m.end - 1].end
            let s = Self.window(sentence(holding: lo, in: sentences) ?? 0..<scalars.count, around: lo..<hi, in: scalars)
            result.append(DateEvent(
                text: Scalars.string(scalars[lo..<hi]),
                range: SourceRange(paragraph.start + lo, paragraph.start + hi),
                date: date,
                sentenceRange: SourceRange(paragraph.start + s.lowerBound, paragraph.start + s.upperBound)))
        }
        return result
    }

    /// Binary search over sentences in order.
    static func sentence(holding offset: Int, in sentences: [Range<Int>]) -> Range<Int>? {
        var lo = 0, hi = sentences.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if sentences[mid].upperBound <= offset { lo = mid + 1 } else if sentences[mid].lowerBound > offset { hi = mid - 1 } else { return sentences[mid] }
        }
        return nil
    }

    /// Date expressions with what they mean, before resolution (publication dating reads them).
    static func meanings(in text: String) -> [(text: String, meaning: DateMeaning)] {
        let scalars = Array(text.unicodeScalars)
        let tokens = DateTokenizer.tokens(scalars)
        return DateMatcher(tokens).matches().map { m in
            (Scalars.string(scalars[tokens[m.first].start..<tokens[m.end - 1].end]), m.meaning)
        }
    }
}
