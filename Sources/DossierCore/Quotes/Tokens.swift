/// A word, a punctuation mark, or a whole quotation, with its place in the paragraph.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        case word
        case punct
        /// A quotation (index into the article's marked quotes); its words are the speaker's, not the writer's.
        case quote(Int)
    }
    var kind: Kind
    /// The word or mark as written, and lowercase; empty for a quotation.
    var text: String
    var lower: String
    /// Paragraph offsets.
    var range: Range<Int>
    /// Starts like a name: a capital, or "al-"/"bin-" before one. Read once, asked often.
    let capital: Bool
    /// The word lists `lower` is on, read once: the reader asks several of them about each token.
    let classes: WordClass

    init(kind: Kind, text: String, lower: String, range: Range<Int>) {
        self.kind = kind; self.text = text; self.lower = lower; self.range = range
        capital = kind == .word && NameWords.startsName(text.unicodeScalars)
        // A quotation starts with its opening mark, which begins no listed word.
        if case .quote = kind { classes = [] } else { classes = WordClass.of(lower) }
    }

    /// A word or mark read from `scalars`, its classes looked up in `table` (the tokenizer
    /// fetches the global once per paragraph, not once per token).
    init(kind: Kind, scalars: ArraySlice<Unicode.Scalar>, range: Range<Int>, table: LexiconMap<WordClass>) {
        self.kind = kind
        (text, lower) = Scalars.stringAndLower(scalars)
        self.range = range
        capital = kind == .word && Token.mayStartName(scalars) && NameWords.startsName(text.unicodeScalars)
        classes = table[lower] ?? []
    }

    /// False for scalars that cannot start a name: neither a capital first nor a lowercase word
    /// with a hyphen among its first five scalars ("al-Hassan"). Most words are decided here.
    static func mayStartName(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = s.first else { return false }
        if Scalars.isUpper(first) { return true }
        return Scalars.isLower(first) && s.prefix(5).contains("-")
    }

    /// Whether the lowercase form is on the list of `c`.
    func `is`(_ c: WordClass) -> Bool { classes.contains(c) }

    /// `ReportingVerbs.lookup(lower)`, asked only of the words the lexicon lists.
    var reportingVerb: (lemma: String, use: ReportingVerbs.Use)? { self.is(.reportingVerb) ? ReportingVerbs.lookup(lower) : nil }

    var isWord: Bool { kind == .word }
    var isQuote: Bool { if case .quote = kind { return true } else { return false } }
    var quoteIndex: Int? { if case .quote(let i) = kind { return i } else { return nil } }
    var isCapitalized: Bool { capital }
    var isLowercase: Bool { isWord && !capital && (text.unicodeScalars.first.map(Scalars.isLower) ?? false) }
    /// A punctuation token (always one scalar) that is one of `chars`.
    func isPunct(_ chars: String) -> Bool {
        guard kind == .punct, let c = text.unicodeScalars.first else { return false }
        return chars.unicodeScalars.contains(c)
    }
}

