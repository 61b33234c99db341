/// A word, number or punctuation mark of a paragraph, with scalar offsets into it.
struct DateToken: Sendable {
    enum Kind: Sendable { case word, number, punct }
    var kind: Kind
    var text: String
    var lower: String
    var start: Int
    var end: Int
    /// White space stands between this token and the previous one.
    var spaceBefore: Bool
    /// The value of a number ("29", "1st").
    var value: Int?
    /// How many digits a number has (years have four).
    var digits: Int

    var isCapitalized: Bool { text.unicodeScalars.first.map(Scalars.isUpper) ?? false }
}

enum DateTokenizer {
    /// Letters make words, digits numbers (an ordinal suffix stays on its number), anything
    /// else that is not white space is one punctuation token.
    static func tokens(_ s: [Unicode.Scalar]) -> [DateToken] {
        var result: [DateToken] = []
        result.reserveCapacity(s.count / 4)
        var i = 0
        let n = s.count
        var space = true
        while i < n {
            let c = s[i]
            if Scalars.isSpace(c) { space = true; i += 1; continue }
            let start = i
            if Scalars.isDigit(c) {
                while i < n, Scalars.isDigit(s[i]) { i += 1 }
                let digits = i - start
                var j = i
                while j < n, Scalars.isLetter(s[j]) { j += 1 }
                if j - i == 2, isOrdinalSuffix(s[i], s[i + 1]) { i = j }
                let (text, lower) = Scalars.stringAndLower(s[start..<i])
                var value: Int?
                if digits <= 9 { value = s[start..<(start + digits)].reduce(0) { $0 * 10 + Int($1.value - 0x30) } }
                result.append(DateToken(kind: .number, text: text, lower: lower, start: start, end: i, spaceBefore: space, value: value, digits: digits))
            } else if Scalars.isLetter(c) {
                while i < n, Scalars.isLetter(s[i]) { i += 1 }
                let (text, lower) = Scalars.stringAndLower(s[start..<i])
                result.append(DateToken(kind: .word, text: text, lower: lower, start: start, end: i, spaceBefore: space, value: nil, digits: 0))
            } else {
                i += 1
                // An ASCII mark is copied from a table: most punctuation is.
                let text = c.value < 0x80 ? Scalars.asciiStrings[Int(c.value)] : String(c)
                result.append(DateToken(kind: .punct, text: text, lower: text, start: start, end: i, spaceBefore: space, value: nil, digits: 0))
            }
            space = false
        }
        return result
    }

    /// "st", "nd", "rd" or "th" in any case. No letter outside ASCII lowercases to one of these
    /// letters, so ASCII bytes decide.
    static func isOrdinalSuffix(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        guard a.value < 0x80, b.value < 0x80 else { return false }
        switch (a.value | 0x20, b.value | 0x20) {
        case (0x73, 0x74), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68): return true
        default: return false
        }
    }
}
