/// A place where the writer says who speaks: a reporting verb with its speaker phrase,
/// `according to X`, or a passive `… by X`.
struct Cue: Sendable {
    enum Form: Sendable { case verb, according, passiveBy }
    var form: Form
    /// Token index of the verb (or of `according` / `by`).
    var anchor: Int
    var lemma: String
    var use: ReportingVerbs.Use
    /// Token indexes of the speaker phrase.
    var subject: Range<Int>
    var referent: Referent
    /// Speaker after the verb: `“…,” said the minister`.
    var inverted: Bool
    /// The speaker phrase is one of several joined by `and`: a poor speaker for a statement.
    var coordinated: Bool
    /// Role given in an appositive: `X, president of the Commission, said`.
    var appositiveRole: String?
}

/// Finds cues in a sentence's tokens.
enum CueFinder {
    static let objectVerbs: Lexicon = ["tell", "inform", "assure", "reassure", "remind", "warn", "brief", "advise", "notify", "promise", "urge", "caution", "write"]

    /// Every reporting verb that has a speaker phrase, plus `according to X`.
    static func cues(_ t: [Token]) -> [Cue] {
        var result: [Cue] = []
        for (i, tok) in t.enumerated() where tok.isWord {
            if tok.lower == "according", i + 1 < t.count, t[i + 1].lower == "to",
               let (r, ref) = phraseAfter(t, from: i + 2, stopAtPossessive: true) {
                result.append(Cue(form: .according, anchor: i, lemma: "according", use: .speech, subject: r, referent: ref,
                                  inverted: true, coordinated: false, appositiveRole: nil))
                continue
            }
            // "The agency quoted X as saying …": X speaks, the agency relays.
            if tok.lower == "quoted" || tok.lower == "cited", let cue = quotedAsSaying(t, at: i) {
                result.append(cue)
                continue
            }
            guard tok.isLowercase, let (lemma, use) = tok.reportingVerb, isVerbUse(t, i) else { continue }
            // "X said … and added that …": a second verb shares the first one's speaker.
            if t[i - 1].lower == "and", let last = result.last, last.form == .verb, !last.inverted {
                var cue = last
                cue.anchor = i; cue.lemma = lemma; cue.use = use
                result.append(cue)
                continue
            }
            // "…, he said, adding that …": the participle shares the speaker of the cue before it.
            if tok.lower.hasSuffix("ing"), t[i - 1].isPunct(","), let last = result.last {
                var cue = last
                cue.anchor = i; cue.lemma = lemma; cue.use = use; cue.inverted = false
                result.append(cue)
                continue
            }
            if let found = subjectBefore(t, verb: i) {
                result.append(Cue(form: .verb, anchor: i, lemma: lemma, use: use, subject: found.range, referent: found.referent,
                                  inverted: false, coordinated: found.coordinated, appositiveRole: found.role))
            } else if i > 0, t[i - 1].isQuote || (t[i - 1].isPunct(",") && i > 1 && t[i - 2].isQuote),
                      let (r, ref) = phraseAfter(t, from: i + 1, stopAtPossessive: false) {
                result.append(Cue(form: .verb, anchor: i, lemma: lemma, use: use, subject: r, referent: ref,
                                  inverted: true, coordinated: false, appositiveRole: nil))
            } else if tok.lower.hasSuffix("ing"), t[i - 1].is(.participleLink) || t[i - 1].isPunct(","),
                      let (r, ref) = sentenceSubject(t, before: i) {
                // "X left fans stunned after revealing …", "X posted a statement saying …": a
                // participle with no subject of its own speaks for the sentence's subject.
                result.append(Cue(form: .verb, anchor: i, lemma: lemma, use: use, subject: r, referent: ref,
                                  inverted: false, coordinated: false, appositiveRole: nil))
            }
        }
        return result
    }

    /// `quoted X as saying`: the phrase between the verb and `as` is the speaker; the cue sits on
    /// the participle so that what follows is reported as X's.
    static func quotedAsSaying(_ t: [Token], at i: Int) -> Cue? {
        let last = min(t.count - 1, i + 16)
        guard i + 2 < last, let as_ = (i + 2..<last).first(where: { t[$0].lower == "as" }),
              let (lemma, use) = t[as_ + 1].reportingVerb, t[as_ + 1].lower.hasSuffix("ing") else { return nil }
        // "Sheikh Rashid bin Saeed, the ruler of Ras Qasim, as saying": the name before the appositive.
        let end = (i + 1..<as_).first { t[$0].isPunct(",") } ?? as_
        guard end > i + 1, let ref = SpeakerPhrase.classify(Array(t[(i + 1)..<end]), subject: true) else { return nil }
        if case .pronoun = ref { return nil }
        return Cue(form: .verb, anchor: as_ + 1, lemma: lemma, use: use, subject: (i + 1)..<end, referent: ref,
                   inverted: false, coordinated: false, appositiveRole: nil)
    }

