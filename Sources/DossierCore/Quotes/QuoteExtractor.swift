/// Finds quotations and reported statements in the story paragraphs and attributes them,
/// reading the article in order the way a person does: who was named, who spoke last.
public enum QuoteExtractor {
    /// Quotes and reported statements of one article, in text order, speakers as named in it.
    public static func extract(_ paragraphs: [Paragraph], title: String?) -> [Quote] {
        extract(paragraphs, scalars: paragraphs.map { Array($0.text.unicodeScalars) })
    }

    /// The same, with each paragraph's scalars.
    static func extract(_ paragraphs: [Paragraph], scalars: [[Unicode.Scalar]]) -> [Quote] {
        var reading = ArticleReading(paragraphs, scalars: scalars)
        return reading.read()
    }
}

/// One pass over one article.
struct ArticleReading {
    let paragraphs: [Paragraph]
    let scalars: [[Unicode.Scalar]]
    let marked: [MarkedQuote]
    /// Sentences in reading order with the source offset of their paragraph.
    var sentences: [(Sentence, Int)] = []
    var discourse = Discourse()

    init(_ paragraphs: [Paragraph], scalars: [[Unicode.Scalar]]) {
        self.paragraphs = paragraphs
        self.scalars = scalars
        var found = QuoteMarks.find(scalars)
        // "Dwayne “The Rock” Johnson": a nickname inside a name is read as if unquoted words were absent.
        var skips: [Int: [Range<Int>]] = [:]
        found.removeAll { q in
            guard q.pieces.count == 1, let p = q.pieces.first, QuoteMarks.isNickname(scalars[p.paragraph], p) else { return false }
            skips[p.paragraph, default: []].append(p.outer)
            return true
        }
        marked = found
        var byParagraph: [Int: [(Range<Int>, Int)]] = [:]
        var texts: [Int: [Int: String]] = [:]
        for (qi, q) in marked.enumerated() {
            for piece in q.pieces {
                byParagraph[piece.paragraph, default: []].append((piece.outer, qi))
                texts[piece.paragraph, default: [:]][qi] = Scalars.string(scalars[piece.paragraph][piece.inner])
            }
        }
        for (p, para) in paragraphs.enumerated() {
            var tokens = Tokenizer.tokens(scalars[p], quotes: (byParagraph[p] ?? []).sorted { $0.0.lowerBound < $1.0.lowerBound }, skip: skips[p] ?? [])
            // A wire story's dateline ("CHICAGO, Feb 26 -") belongs to no sentence: a statement
            // in the first one starts after it.
            if p == 0, let line = Dateline.find(in: scalars[p]) { tokens.removeAll { $0.range.lowerBound < line.storyStart } }
            for s in Tokenizer.sentences(tokens, paragraph: p, quoteTexts: texts[p] ?? [:]) { sentences.append((s, para.start)) }
        }
    }

    /// Speaker, cue and kind decided for each marked quotation.
    struct Attribution {
        var entity: Int?
        var cue: SourceRange?
        var explicit = false
        /// The cue stands right next to the quotation (`“…,” he said`, `He said: “…”`).
        var adjacent = false
        var direct = true
        var seen = false
    }

