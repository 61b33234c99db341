/// A quotation found by its marks, possibly running over several paragraphs.
struct MarkedQuote: Sendable {
    /// One paragraph's share: `outer` covers the marks (paragraph offsets), `inner` what stands between.
    struct Piece: Sendable {
        var paragraph: Int
        var outer: Range<Int>
        var inner: Range<Int>
    }
    var pieces: [Piece]
    /// Single marks (‘…’ or '…') at the top level: a quote only when a speech cue stands next to it.
    var single: Bool
    /// Never closed in its paragraph and not continued: ends at the paragraph end.
    var unclosed: Bool
}

/// Pairs quotation marks. Double marks (“ ” " „ « ») open and close quotations, mixed pairs
/// included; single marks inside them are nested quotes and stay part of the text; single marks
/// at the top level are only candidates, because they are mostly apostrophes and scare quotes.
enum QuoteMarks {
    static func find(_ paragraphs: [[Unicode.Scalar]]) -> [MarkedQuote] {
        var result: [MarkedQuote] = []
        var carry: MarkedQuote?  // an unclosed quotation waiting for the next paragraph to reopen
        for (index, s) in paragraphs.enumerated() {
            let spans = scan(s)
            var first = true
            for span in spans {
                let piece = MarkedQuote.Piece(paragraph: index, outer: span.outer, inner: span.inner)
                if first, var open = carry, !span.single, span.outer.lowerBound == 0 {
                    open.pieces.append(piece)
                    switch span.state {
                    case .closed: result.append(open); carry = nil
                    case .open: carry = open
                    case .recovered: result.append(open); carry = nil
                    }
                    first = false
                    continue
                }
                first = false
                if let open = carry { result.append(close(open)); carry = nil }
                let q = MarkedQuote(pieces: [piece], single: span.single, unclosed: span.state == .recovered)
                if span.state == .open { carry = q } else { result.append(q) }
            }
            if spans.isEmpty, let open = carry { result.append(close(open)); carry = nil }
        }
        if let open = carry { result.append(close(open)) }
        return result.filter { q in
            // A lone unbalanced mark before a word or two is a stray, not a quotation.
            !q.unclosed || q.pieces.count > 1 || wordCount(paragraphs[q.pieces[0].paragraph][q.pieces[0].inner]) >= 3
        }
    }

    /// An unclosed quotation recovers at the end of its last paragraph.
    private static func close(_ q: MarkedQuote) -> MarkedQuote {
        var q = q
        q.unclosed = q.pieces.count == 1
        return q
    }

    enum State { case closed, open, recovered }
    struct Span {
        var outer: Range<Int>
        var inner: Range<Int>
        var state: State
        var single: Bool
    }