    static let pronounSubjects: Lexicon = ["he", "she"]
    /// What may stand before a participle that speaks for the sentence's subject ("after revealing",
    /// "a statement saying"); "areas reporting snow" is a reduced relative, not speech.
    static let participleLinks: Lexicon = ["after", "before", "while", "when", "by", "without", "statement", "release", "report", "letter", "post", "note", "memo", "website", "interview", "briefing", "filing"]
    static let connectors: Lexicon = ["of", "for", "and", "to", "the"]

    /// The subject of a sentence before token `limit`: a person's or body's name (with titles and
    /// particles) or `he`/`she` at its start, after an opening adverbial or participle clause
    /// ("Asked about …, she"), followed by a verb. "Johnson’s partner, Marcus Bell, was" gives
    /// the appositive name.
    static func sentenceSubject(_ t: [Token], before limit: Int) -> (Range<Int>, Referent)? {
        guard limit > 0, let first = t.first, first.isWord else { return nil }
        var k = 0
        // A dateline ("HONG KONG, March 2 - ", "WASHINGTON (AP) — ") is not the subject.
        if let dash = t[..<min(limit, 14)].firstIndex(where: { $0.isPunct("-—–") }), dash > 0,
           t[..<dash].allSatisfy({ $0.isCapitalized || $0.isPunct(",()") || ($0.text.unicodeScalars.first.map(Scalars.isDigit) ?? false) }) {
            k = dash + 1
        }
        if k < limit, t[k].isWord, let comma = t[k..<min(limit, k + 16)].firstIndex(where: { $0.isPunct(",") }), comma > k,
           !t[k..<comma].contains(where: \.isQuote),
           isAdverbialSegment(Array(t[k..<comma])) || (t[k].lower.count > 4 && (t[k].lower.hasSuffix("ed") || t[k].lower.hasSuffix("ing"))) {
            k = comma + 1
        }
        guard k < limit, t[k].isWord else { return nil }
        func followedByVerb(_ j: Int) -> Bool { j < limit && (t[j].isLowercase || t[j].isPunct(",")) }
        if t[k].is(.pronounSubject) {
            return followedByVerb(k + 1) ? (k..<(k + 1), .pronoun(t[k].lower)) : nil
        }
        var j = k
        while j < limit {
            let w = t[j]
            if w.isPunct("."), j > k, t[j - 1].range.upperBound == w.range.lowerBound, j + 1 < limit, t[j + 1].isCapitalized { j += 1; continue }
            guard w.isWord else { break }
            if w.isCapitalized { j += 1; continue }
            if w.is(.particle) || w.is(.title), j + 1 < limit, t[j + 1].isCapitalized || t[j + 1].is(.particle) { j += 1; continue }
            // "Hollywood hardman Dwayne Johnson": one plain word describing the name that follows.
            if j > k, t[j - 1].isCapitalized, j + 1 < limit, t[j + 1].isCapitalized, !w.is(.stop), w.reportingVerb == nil { j += 1; continue }
            break
        }
        guard j > k else { return nil }
        if NameWords.isPossessive(t[j - 1].text) {
            // "Johnson’s former tag partner, Marcus Bell, was …"
            guard let c1 = (j..<min(limit, j + 6)).first(where: { t[$0].isPunct(",") }), !t[j..<c1].contains(where: { !$0.isWord }),
                  let c2 = ((c1 + 1)..<min(limit, c1 + 8)).first(where: { t[$0].isPunct(",") }), c2 > c1 + 1,
                  case .name(_, _, true)? = SpeakerPhrase.classify(Array(t[(c1 + 1)..<c2]), subject: true),
                  followedByVerb(c2 + 1) else { return nil }
            return ((c1 + 1)..<c2, SpeakerPhrase.classify(Array(t[(c1 + 1)..<c2]), subject: true)!)
        }
        guard followedByVerb(j), let ref = SpeakerPhrase.classify(Array(t[k..<j]), subject: true), case .name = ref else { return nil }
        return (k..<j, ref)
    }

