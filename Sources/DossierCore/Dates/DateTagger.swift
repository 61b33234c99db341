/// Finds date expressions in the story and resolves them against the article's date.
public enum DateTagger {
    public static func events(_ paragraphs: [Paragraph], reference: Publication) -> [DateEvent] {
        var result: [DateEvent] = []
        for p in paragraphs {
            let lastDay = result.last { $0.date.precision == .day }?.date
            result += events(in: p, reference: reference.date, lastDay: lastDay)
        }
        return result
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
    public static func events(in paragraph: Paragraph, reference: PartialDate?, lastDay: PartialDate? = nil) -> [DateEvent] {
        let scalars = Array(paragraph.text.unicodeScalars)
        let tokens = DateTokenizer.tokens(scalars)
        let found = DateMatcher(tokens).matches()
        guard !found.isEmpty else { return [] }
        let sentences = Sentences.split(scalars)
        var result: [DateEvent] = []
        for m in found where m.calendar {
            let anchor = m.meaning == .sameDay ? (result.last { $0.date.precision == .day }?.date ?? lastDay ?? reference) : reference
            guard let date = DateResolver.resolve(m.meaning, reference: anchor) else { continue }
            let lo = tokens[m.first].start, hi = tokens[m.end - 1].end
            let s = Self.window(sentence(holding: lo, in: sentences) ?? 0..<scalars.count, around: lo..<hi, in: scalars)
            result.append(DateEvent(
                text: String(String.UnicodeScalarView(scalars[lo..<hi])),
                range: SourceRange(paragraph.start + lo, paragraph.start + hi),
                date: date,
                sentence: String(String.UnicodeScalarView(scalars[s])),
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
            (String(String.UnicodeScalarView(scalars[tokens[m.first].start..<tokens[m.end - 1].end])), m.meaning)
        }
    }
}
