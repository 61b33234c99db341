import Foundation

/// The story separated from page furniture: headline, paragraphs and what was dropped.
public struct CleanText: Sendable {
    public var title: String?
    public var paragraphs: [Paragraph]
    public var boilerplate: [String]
    public var metadata: [String: String]
    public init(title: String? = nil, paragraphs: [Paragraph] = [], boilerplate: [String] = [], metadata: [String: String] = [:]) {
        self.title = title; self.paragraphs = paragraphs; self.boilerplate = boilerplate; self.metadata = metadata
    }
}

/// Separates the story from page furniture. Works on the shape and position of each paragraph:
/// the head before the first prose paragraph holds the headline, stamps and menus; the tail
/// after the last one holds sign-offs, reply boxes and related links.
public enum Cleaner {
    public static func clean(_ text: SourceText, bodyStart: Int, givenTitle: String?) -> CleanText {
        var result = CleanText(title: givenTitle)
        let blocks = Segmenter.paragraphs(text, lines: text.lines(from: bodyStart))
        let paragraphs = blocks.compactMap { Segmenter.paragraph(text, lines: $0) }
        var keep = Array(repeating: true, count: paragraphs.count)
        func drop(_ i: Int, boilerplate: Bool = true) {
            keep[i] = false
            if boilerplate { result.boilerplate.append(paragraphs[i].text) }
        }
        let shapes = paragraphs.map { LineShape($0.text) }
        var kinds = shapes.map { Furniture.kind(of: $0) }
        // A wire sign-off ("Reuter") closes the story.
        if let last = paragraphs.indices.last, shapes[last].wordCount == 1, !shapes[last].endsSentence,
           shapes[last].text.unicodeScalars.allSatisfy(Scalars.isLetter), shapes[last].isTitleCase, paragraphs.count > 1 {
            kinds[last] = .signoff
        }
        markAuthorNotes(paragraphs, shapes: shapes, kinds: &kinds)
        // Everything after a trailer heading late in the page (related stories, comments).
        var prose = paragraphs.indices.filter { kinds[$0] == nil && shapes[$0].isProse }
        var from = 0
        while let cut = paragraphs.indices.first(where: { i in
            guard i >= from, kinds[i] != .stamp, Furniture.opensTrailer(paragraphs[i].text) else { return false }
            let before = prose.filter { $0 < i }.count
            return before >= 2 && before >= prose.count - before
        }) {
            // A box of links or a share bar in mid-story: after its items the page goes on mostly in
            // story paragraphs, where after a real trailer come headlines, teasers and comment meta.
            var end = cut + 1
            while end < paragraphs.count, kinds[end] != nil || !shapes[end].isProse { end += 1 }
            let rest = (end..<paragraphs.count).filter { kinds[$0] == nil }
            let restProse = rest.filter { shapes[$0].isProse }.count
            let resumes = restProse >= 2 && restProse * 2 >= rest.count && !Furniture.opensComments(paragraphs[cut].text)
            for k in cut..<(resumes ? end : paragraphs.count) where kinds[k] == nil { kinds[k] = .headlineList }
            prose = prose.filter { kinds[$0] == nil }
            guard resumes else { break }
            from = end
        }
        let firstProse = prose.first ?? paragraphs.count
        var lastProse = prose.last ?? paragraphs.count
        // Short sentences closing the story ("We will see.") are story, not tail furniture.
        while lastProse + 1 < paragraphs.count, kinds[lastProse + 1] == nil, shapes[lastProse + 1].endsSentence,
              shapes[lastProse + 1].wordCount >= 2 { lastProse += 1 }

        var titleIndex: Int?
        if let given = givenTitle {
            // The container's headline repeated as the first line (wire copy, JSONL).
            if let first = paragraphs.indices.first(where: { kinds[$0] == nil }), same(paragraphs[first].text, given) { titleIndex = first }
        } else {
            let head = paragraphs.indices.filter { $0 < firstProse && kinds[$0] == nil && shapes[$0].isHeadlineShaped }
            // The site's name and tagline stand above its menu; the headline comes after it.
            let menuEnd = firstProse < paragraphs.count ? lastMenuRun(before: firstProse, shapes: shapes, kinds: kinds) ?? -1 : -1
            titleIndex = head.first { $0 > menuEnd && shapes[$0].wordCount >= 4 } ?? head.first { shapes[$0].wordCount >= 4 } ?? head.first
            if titleIndex == nil, paragraphs.count > 1, let first = paragraphs.indices.first,
               kinds[first] == nil, shapes[first].isHeadlineShaped, first < firstProse || prose.count > 1 { titleIndex = first }
            if let t = titleIndex { result.title = paragraphs[t].text }
        }
        let titleText = (titleIndex.map { paragraphs[$0].text } ?? givenTitle)?.lowercased()
        for i in paragraphs.indices {
            if i == titleIndex { keep[i] = false; continue }
            // The headline again with the site's name ("Headline | Site"), as the page's title bar shows it.
            if i < firstProse, let t = titleText, t.utf8.count >= 20, paragraphs[i].text.utf8.count <= 300, paragraphs[i].text.lowercased().includes(t) { drop(i); continue }
            if let kind = kinds[i] {
                if kind == .byline, let date = Furniture.bylineDate(paragraphs[i].text), result.metadata["date line"] == nil {
                    result.metadata["date line"] = date
                }
                if kind == .stamp {
                    let beforeTitle = titleIndex.map { i < $0 } ?? (i < firstProse)
                    let stamp = DateStamp.parse(paragraphs[i].text)
                    let key = stamp?.labelled == true || !(beforeTitle || stamp?.hasTime == true || stamp == nil) ? "date line" : "capture stamp"
                    if result.metadata[key] == nil { result.metadata[key] = paragraphs[i].text }
                }
                drop(i)
                continue
            }
            let shape = shapes[i]
            // Before the story: place names, section labels, short labels and widget captions ("Show key events only"),
            // but not the rows of a table (digits, spaced columns).
            if i < firstProse, firstProse < paragraphs.count, !shape.isProse, !shape.endsSentence || isAbbreviation(shape),
               shape.wordCount <= 3 || (shape.wordCount <= 6 && !shape.text.unicodeScalars.contains(where: Scalars.isDigit) && !shape.text.contains("  ")) {
                drop(i); continue
            }
            // After the story: reply boxes, related headlines, tag lists.
            if i > lastProse, !shape.isProse, shape.wordCount <= 15, prose.count >= 2 { drop(i); continue }
            // Between two story paragraphs, a lone word with no punctuation is an ad or section label ("Publicidad").
            if i > 0, i + 1 < paragraphs.count, shape.wordCount == 1, shape.text.unicodeScalars.allSatisfy(Scalars.isLetter),
               kinds[i - 1] == nil, kinds[i + 1] == nil, shapes[i - 1].isProse, shapes[i + 1].isProse { drop(i); continue }
        }
        dropHeadlineRuns(paragraphs, shapes: shapes, keep: &keep, boilerplate: &result.boilerplate)

        for i in paragraphs.indices where keep[i] {
            result.paragraphs += cutGlued(paragraphs[i], boilerplate: &result.boilerplate)
        }
        return result
    }