    /// “ " „ « ‹ (a switch: this is asked of every scalar of every paragraph).
    static func isDoubleOpener(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "“", "\"", "„", "«", "‹": return true
        default: return false
        }
    }

    /// Whether `d` closes a quotation opened by `opener`.
    static func closes(_ d: Unicode.Scalar, opener: Unicode.Scalar) -> Bool {
        switch opener {
        case "«": return d == "»"
        case "‹": return d == "›"
        case "„": return d == "“" || d == "”" || d == "\""
        default: return d == "”" || d == "\""
        }
    }

    /// Quotation spans of one paragraph, in order; the last may be unclosed.
    static func scan(_ s: [Unicode.Scalar]) -> [Span] {
        var spans: [Span] = []
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            // Typewriter convention: ``…''.
            if c == "`", i + 1 < n, s[i + 1] == "`" {
                var j = i + 2
                while j + 1 < n, !(s[j] == "'" && s[j + 1] == "'"), !(s[j] == "`" && s[j + 1] == "`") { j += 1 }
                if j + 1 < n, s[j] == "'" {
                    spans.append(Span(outer: i..<(j + 2), inner: (i + 2)..<j, state: .closed, single: false))
                    i = j + 2
                } else {
                    let end = j + 1 < n ? j : n
                    var e = end
                    while e > i + 2, Scalars.isSpace(s[e - 1]) { e -= 1 }
                    spans.append(Span(outer: i..<e, inner: (i + 2)..<e, state: end == n ? .open : .recovered, single: false))
                    i = end
                }
                continue
            }
            if isDoubleOpener(c), opens(s, at: i) {
                var j = i + 1
                var closedAt: Int?
                while j < n {
                    let d = s[j]
                    if closes(d, opener: c), d != "\"" || closesStraight(s, at: j) { closedAt = j; break }
                    // A fresh curly opener after a space means the earlier mark was never closed.
                    if c == "“", d == "“", j > i + 1, Scalars.isSpace(s[j - 1]), j + 1 < n, !Scalars.isSpace(s[j + 1]) { break }
                    j += 1
                }
                if let k = closedAt {
                    spans.append(Span(outer: i..<(k + 1), inner: (i + 1)..<k, state: .closed, single: false))
                    i = k + 1
                } else {
                    var end = j
                    while end > i + 1, Scalars.isSpace(s[end - 1]) { end -= 1 }
                    spans.append(Span(outer: i..<end, inner: (i + 1)..<end, state: j >= n ? .open : .recovered, single: false))
                    i = j
                }
                continue
            }
            if c == "‘" || c == "'", let k = singleClose(s, from: i) {
                spans.append(Span(outer: i..<(k + 1), inner: (i + 1)..<k, state: .closed, single: true))
                i = k + 1
                continue
            }
            i += 1
        }
        return spans
    }

    /// A straight or curly double mark opens when a word follows; a straight one not after a
    /// digit (inches) and not glued between two letters unless a capital follows.
    static func opens(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        // French style puts a space inside guillemets.
        if s[i] == "«" || s[i] == "‹" { return i + 1 < s.count }
        guard i + 1 < s.count, !Scalars.isSpace(s[i + 1]) else { return false }
        if s[i] == "\"", i > 0 {
            let p = s[i - 1]
            if Scalars.isDigit(p) { return false }
            if Scalars.isLetter(p) { return Scalars.isUpper(s[i + 1]) }
        }
        return true
    }

    /// A straight mark inside a quotation closes it unless it clearly opens a new one
    /// (space before, word after).
    static func closesStraight(_ s: [Unicode.Scalar], at j: Int) -> Bool {
        guard j > 0 else { return false }
        return !Scalars.isSpace(s[j - 1]) || j + 1 >= s.count || Scalars.isSpace(s[j + 1]) || !Scalars.isLetter(s[j + 1])
    }

    /// The closing single mark of a top-level single quotation: the opener stands after a
    /// space or start and before a letter; the closer after a non-space and before a non-letter.
    static func singleClose(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        if i > 0, Scalars.isLetter(s[i - 1]) || Scalars.isDigit(s[i - 1]) || s[i - 1] == "'" { return nil }
        guard i + 1 < s.count, Scalars.isLetter(s[i + 1]) else { return nil }
        var j = i + 2
        while j < s.count {
            let d = s[j]
            // Double marks nested in a single quotation (British style) must close inside it.
            if isDoubleOpener(d), d != "\"" || opens(s, at: j) {
                guard let close = (j + 1..<s.count).first(where: { closes(s[$0], opener: d) && !(s[$0] == "\"" && !closesStraight(s, at: $0)) }) else { return nil }
                j = close + 1
                continue
            }
            if d == "”" { return nil }
            if d == "’" || d == "'", !Scalars.isSpace(s[j - 1]) {
                let next: Unicode.Scalar? = j + 1 < s.count ? s[j + 1] : nil
                if next == nil || !(Scalars.isLetter(next!) || Scalars.isDigit(next!)) { return j }
            }
            j += 1
        }
        return nil
    }

    /// Every word of four letters or more capitalized (one at least, unless a single word), the
    /// first too, no sentence punctuation, at most eight words: a title (“The Salt Years”).
    static func isTitleCase(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var words = 0
        var atStart = true
        var length = 0
        var capital = false
        var firstCapital = false
        var long = false
        for c in s {
            if ".,!?;:…".unicodeScalars.contains(c) { return false }
            if Scalars.isSpace(c) {
                if length >= 4, !capital { return false }
                if length >= 4 { long = true }
                atStart = true; length = 0
                continue
            }
            if atStart {
                atStart = false
                capital = Scalars.isUpper(c) || Scalars.isDigit(c)
                if words == 0 { firstCapital = capital }
                words += 1
                if words > 8 { return false }
            }
            if Scalars.isLetter(c) { length += 1 }
        }
        if length >= 4, !capital { return false }
        if length >= 4 { long = true }
        // "We don" (a cut quotation) is no title: a title has a long word, or is one word.
        return words > 0 && firstCapital && (long || words == 1)
    }

    /// A short title-case quotation between two capitalized words: the nickname in
    /// `Dwayne “The Rock” Johnson`.
    static func isNickname(_ s: [Unicode.Scalar], _ p: MarkedQuote.Piece) -> Bool {
        let o = p.outer.lowerBound, u = p.outer.upperBound
        guard o >= 2, u + 1 < s.count, s[o - 1] == " ", s[u] == " ", Scalars.isUpper(s[u + 1]),
              wordCount(s[p.inner]) <= 3, isTitleCase(s[p.inner]) else { return false }
        var w = o - 1
        while w > 0, Scalars.isLetter(s[w - 1]) { w -= 1 }
        return w < o - 1 && Scalars.isUpper(s[w])
    }

    static func wordCount(_ s: ArraySlice<Unicode.Scalar>) -> Int {
        var count = 0
        var inWord = false
        for c in s {
            let letter = Scalars.isLetter(c) || Scalars.isDigit(c)
            if letter, !inWord { count += 1 }
            inWord = letter
        }
        return count
    }
}