    mutating func read() -> [Quote] {
        discourse.register(sentences)
        var attributions = Array(repeating: Attribution(), count: marked.count)
        var reported: [Quote] = []
        for (n, (s, base)) in sentences.enumerated() {
            let t = s.tokens
            let cues = CueFinder.cues(t)
            if n > 0, let agent = CueFinder.statementAgent(t) {
                // "This was stated by X." reports the sentence before.
                let (prev, prevBase) = sentences[n - 1]
                let pt = prev.tokens
                if let e = discourse.resolve(agent.referent, at: base + t[agent.subject.lowerBound].range.lowerBound),
                   let r = trimmed(pt, 0..<sentenceEnd(pt)), !pt[r].contains(where: \.isQuote) {
                    let lo = pt[r.lowerBound].range.lowerBound, hi = pt[r.upperBound - 1].range.upperBound
                    discourse.spoke(e)
                    reported.append(Quote(text: Scalars.string(scalars[prev.paragraph][lo..<hi]), speaker: discourse.entities[e].name,
                                          kind: .reported, range: SourceRange(prevBase + lo, prevBase + hi),
                                          cue: SourceRange(base + t[agent.subject.lowerBound].range.lowerBound, base + t[agent.subject.upperBound - 1].range.upperBound)))
                }
            }
            var used = Set<Int>()  // cue indexes that attributed an adjacent quotation
            var resolved: [Int: Int] = [:]
            func entity(_ c: Int) -> Int? {
                if let e = resolved[c] { return e }
                let cue = cues[c]
                let e = discourse.resolve(cue.referent, at: base + t[cue.subject.lowerBound].range.lowerBound, role: cue.appositiveRole)
                if let e { resolved[c] = e }
                return e
            }
            func cueRange(_ c: Int) -> SourceRange {
                SourceRange(base + t[cues[c].subject.lowerBound].range.lowerBound, base + t[cues[c].subject.upperBound - 1].range.upperBound)
            }
            for (i, tok) in t.enumerated() {
                guard let qi = tok.quoteIndex else { continue }
                let first = !attributions[qi].seen
                attributions[qi].seen = true
                if first { attributions[qi].direct = isDirect(t, at: i, cues: cues) }
                guard !attributions[qi].explicit, !isTitle(qi) else { continue }
                var chosen: Int?
                var passive: Cue?
                if let c = adjacentAfter(t, quote: i, cues: cues) { chosen = c; used.insert(c); attributions[qi].adjacent = true }
                else if let c = adjacentBefore(t, quote: i, cues: cues) { chosen = c; used.insert(c); attributions[qi].adjacent = true }
                else if let p = CueFinder.passiveAgent(t, quoteAt: i) { passive = p }
                else if let c = nearest(t, quote: i, cues: cues) { chosen = c }
                if let p = passive, let e = discourse.resolve(p.referent, at: base + t[p.subject.lowerBound].range.lowerBound) {
                    attributions[qi].entity = e
                    attributions[qi].cue = SourceRange(base + t[p.subject.lowerBound].range.lowerBound, base + t[p.subject.upperBound - 1].range.upperBound)
                    attributions[qi].explicit = true
                    discourse.spoke(e)
                } else if let c = chosen, let e = entity(c) {
                    attributions[qi].entity = e
                    attributions[qi].cue = cueRange(c)
                    attributions[qi].explicit = true
                    discourse.spoke(e)
                } else if chosen != nil, attributions[qi].adjacent {
                    // Its own cue names someone we cannot place ("my mother said"): nobody, not a guess.
                    attributions[qi].explicit = true
                } else if first, attributions[qi].direct {
                    // A quotation with no cue: the subject of its sentence ("X ended with a message: “…”"),
                    // else the person the sentence before was about, else the speaker before it.
                    var e: Int?
                    // "My mother read it and said, “…”": a speaker we cannot name is still not the one before.
                    let unplaced = i > 1 && t[i - 1].isPunct(",:") && t[i - 2].isLowercase && t[i - 2].reportingVerb?.use == .speech
                    if i > 0, let (r, ref) = CueFinder.sentenceSubject(t, before: i) {
                        e = discourse.resolve(ref, at: base + t[r.lowerBound].range.lowerBound)
                    }
                    if e == nil, i == 0 { e = personAfter(sentence: n) }
                    if e == nil, let f = discourse.focus, discourse.knownPerson(f), f != discourse.lastSpeaker, i == 0 { e = f }
                    attributions[qi].entity = e ?? (unplaced ? nil : discourse.lastSpeaker)
                }
            }
            for (c, cue) in cues.enumerated() where !used.contains(c) {
                guard let range = reportedClause(t, cue: cue, cues: cues, used: used), let e = entity(c) else { continue }
                guard !cue.coordinated else { continue }
                let lo = t[range.lowerBound].range.lowerBound, hi = t[range.upperBound - 1].range.upperBound
                let text = Scalars.string(scalars[s.paragraph][lo..<hi])
                discourse.spoke(e)
                reported.append(Quote(text: text, speaker: discourse.entities[e].name, kind: .reported,
                                      range: SourceRange(base + lo, base + hi), cue: cueRange(c)))
            }
            // A cue that names a speaker without a quotation or a clause still makes them salient.
            for (c, cue) in cues.enumerated() where !used.contains(c) && cue.use == .speech && !cue.coordinated {
                if let e = entity(c), discourse.lastSpeaker != e, case .name = cue.referent { discourse.spoke(e) }
            }
            // "X said he …", "X said in his office": the pronoun right after a person's own cue.
            for (c, cue) in cues.enumerated() where cue.form == .verb && !cue.coordinated {
                guard case .name = cue.referent, let e = resolved[c] else { continue }
                discourse.noteGender(e, t[cue.subject])
                if let role = cue.appositiveRole { discourse.noteGender(e, role.split(separator: " ").map { Token(kind: .word, text: String($0), lower: $0.lowercased(), range: 0..<0) }) }
                for w in t[(cue.anchor + 1)..<min(t.count, cue.anchor + 5)] {
                    if w.isQuote || w.isCapitalized { break }
                    if w.is(.female) || w.is(.male) { discourse.noteGender(e, [w]); break }
                }
            }
            // Who this sentence is about, for a `he`/`she` or a bare quotation in the next one.
            var focus: Int?
            if !t.isEmpty, let (r, ref) = CueFinder.sentenceSubject(t, before: t.count) {
                focus = discourse.resolve(ref, at: base + t[r.lowerBound].range.lowerBound)
            }
            if focus == nil { focus = cues.indices.lazy.compactMap { resolved[$0] }.first }
            // "Sørensen-Malik’s previous novel was adapted": the possessor is who the sentence is about.
            if focus == nil, let first = t.first, first.isCapitalized, NameWords.isPossessive(first.text) || (t.count > 1 && t[1].isCapitalized && NameWords.isPossessive(t[1].text)),
               case let .name(name, _, _)? = SpeakerPhrase.classify(Array(t[0..<(NameWords.isPossessive(first.text) ? 1 : 2)])), let e = discourse.find(name) {
                focus = e
            }
            discourse.focus = focus
        }
        var quotes: [Quote] = []
        // A house style of single quotation marks: more single- than double-marked quotations stand
        // right beside their cue. Then single marks quote like double ones.
        let adjacentSingle = marked.indices.filter { marked[$0].single && attributions[$0].explicit && attributions[$0].adjacent }.count
        let adjacentDouble = marked.indices.filter { !marked[$0].single && attributions[$0].explicit && attributions[$0].adjacent }.count
        let singleStyle = adjacentSingle > adjacentDouble
        for (qi, q) in marked.enumerated() {
            let a = attributions[qi]
            if isTitle(qi) { continue }
            // Single marks make a quotation only with a speech cue right beside them.
            if q.single && !(a.explicit && a.adjacent) && !(singleStyle && (a.explicit || a.direct)) { continue }
            if q.single, !singleStyle, QuoteMarks.wordCount(scalars[q.pieces[0].paragraph][q.pieces[0].inner]) < 3 { continue }
            let first = q.pieces[0], last = q.pieces[q.pieces.count - 1]
            let text = q.pieces.map { Scalars.string(scalars[$0.paragraph][$0.inner]) }.joined(separator: " ")
            let range = SourceRange(paragraphs[first.paragraph].start + first.outer.lowerBound, paragraphs[last.paragraph].start + last.outer.upperBound)
            quotes.append(Quote(text: text, speaker: a.entity.map { discourse.entities[$0].name }, kind: a.direct ? .direct : .partial,
                                range: range, cue: a.cue))
        }
        return (quotes + Self.oncePerClause(reported)).sorted { $0.range.start < $1.range.start }
    }