    /// `… as “…” by X`: the agent of a passive description of a quotation.
    static func passiveAgent(_ t: [Token], quoteAt q: Int) -> Cue? {
        guard q > 0, t[q - 1].is(.passiveLink), q + 1 < t.count, t[q + 1].lower == "by",
              let (r, ref) = phraseAfter(t, from: q + 2, stopAtPossessive: false) else { return nil }
        return Cue(form: .passiveBy, anchor: q + 1, lemma: "by", use: .quoteOnly, subject: r, referent: ref,
                   inverted: true, coordinated: false, appositiveRole: nil)
    }

    /// Words before a quotation in a passive naming: `described as “…” by`, `called “…” by`.
    static let passiveLinks: Lexicon = ["as", "like", "called", "dubbed", "labelled", "labeled", "branded", "termed"]

    static let statementNouns: Lexicon = ["statement", "statements", "remark", "remarks", "comment", "comments", "words", "announcement", "claim", "assessment", "warning"]

    /// `This was stated by X.` / `Such a statement was made by X.`: a passive whose subject
    /// points back at the previous sentence.
    static func statementAgent(_ t: [Token]) -> Cue? {
        guard let by = t.firstIndex(where: { $0.lower == "by" }), by >= 3,
              ["was", "were", "been"].contains(t[by - 2].lower) || (by >= 4 && ["was", "were", "been"].contains(t[by - 3].lower)) else { return nil }
        let participle = t[by - 1].lower
        guard participle == "made" || participle == "issued" || ReportingVerbs.lookup(participle) != nil else { return nil }
        let head = t[..<by].prefix(while: { !["was", "were", "been", "has", "had"].contains($0.lower) }).filter(\.isWord).map(\.lower)
        let pointsBack = head == ["this"] || head == ["that"] || head == ["it"]
            || (["this", "that", "such", "the", "these", "those"].contains(head.first ?? "") && head.contains { statementNouns.contains($0) })
        guard pointsBack, let (r, ref) = phraseAfter(t, from: by + 1, stopAtPossessive: false) else { return nil }
        return Cue(form: .passiveBy, anchor: by, lemma: participle, use: .speech, subject: r, referent: ref,
                   inverted: true, coordinated: false, appositiveRole: nil)
    }

    /// A reporting word used as a finite verb, not a noun (`the report`), an infinitive
    /// (`to confirm`), a passive (`was noted`) or `as noted`.
    static func isVerbUse(_ t: [Token], _ i: Int) -> Bool {
        guard i > 0 else { return false }
        let prev = t[i - 1].lower
        if NameWords.determiners.contains(prev) && prev != "that" { return false }
        if ["to", "as", "was", "were", "be", "been", "being", "is", "are", "no", "not", "any", "of", "for", "'s", "’s"].contains(prev) { return false }
        if t[i - 1].isWord, NameWords.isPossessive(t[i - 1].text), !t[i - 1].isCapitalized { return false }
        // "China's demands", "Smith's claims": after a possessor a plural form is a noun.
        if t[i - 1].isWord, NameWords.isPossessive(t[i - 1].text), t[i].lower.hasSuffix("s"), t[i].lower != "says" { return false }
        return true
    }