    /// Three or more headline-shaped lines in a row inside the story are a related-links list,
    /// unless the story introduces them with a colon ("The shortlist is:").
    static func dropHeadlineRuns(_ paragraphs: [Paragraph], shapes: [LineShape], keep: inout [Bool], boilerplate: inout [String]) {
        var i = 0
        while i < paragraphs.count {
            var j = i
            while j < paragraphs.count, keep[j], shapes[j].isHeadlineShaped, !shapes[j].isProse, shapes[j].isTitleCase || shapes[j].wordCount <= 12 { j += 1 }
            let introduced = i > 0 && keep[i - 1] && shapes[i - 1].text.hasSuffix(":")
            if j - i >= 3, !introduced { for k in i..<j { keep[k] = false; boilerplate.append(paragraphs[k].text) } }
            i = max(j, i + 1)
        }
    }

    /// The writer's biography after the story's last paragraph, about a name from the byline.
    static func markAuthorNotes(_ paragraphs: [Paragraph], shapes: [LineShape], kinds: inout [FurnitureKind?]) {
        var authors: Set<String> = []
        for i in paragraphs.indices where kinds[i] == .byline && shapes[i].text.lowercased().hasPrefix("by ") {
            for w in shapes[i].bare.dropFirst() {
                if w.isEmpty || w.unicodeScalars.contains(where: Scalars.isDigit) { break }
                if w != "and" { authors.insert(w) }
            }
        }
        var k = paragraphs.count - 1
        while k > 0 {
            if kinds[k] == nil, shapes[k].isProse {
                guard Furniture.isAuthorNote(shapes[k], authors: authors) else { break }
                kinds[k] = .byline
            }
            k -= 1
        }
    }