    /// One statement per clause. "The department said the Customs Service has reported that X"
    /// reaches X through both verbs: X is the Customs Service's, whose cue stands nearest.
    static func oncePerClause(_ reported: [Quote]) -> [Quote] {
        var best: [SourceRange: Quote] = [:]
        var order: [SourceRange] = []
        func distance(_ q: Quote) -> Int { q.cue.map { abs(q.range.start - $0.end) } ?? Int.max }
        for q in reported {
            if let kept = best[q.range] {
                if distance(q) < distance(kept) { best[q.range] = q }
            } else {
                best[q.range] = q
                order.append(q.range)
            }
        }
        return order.map { best[$0]! }
    }

    /// The person a paragraph that opens with a whole-sentence quotation goes on to be about:
    /// "“This is a disgrace.” Transport minister Anne Clark criticised both sides." In news
    /// copy the name that follows such a quotation is its speaker, not whoever spoke before.
    mutating func personAfter(sentence n: Int) -> Int? {
        let (s, _) = sentences[n]
        guard n + 1 < sentences.count, sentences[n + 1].0.paragraph == s.paragraph,
              n == 0 || sentences[n - 1].0.paragraph != s.paragraph,
              s.tokens.dropFirst().allSatisfy({ !$0.isWord && !$0.isQuote }) else { return nil }
        let (next, nextBase) = sentences[n + 1]
        let t = next.tokens
        guard let (r, ref) = CueFinder.sentenceSubject(t, before: t.count), case .name(_, _, true) = ref else { return nil }
        return discourse.resolve(ref, at: nextBase + t[r.lowerBound].range.lowerBound)
    }