    /// The speaker phrase right before a verb, skipping adverbs, time phrases and
    /// appositives (`The head of the department, Sergey Lavrov, in turn, noted`).
    static func subjectBefore(_ t: [Token], verb v: Int) -> (range: Range<Int>, referent: Referent, coordinated: Bool, role: String?)? {
        var k = skipAdverbialsBackward(t, v - 1)
        guard k >= 0 else { return nil }
        // "It added that …": a body spoken of before.
        if t[k].lower == "it", k == 0 || !t[k - 1].isWord { return (k..<(k + 1), .pronoun("it"), false, nil) }
        if t[k].isPunct(",") {
            // Skip comma-delimited adverbials ("in turn", "however").
            var comma = k
            while true {
                let prevComma = (0..<comma).last { t[$0].isPunct(",") } ?? -1
                let seg = Array(t[(prevComma + 1)..<comma])
                if isAdverbialSegment(seg) { comma = prevComma; if comma < 0 { return nil }; continue }
                // "X, who chairs the committee, said": a relative clause may run longer than an appositive.
                let relative = seg.first.map { ["who", "whose", "which", "whom"].contains($0.lower) } ?? false
                guard seg.count <= (relative ? 16 : 8), !seg.isEmpty, !seg.contains(where: \.isQuote) else { return nil }
                // seg is an appositive; the head phrase stands before it, from the sentence start
                // (or after an opening adverbial).
                guard prevComma >= 0 else { return nil }
                let before = (0..<prevComma).last { t[$0].isPunct(",") } ?? -1
                let head = Array(t[(before + 1)..<prevComma])
                // The head starts the sentence, follows an opening adverbial, or follows a quotation.
                guard !head.isEmpty, head.count <= 8,
                      before < 0 || isAdverbialSegment(Array(t[0..<before])) || (before > 0 && t[before - 1].isQuote) else { return nil }
                let a = SpeakerPhrase.classify(head, subject: true)
                // "Vance, 45, said": an age says nothing about who speaks.
                let isAge = seg.count == 1 && seg[0].text.unicodeScalars.allSatisfy(Scalars.isDigit)
                let b = isAge ? nil : SpeakerPhrase.classify(seg, subject: true)
                let words = { (s: [Token]) in s.filter(\.isWord).map(\.text).joined(separator: " ") }
                switch (a, b) {
                case (.name?, _): return ((before + 1)..<prevComma, a!, false, isAge ? nil : words(seg))
                case (_, .name?): return ((prevComma + 1)..<comma, b!, false, words(head))
                case (let a?, nil) where isAge || relative: return ((before + 1)..<prevComma, a, false, nil)
                // "One victim, an 82-year-old teacher, wrote": two descriptions; the head speaks.
                case (let a?, _?): return ((before + 1)..<prevComma, a, false, words(seg))
                default: return nil
                }
            }
        }
        if t[k].isPunct(")") {
            guard let open = (0..<k).last(where: { t[$0].isPunct("(") }) else { return nil }
            k = open - 1
            guard k >= 0 else { return nil }
        }
        guard t[k].isWord else { return nil }
        var j = k
        var count = 0
        var sawCapital = false
        while j >= 0 {
            let w = t[j]
            if w.isPunct("."), j > 0, t[j - 1].isWord, t[j - 1].range.upperBound == w.range.lowerBound, j < k { j -= 1; continue }
            guard w.isWord else { break }
            // "told the court Pugh said", "rights group Amnesty International said": a plain noun
            // before a name is not part of it; a title is ("Nomura economist", "coach Amy Lund").
            if sawCapital, t[k].isCapitalized, w.isLowercase, !w.is(.title), !w.is(.personRole),
               !w.is(.particle), !w.is(.determiner), !w.is(.connector) { break }
            if w.isCapitalized { sawCapital = true }
            // "Chancellor of the Exchequer …": the article inside a title phrase.
            // "Jan van der Berg of the Kiel Institute": a person's name, then where they work.
            if w.lower == "the", j >= 2, t[j - 1].lower == "of", t[j - 2].isCapitalized,
               NameWords.isTitle(t[j - 2].text) || !NameWords.isOrgWord(t[j - 2].text) { j -= 1; count += 1; continue }
            if w.is(.determiner) { j -= 1; count += 1; break }
            if w.isLowercase, ["to", "of"].contains(w.lower), j > 0, t[j - 1].isCapitalized, NameWords.isTitle(t[j - 1].text) {
                j -= 1; count += 1; continue
            }
            if w.isLowercase, w.is(.stop) || w.reportingVerb != nil { break }
            count += 1
            if count > 10 { return nil }
            j -= 1
        }
        // "The head of the UK’s largest water company": the person's role, not the company.
        if j >= 1, j + 1 < k, t[j + 1].is(.determiner), t[j].lower == "of", t[j - 1].isLowercase,
           t[j - 1].is(.personRole) || t[j - 1].is(.title) {
            j -= 1
            while j >= 0, t[j].isLowercase, t[j].is(.title) || t[j].is(.personRole) { j -= 1 }
            if j >= 0, t[j].is(.determiner) { j -= 1 }
        }
        let range = (j + 1)..<(k + 1)
        guard !range.isEmpty else { return nil }
        guard let ref = SpeakerPhrase.classify(Array(t[range]), subject: true) else {
            if let s = sourceStart(t, before: v) { return (s..<v, .group(t[(s + 1)..<v].map(\.text).joined(separator: " ")), false, nil) }
            return nil
        }
        if case .name = ref, !t[k].isCapitalized { return nil }
        let coordinated = j >= 0 && ["and", "or", "&"].contains(t[j].lower)
        return (range, ref, coordinated, nil)
    }