    /// The end of the last run of three or more short labels of plain words before the story (a
    /// menu), when not all of them are navigation words (which would be a share bar).
    static func lastMenuRun(before end: Int, shapes: [LineShape], kinds: [FurnitureKind?]) -> Int? {
        var run = 0, sections = 0, found: Int?
        for i in 0..<end {
            let label = (kinds[i] == nil || kinds[i] == .navigation) && !shapes[i].isProse && shapes[i].wordCount <= 3
                && shapes[i].text.unicodeScalars.allSatisfy { Scalars.isLetter($0) || " &'’-".unicodeScalars.contains($0) }
            run = label ? run + 1 : 0
            sections = label ? sections + (kinds[i] == nil ? 1 : 0) : 0
            if run >= 3, sections >= 1 { found = i }
        }
        return found
    }

    /// "U.S.", "P.M.": a full stop that marks an abbreviation, not the end of a sentence.
    static func isAbbreviation(_ shape: LineShape) -> Bool {
        shape.wordCount == 1 && shape.text.unicodeScalars.filter { $0 == "." }.count >= 2
    }

    /// Removes glued-in foreign headlines, splitting the paragraph when the run sits mid-way,
    /// so every piece keeps its one-to-one offsets.
    static func cutGlued(_ p: Paragraph, boilerplate: inout [String]) -> [Paragraph] {
        guard let cut = GluedHeadline.find(in: p.text) else { return [p] }
        let s = Array(p.text.unicodeScalars)
        boilerplate.append(Scalars.string(s[cut.start..<cut.resume]).trimmingCharacters(in: .whitespaces))
        var pieces: [Paragraph] = []
        var end = cut.start
        while end > 0, Scalars.isSpace(s[end - 1]) { end -= 1 }
        if end > 0 { pieces.append(Paragraph(text: Scalars.string(s[0..<end]), start: p.start, scalarCount: end)) }
        let rest = Paragraph(text: Scalars.string(s[cut.resume...]), start: p.start + cut.resume, scalarCount: s.count - cut.resume)
        return pieces + cutGlued(rest, boilerplate: &boilerplate)
    }

    /// `same` for two ASCII texts, compared letter by letter in place; nil otherwise.
    static func sameASCII(_ a: String, _ b: String) -> Bool? {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y -> Bool? in
                guard ByteScan.isASCII(UnsafeRawBufferPointer(x)), ByteScan.isASCII(UnsafeRawBufferPointer(y)) else { return nil }
                /// The next letter or digit at or after `i`, lowercased; nil at the end.
                func next(_ u: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt8? {
                    while i < u.count {
                        let c = u[i]
                        i += 1
                        switch c {
                        case 0x41...0x5A: return c | 0x20
                        case 0x61...0x7A, 0x30...0x39: return c
                        default: continue
                        }
                    }
                    return nil
                }
                var i = 0, j = 0, any = false
                while true {
                    let p = next(x, &i), q = next(y, &j)
                    guard p == q else { return false }
                    guard p != nil else { return any }
                    any = true
                }
            }
        }
    }

    /// Same words, ignoring case, quotes and spacing.
    static func same(_ a: String, _ b: String) -> Bool {
        if let ascii = sameASCII(a, b) { return ascii }
        func norm(_ s: String) -> String {
            Scalars.string(Array(s.lowercased().unicodeScalars.filter { Scalars.isLetter($0) || Scalars.isDigit($0) }))
        }
        let x = norm(a)
        return !x.isEmpty && x == norm(b)
    }
}
