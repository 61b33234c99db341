/// Sentence boundaries inside a paragraph, aware of abbreviations ("U.S.", "Mr.", "Feb."),
/// initials, decimals and closing quotation marks.
public enum Sentences {
    static let abbreviations: Lexicon = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gen", "col", "lt", "sgt", "capt", "gov", "st", "jr", "sr",
        "inc", "corp", "co", "ltd", "no", "vs", "etc", "u.s", "u.k", "u.n", "e.u", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "dept", "est", "fig", "e.g", "i.e",
    ]
    /// Marks that may close a sentence after its full stop: " ” ’ ' ) ] ».
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "”", "’", "'", ")", "]", "»": return true
        default: return false
        }
    }

    /// Sentence ranges as scalar offsets into `scalars`.
    public static func split(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = scalars.count
        while i < n {
            let c = scalars[i]
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < n, scalars[j] == "." || scalars[j] == "!" || scalars[j] == "?" { j += 1 }
                while j < n, isCloser(scalars[j]) { j += 1 }
                if j >= n { break }
                guard Scalars.isSpace(scalars[j]) else { i = j; continue }
                var k = j
                while k < n, Scalars.isSpace(scalars[k]) { k += 1 }
                if k < n, c == ".", isAbbreviation(scalars, dotAt: i) || !startsSentence(scalars[k]) { i = j; continue }
                if k < n, !startsSentence(scalars[k]) { i = j; continue }
                result.append(start..<j)
                start = k
                i = k
                continue
            }
            i += 1
        }
        if start < n {
            var end = n
            while end > start, Scalars.isSpace(scalars[end - 1]) { end -= 1 }
            if end > start { result.append(start..<end) }
        }
        return result
    }

    static func startsSentence(_ c: Unicode.Scalar) -> Bool {
        Scalars.isUpper(c) || Scalars.isDigit(c) || "\"“‘'«„([".unicodeScalars.contains(c)
    }

    /// True when the word before the dot is a known abbreviation or a single capital (an initial).
    static func isAbbreviation(_ s: [Unicode.Scalar], dotAt i: Int) -> Bool {
        var a = i
        while a > 0, !Scalars.isSpace(s[a - 1]), !"(\"“‘".unicodeScalars.contains(s[a - 1]) { a -= 1 }
        let word = Scalars.string(s[a..<i]).lowercased()
        if word.count == 1, let f = word.unicodeScalars.first, Scalars.isLetter(f) { return true }
        return abbreviations.contains(word)
    }
}