    /// A quotation is direct when it starts its sentence, follows a colon, or follows
    /// `X said,`; otherwise it is a fragment inside the writer's sentence.
    func isDirect(_ t: [Token], at i: Int, cues: [Cue]) -> Bool {
        if i == 0 { return true }
        if t[i - 1].isPunct(":") { return true }
        if t[i - 1].isPunct(","), cues.contains(where: { $0.anchor < i - 1 && $0.anchor >= i - 4 && $0.form == .verb }) { return true }
        // "… and said, “…”": a speech verb right before, even when its speaker is unknown.
        if i > 1, t[i - 1].isPunct(",:"), t[i - 2].isLowercase, t[i - 2].reportingVerb?.use == .speech { return true }
        // `X said in a statement “We …”`: a sentence of its own right after the verb.
        let first = marked[t[i].quoteIndex!].pieces[0]
        let text = scalars[first.paragraph][first.inner]
        if let c = text.first(where: { !Scalars.isSpace($0) }), Scalars.isUpper(c),
           let cue = cues.last(where: { $0.form == .verb && !$0.inverted && $0.anchor < i && $0.anchor >= i - 6 }),
           !t[(cue.anchor + 1)..<i].contains(where: { $0.isQuote || $0.isPunct(".;") || $0.lower == "that" }) {
            return true
        }
        return false
    }

    /// The cue right after a quotation: `“…,” he said`, `“…,” said X`, `“…,” according to X`.
    func adjacentAfter(_ t: [Token], quote i: Int, cues: [Cue]) -> Int? {
        var j = i + 1
        while j < t.count, t[j].isPunct(",;") { j += 1 }
        return cues.firstIndex { c in
            (c.form == .according && c.anchor == j) || (c.form == .verb && (c.inverted ? c.anchor == j : c.subject.lowerBound == j))
        }
    }

    /// The cue right before a quotation: `X said: “…”`, `He told reporters, “…”`.
    func adjacentBefore(_ t: [Token], quote i: Int, cues: [Cue]) -> Int? {
        guard i > 0, t[i - 1].isPunct(":,") else { return nil }
        return cues.lastIndex { c in c.form == .verb && !c.inverted && c.anchor < i - 1 && c.anchor >= i - 6 &&
            !t[(c.anchor + 1)..<(i - 1)].contains { $0.isQuote || $0.isPunct(",.;:") } }
    }