/// The word lists of names, roles and clauses that the quote reader tests tokens against.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt32

    static let particle = WordClass(rawValue: 1 << 0)
    static let title = WordClass(rawValue: 1 << 1)
    static let personRole = WordClass(rawValue: 1 << 2)
    static let stop = WordClass(rawValue: 1 << 3)
    static let determiner = WordClass(rawValue: 1 << 4)
    static let day = WordClass(rawValue: 1 << 5)
    static let month = WordClass(rawValue: 1 << 6)
    static let adverb = WordClass(rawValue: 1 << 7)
    static let pronoun = WordClass(rawValue: 1 << 8)
    static let document = WordClass(rawValue: 1 << 9)
    static let quantifier = WordClass(rawValue: 1 << 10)
    static let opener = WordClass(rawValue: 1 << 11)
    static let female = WordClass(rawValue: 1 << 12)
    static let male = WordClass(rawValue: 1 << 13)
    static let timePreposition = WordClass(rawValue: 1 << 14)
    static let timeWord = WordClass(rawValue: 1 << 15)
    static let pronounSubject = WordClass(rawValue: 1 << 16)
    static let passiveLink = WordClass(rawValue: 1 << 17)
    static let participleLink = WordClass(rawValue: 1 << 18)
    static let adverbialStart = WordClass(rawValue: 1 << 19)
    static let connector = WordClass(rawValue: 1 << 20)
    static let preposition = WordClass(rawValue: 1 << 21)
    static let clauseSubject = WordClass(rawValue: 1 << 22)
    static let audience = WordClass(rawValue: 1 << 23)
    static let placePreposition = WordClass(rawValue: 1 << 24)
    static let reportingVerb = WordClass(rawValue: 1 << 25)

    /// Each class and the list that defines it.
    static let lists: [(WordClass, Lexicon)] = [
        (.particle, NameWords.particles), (.title, NameWords.titles), (.personRole, NameWords.personRoles),
        (.stop, NameWords.stops), (.determiner, NameWords.determiners), (.day, NameWords.days), (.month, NameWords.months),
        (.adverb, NameWords.adverbs), (.pronoun, NameWords.pronouns), (.document, NameWords.documents),
        (.quantifier, NameWords.quantifiers), (.opener, NameWords.openers), (.female, NameWords.femaleWords),
        (.male, NameWords.maleWords), (.timePreposition, CueFinder.timePrepositions), (.timeWord, CueFinder.timeWords),
        (.pronounSubject, CueFinder.pronounSubjects), (.passiveLink, CueFinder.passiveLinks),
        (.participleLink, CueFinder.participleLinks), (.adverbialStart, CueFinder.adverbialStarts),
        (.connector, CueFinder.connectors), (.preposition, ArticleReading.prepositions),
        (.clauseSubject, ArticleReading.clauseSubjects), (.audience, ArticleReading.audiences),
        (.placePreposition, Discourse.placePrepositions), (.reportingVerb, Lexicon(ReportingVerbs.forms.keys)),
    ]

    static let table: LexiconMap<WordClass> = {
        var classes: [String: WordClass] = [:]
        for (c, list) in lists { for w in list { classes[w, default: []].insert(c) } }
        return LexiconMap(classes)
    }()

    static func of(_ lower: String) -> WordClass { table[lower] ?? [] }
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
        result.reserveCapacity(s.count / 4)
        var q = 0
        var i = 0
        let n = s.count
        let table = WordClass.table
        func make(_ kind: Token.Kind, _ r: Range<Int>) -> Token { Token(kind: kind, scalars: s[r], range: r, table: table) }
        while i < n {
            if q < quotes.count, quotes[q].0.lowerBound == i {
                // A quotation's words are read from its marks' ranges, never from its token.
                result.append(Token(kind: .quote(quotes[q].1), text: "", lower: "", range: quotes[q].0))
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
                    if isJoiner(s[j]), j + 1 < n, isWordScalar(s[j + 1]),
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

    /// ' ’ - . , inside a word.
    static func isJoiner(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "'", "’", "-", ".", ",": return true
        default: return false
        }
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        Scalars.isLetter(c) || Scalars.isDigit(c) || c == "*" || c == "&"
    }

    /// Splits tokens into the writer's sentences. A quotation ending in `.`, `!` or `?` ends a
    /// sentence when a capital follows; so does a quotation glued to a preceding word
    /// (a headline run into the story) starting a new sentence.
    static func sentences(_ tokens: [Token], paragraph: Int, quoteTexts: [Int: String]) -> [Sentence] {
        var result: [Sentence] = []
        // The sentence being read is `tokens[start..<k]`, copied out once it ends.
        var start = 0
        func flush(to end: Int) {
            result.append(Sentence(paragraph: paragraph, tokens: Array(tokens[start..<end])))
            start = end
        }
        func startsSentence(_ t: Token) -> Bool {
            t.isQuote || t.isCapitalized || (t.isWord && (t.text.unicodeScalars.first.map(Scalars.isDigit) ?? false))
        }
        for (k, t) in tokens.enumerated() {
            if let qi = t.quoteIndex, k > start, case let prev = tokens[k - 1], prev.isWord, prev.range.upperBound == t.range.lowerBound,
               let first = quoteTexts[qi]?.unicodeScalars.first, Scalars.isUpper(first) {
                flush(to: k)
            }
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
            if ends { flush(to: k + 1) }
        }
        if start < tokens.count { flush(to: tokens.count) }
        return result
    }
}