    /// Where "A source close to the star" starts: a/an/one and a one-person role at the start of
    /// the clause, with no punctuation before the verb.
    static func sourceStart(_ t: [Token], before v: Int) -> Int? {
        var s = v - 1
        while s > 0, t[s - 1].isWord { s -= 1 }
        guard s < v - 2, ["a", "an", "one"].contains(t[s].lower) else { return nil }
        guard ((s + 1)...min(s + 3, v - 1)).contains(where: { t[$0].is(.personRole) }) else { return nil }
        if t[s..<v].contains(where: { $0.isLowercase && ($0.reportingVerb != nil || ["who", "which", "that"].contains($0.lower)) }) { return nil }
        return s
    }

    /// A speaker phrase starting at `from`: `said the official`, `according to X’s report`, `by X who …`.
    static func phraseAfter(_ t: [Token], from: Int, stopAtPossessive: Bool) -> (Range<Int>, Referent)? {
        var j = from
        var sawWord = false
        while j < t.count {
            let w = t[j]
            if w.isPunct("."), j > from, t[j - 1].isWord, t[j - 1].range.upperBound == w.range.lowerBound,
               j + 1 < t.count, t[j + 1].isLowercase || t[j + 1].isCapitalized && t[j - 1].text.count <= 2 { j += 1; continue }
            // A parenthetical (an original name, an abbreviation) ends the phrase.
            guard w.isWord else { break }
            if w.isLowercase {
                if ["of", "to", "for"].contains(w.lower), sawWord, j + 1 < t.count, t[j + 1].isWord { j += 1; continue }
                if w.is(.determiner), !sawWord || (j > from && ["of", "to", "for"].contains(t[j - 1].lower)) { j += 1; continue }
                if w.is(.stop) || w.reportingVerb != nil { break }
            }
            sawWord = true
            j += 1
            if stopAtPossessive, NameWords.isPossessive(w.text) { break }
            if j - from > 12 { return nil }
        }
        // Do not end on a dangling "of"/"to"/"the".
        while j > from, t[j - 1].isWord, ["of", "to", "for", "the", "a", "an"].contains(t[j - 1].lower) { j -= 1 }
        guard j > from, let ref = SpeakerPhrase.classify(Array(t[from..<j])) else { return nil }
        return (from..<j, ref)
    }

    static let timeWords: Lexicon = ["week", "month", "year", "morning", "afternoon", "evening", "night", "weekend", "day", "days", "weeks", "months", "time"]
    static let timePrepositions: Lexicon = ["on", "in", "last", "this", "next", "late", "early", "earlier", "at", "during", "over", "the"]

    /// Moves left past adverbs and time phrases that may stand between speaker and verb.
    static func skipAdverbialsBackward(_ t: [Token], _ start: Int) -> Int {
        var k = start
        while k >= 0 {
            let w = t[k]
            guard w.isWord else { return k }
            if w.isLowercase, w.is(.adverb) || (w.lower.hasSuffix("ly") && w.lower.count > 5 && !w.is(.personRole)) {
                k -= 1; continue
            }
            if w.lower == "turn", k > 0, t[k - 1].lower == "in" { k -= 2; continue }
            if isTimeWord(w) {
                var m = k - 1
                while m >= 0, m >= k - 3, !t[m].is(.timePreposition) || t[m].lower == "the" {
                    if !(t[m].isWord || t[m].isPunct(",")) { break }
                    m -= 1
                }
                if m >= 0, m >= k - 3, t[m].is(.timePreposition) { k = m - 1; continue }
                if w.is(.day), w.lower == "today" || w.lower == "yesterday" { k -= 1; continue }
                return k
            }
            return k
        }
        return k
    }

    static func isTimeWord(_ w: Token) -> Bool {
        w.is(.day) || w.is(.month) || w.is(.timeWord)
            || (w.text.unicodeScalars.first.map(Scalars.isDigit) ?? false)
    }

    static let adverbialStarts: Lexicon = [
        "in", "on", "at", "however", "meanwhile", "also", "too", "for", "earlier", "later", "then", "moreover",
        "furthermore", "nevertheless", "though", "instead", "separately", "additionally", "still", "again", "last",
        "this", "today", "yesterday", "previously", "now", "once", "indeed", "after", "before", "during", "speaking",
        "prior",
    ]
    static func isAdverbialSegment(_ seg: [Token]) -> Bool {
        guard let first = seg.first, first.isWord else { return false }
        return first.is(.adverbialStart) && seg.count <= 8
    }
}