    /// The name of a work or event in title case (“The Salt Years”): nobody's words.
    func isTitle(_ qi: Int) -> Bool {
        let q = marked[qi]
        guard q.pieces.count == 1, let p = q.pieces.first else { return false }
        return QuoteMarks.isTitleCase(scalars[p.paragraph][p.inner])
    }

    static let namingVerbs: Lexicon = ["describe", "characterise", "characterize"]

    /// Any speech cue of the sentence: the nearest before the quotation, else the nearest after.
    /// `X described it as “…”` counts although describing is no speech.
    func nearest(_ t: [Token], quote i: Int, cues: [Cue]) -> Int? {
        let naming = i > 0 && t[i - 1].lower == "as"
        let usable = cues.indices.filter { cues[$0].use != .quoteOnly && !cues[$0].inverted || cues[$0].form == .according
            || naming && !cues[$0].inverted && Self.namingVerbs.contains(cues[$0].lemma) }
        if let c = usable.last(where: { cues[$0].anchor < i }) { return c }
        return usable.first { cues[$0].anchor > i }
    }

    /// Token range of the clause a cue reports, or nil when it reports only a quotation.
    func reportedClause(_ t: [Token], cue: Cue, cues: [Cue], used: Set<Int>) -> Range<Int>? {
        let end = sentenceEnd(t)
        switch cue.form {
        case .passiveBy: return nil
        case .according:
            let phraseEnd = cue.subject.upperBound
            // "According to X, …" or "…, according to X."
            if cue.anchor == 0 || (cue.anchor > 0 && !t[..<cue.anchor].contains { !$0.isPunct(",") && !CueFinder.isAdverbialSegment([$0]) }) {
                var start = phraseEnd
                while start < end, !t[start].isPunct(",") { start += 1 }
                guard start + 1 < end else { return nil }
                return trimmed(t, (start + 1)..<end)
            }
            guard cue.anchor > 0, t[cue.anchor - 1].isPunct(",") else { return nil }
            // "X said Y, according to Reuters": the statement is X's, the outlet only relays it.
            if cues.contains(where: { ($0.form == .verb && !$0.inverted && $0.use != .quoteOnly || $0.form == .according) && $0.anchor < cue.anchor }) { return nil }
            if t[..<(cue.anchor - 1)].last?.isQuote == true { return nil }
            return trimmed(t, 0..<(cue.anchor - 1))
        case .verb:
            guard !cue.inverted else { return nil }
            if cue.use == .quoteOnly { return nil }
            guard cue.subject.upperBound <= cue.anchor else { return nil }
            // Trailing attribution: "…, Kyiv officials said on Tuesday, as …"
            if cue.subject.lowerBound > 0, t[cue.subject.lowerBound - 1].isPunct(","), afterIsAdverbial(t, from: cue.anchor + 1, to: end) {
                if t[cue.subject.lowerBound - 2 >= 0 ? cue.subject.lowerBound - 2 : 0].isQuote { return nil }
                // "Leaders have reaffirmed …, VOA reports": the outlet relays someone else's words.
                if cues.contains(where: { $0.form == .verb && $0.use == .speech && $0.anchor < cue.subject.lowerBound }) { return nil }
                return trimmed(t, 0..<(cue.subject.lowerBound - 1))
            }
            var start = cue.anchor + 1
            // "told a conference in Oslo that …", "said in a statement that …"
            if let that = (start..<min(end, start + 7)).first(where: { t[$0].lower == "that" && !t[start..<$0].contains { $0.isPunct(",;:") || $0.isQuote } }) {
                start = that + 1
            } else if cue.use == .thatClause {
                return nil
            } else {
                start = skipAdverbialsForward(t, start, end)
                // "told Reuters there was …", "warned reporters the …": skip who was told.
                if CueFinder.objectVerbs.contains(cue.lemma), start < end {
                    if t[start].isCapitalized {
                        while start < end, t[start].isCapitalized { start += 1 }
                    } else if t[start].is(.audience) {
                        start += 1
                    } else if t[start].lower == "the", start + 1 < end, t[start + 1].is(.audience) {
                        start += 2
                    } else if t[start].lower == "the", start + 2 < end, t[start + 1].isLowercase, t[start + 2].isCapitalized || t[start + 2].is(.clauseSubject) {
                        // "told the court Pugh had …": one noun told, then the clause.
                        start += 2
                    }
                    start = skipAdverbialsForward(t, start, end)
                }
                // "said in an interview", "commented on the falls": where, not what.
                if start < end, t[start].is(.preposition) { return nil }
            }
            guard start < end, !t[start].isPunct(":") else { return nil }
            // Stop before a participle cue: "…, adding that …"; or before a colon that opens a quotation.
            var stop = end
            if let colon = (start..<end).first(where: { t[$0].isPunct(":") && $0 + 1 < t.count && t[$0 + 1].isQuote }) { stop = colon }
            if let next = cues.first(where: { $0.anchor > start && $0.anchor < end && $0.anchor > 0 && t[$0.anchor - 1].isPunct(",") && $0.lemma != cue.lemma || ($0.anchor > start && $0.form == .verb && $0.subject == cue.subject && $0.anchor != cue.anchor) }) {
                stop = min(stop, next.anchor - 1)
            }
            return trimmed(t, start..<stop)
        }
    }

