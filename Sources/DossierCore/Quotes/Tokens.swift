/// A word, a punctuation mark, or a whole quotation, with its place in the paragraph.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        case word
        case punct
        /// A quotation (index into the article's marked quotes); its words are the speaker's, not the writer's.
        case quote(Int)
    }
    var kind: Kind
    var text: String
    var lower: String
    /// Paragraph offsets.
    var range: Range<Int>
    /// Starts like a name: a capital, or "al-"/"bin-" before one. Read once, asked often.
    let capital: Bool

    init(kind: Kind, text: String, lower: String, range: Range<Int>) {
        self.kind = kind; self.text = text; self.lower = lower; self.range = range
        capital = kind == .word && NameWords.startsName(text.unicodeScalars)
    }

    var isWord: Bool { kind == .word }
    var isQuote: Bool { if case .quote = kind { return true } else { return false } }
    var quoteIndex: Int? { if case .quote(let i) = kind { return i } else { return nil } }
    var isCapitalized: Bool { capital }
    var isLowercase: Bool { isWord && !capital && (text.unicodeScalars.first.map(Scalars.isLower) ?? false) }
    func isPunct(_ chars: String) -> Bool { kind == .punct && chars.contains(text) }
}

/// One writer's sentence of a paragraph, quotations folded into single tokens.
struct Sentence: Sendable {
    var paragraph: Int
    var tokens: [Token]
    var range: Range<Int> { (tokens.first?.range.lowerBound ?? 0)..<(tokens.last?.range.upperBound ?? 0) }
}

enum Tokenizer {
    /// Tokens of a paragraph; `quotes` are (outer range, quote index), sorted and disjoint.
    /// `skip`: ranges read as absent (nicknames in quotation marks inside a name).
    static func tokens(_ s: [Unicode.Scalar], quotes: [(Range<Int>, Int)], skip: [Range<Int>] = []) -> [Token] {
        var result: [Token] = []
        var q = 0
        var i = 0
        let n = s.count
        func make(_ kind: Token.Kind, _ r: Range<Int>) -> Token {
            let (text, lower) = Scalars.stringAndLower(s[r])
            return Token(kind: kind, text: text, lower: lower, range: r)
        }
        while i < n {
            if q < quotes.count, quotes[q].0.lowerBound == i {
                result.append(make(.quote(quotes[q].1), quotes[q].0))
                i = quotes[q].0.upperBound
                q += 1
                continue
            }
            let c = s[i]
            if Scalars.isSpace(c) { i += 1; continue }
            if !skip.isEmpty, let r = skip.first(where: { $0.lowerBound == i }) { i = r.upperBound; continue }
            if isWordScalar(c) {
                var j = i + 1
                while j < n {
                    if q < quotes.count, quotes[q].0.lowerBound == j { break }
                    if isWordScalar(s[j]) { j += 1; continue }
                    // Inner joiners: U.S, Secretary-General, Kyiv's, 1,000.
                    if "'’-.,".unicodeScalars.contains(s[j]), j + 1 < n, isWordScalar(s[j + 1]),
                       s[j] != "," || (Scalars.isDigit(s[j - 1]) && Scalars.isDigit(s[j + 1])) {
                        j += 2; continue
                    }
                    break
                }
                result.append(make(.word, i..<j))
                i = j
                continue
            }
            result.append(make(.punct, i..<(i + 1)))
            i += 1
        }
        return result
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        Scalars.isLetter(c) || Scalars.isDigit(c) || c == "*" || c == "&"
    }

    /// Splits tokens into the writer's sentences. A quotation ending in `.`, `!` or `?` ends a
    /// sentence when a capital follows; so does a quotation glued to a preceding word
    /// (a headline run into the story) starting a new sentence.
    static func sentences(_ tokens: [Token], paragraph: Int, quoteTexts: [Int: String]) -> [Sentence] {
        var result: [Sentence] = []
        var current: [Token] = []
        func startsSentence(_ t: Token) -> Bool {
            t.isQuote || t.isCapitalized || (t.isWord && (t.text.unicodeScalars.first.map(Scalars.isDigit) ?? false))
        }
        for (k, t) in tokens.enumerated() {
            if let qi = t.quoteIndex, let prev = current.last, prev.isWord, prev.range.upperBound == t.range.lowerBound,
               let first = quoteTexts[qi]?.unicodeScalars.first, Scalars.isUpper(first) {
                result.append(Sentence(paragraph: paragraph, tokens: current))
                current = []
            }
            current.append(t)
            guard k + 1 < tokens.count, startsSentence(tokens[k + 1]) else { continue }
            var ends = false
            if t.isPunct(".!?") {
                ends = true
                if t.text == ".", k > 0, tokens[k - 1].isWord, tokens[k - 1].range.upperBound == t.range.lowerBound {
                    let w = tokens[k - 1].lower
                    if Sentences.abbreviations.contains(w) || (w.count == 1 && tokens[k - 1].isCapitalized) { ends = false }
                    // "Maj. Gen. Faisal": a short capitalized title before a name.
                    if w.count <= 4, tokens[k - 1].isCapitalized, tokens[k + 1].isCapitalized, NameWords.titles.contains(w) { ends = false }
                }
            } else if let qi = t.quoteIndex, let text = quoteTexts[qi] {
                let trimmed = text.unicodeScalars.reversed().first { !Scalars.isSpace($0) }
                ends = trimmed.map { ".!?".unicodeScalars.contains($0) } ?? false
            }
            if ends {
                result.append(Sentence(paragraph: paragraph, tokens: current))
                current = []
            }
        }
        if !current.isEmpty { result.append(Sentence(paragraph: paragraph, tokens: current)) }
        return result
    }
}