    static let audiences: Lexicon = ["reporters", "journalists", "him", "her", "them", "us", "me", "lawmakers", "parliament", "congress", "investors", "analysts", "shareholders", "delegates", "supporters", "listeners", "viewers", "readers", "students", "members"]
    static let clauseSubjects: Lexicon = ["he", "she", "it", "they", "we", "i", "there", "his", "her", "their", "its"]
    static let prepositions: Lexicon = ["in", "on", "at", "during", "to", "after", "before", "with", "for", "from", "by", "about", "upon", "via", "outside", "inside"]

    func afterIsAdverbial(_ t: [Token], from: Int, to end: Int) -> Bool {
        var j = from
        var words = 0
        while j < end, !t[j].isPunct(",;") {
            if t[j].isQuote { return false }
            words += 1
            j += 1
        }
        // "said on Tuesday", "told reporters", "claimed today"
        let span = t[from..<j]
        if span.contains(where: { $0.lower == "that" }) { return false }
        return words <= 4
    }

    func skipAdverbialsForward(_ t: [Token], _ start: Int, _ end: Int) -> Int {
        var j = start
        while j < end {
            let w = t[j]
            if w.isWord, w.isLowercase, w.is(.adverb) { j += 1; continue }
            if w.isWord, ["on", "last", "this", "earlier", "late"].contains(w.lower), j + 1 < end, CueFinder.isTimeWord(t[j + 1]) {
                j += 2
                while j < end, CueFinder.isTimeWord(t[j]) || t[j].isPunct(",") && j + 1 < end && CueFinder.isTimeWord(t[j + 1]) { j += 1 }
                continue
            }
            if w.isWord, ["today", "yesterday", "tonight"].contains(w.lower) { j += 1; continue }
            break
        }
        return j
    }

    func sentenceEnd(_ t: [Token]) -> Int {
        var end = t.count
        while end > 0, t[end - 1].isPunct(".!?;:,") { end -= 1 }
        return end
    }

    /// A clause needs a few words of its own beyond a quotation.
    func trimmed(_ t: [Token], _ r: Range<Int>) -> Range<Int>? {
        var a = r.lowerBound, b = r.upperBound
        while a < b, t[a].isPunct(",;:—–-") { a += 1 }
        while b > a, t[b - 1].isPunct(",;:—–-") { b -= 1 }
        guard b - a >= 3, t[a..<b].filter(\.isWord).count >= 3 else { return nil }
        return a..<b
    }
}
