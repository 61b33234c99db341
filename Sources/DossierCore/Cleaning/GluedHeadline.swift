/// Finds the headline of another story glued to the start of a sentence with no space
/// between ("…biggest strike in decade“We all agree…", "…called 'd***head'They compared…").
enum GluedHeadline {
    /// Where a glued run starts and where the story resumes, as scalar offsets into the paragraph.
    struct Cut: Equatable { var start: Int; var resume: Int }

    static func find(in text: String) -> Cut? {
        if let ascii = mayGlueASCII(text), !ascii { return nil }
        let s = Array(text.unicodeScalars)
        guard s.count > 20 else { return nil }
        var starts: [Int]?
        // Sentence starts are worked out only once a glue point is seen: most paragraphs have none.
        func sentenceStarts() -> [Int] {
            if let starts { return starts }
            let found = Sentences.split(s).map(\.lowerBound)
            starts = found
            return found
        }
        var g = 1
        while g < s.count - 1 {
            if isGlue(s, at: g), let h = runStart(before: g, sentenceStarts: sentenceStarts()), isHeadlineRun(s, h, g), storyResumes(s, at: g) {
                return Cut(start: h, resume: g)
            }
            g += 1
        }
        return nil
    }

    /// Whether any byte could be a glue point (`isGlue` holds only where a quotation mark stands
    /// between a lowercase and a capital letter, or a capital follows a lowercase letter or a
    /// quotation mark and comes before a lowercase one): true at the first such point, false for
    /// ASCII text without one, nil when a byte beyond ASCII comes first. Most paragraphs have no
    /// such point, and need no scalars.
    static func mayGlueASCII(_ text: String) -> Bool? {
        var text = text
        // One pass: a byte beyond ASCII stops it with nil, a possible glue point with true (which
        // sends the text to the scalar reading either way).
        return text.withUTF8 { u -> Bool? in
            func lower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
            func upper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
            guard u.count > 2 else { return u.allSatisfy({ $0 < 0x80 }) ? false : nil }
            guard u[0] < 0x80, u[u.count - 1] < 0x80 else { return nil }
            for g in 1..<(u.count - 1) {
                let prev = u[g - 1], c = u[g], next = u[g + 1]
                if c >= 0x80 { return nil }
                if c == 0x22, lower(prev), upper(next) { return true }
                if upper(c), lower(next), lower(prev) || prev == 0x27 || prev == 0x22 { return true }
            }
            return false
        }
    }

    /// “ " ‘ « „ (switches: asked at every capital of every paragraph).
    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "“", "\"", "‘", "«", "„": return true
        default: return false
        }
    }

    /// ' ’ " ” »
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "'", "’", "\"", "”", "»": return true
        default: return false
        }
    }

    /// A sentence starts at `g` with nothing before it but the end of a word.
    static func isGlue(_ s: [Unicode.Scalar], at g: Int) -> Bool {
        let prev = s[g - 1], c = s[g], next = s[g + 1]
        // decade“We
        if Scalars.isLower(prev), Scalars.isUpper(next), isOpener(c) { return true }
        // 'd***head'They
        if Scalars.isUpper(c), Scalars.isLower(next), isCloser(prev), g >= 2, Scalars.isLetter(s[g - 2]) { return true }
        // decadeWe, but not McDonald, iPhone, PlayStation: the glued word is lowercase throughout.
        if Scalars.isLower(prev), Scalars.isUpper(c), Scalars.isLower(next) {
            var a = g - 1
            while a > 0, Scalars.isLetter(s[a - 1]) { a -= 1 }
            return g - a >= 3 && !Scalars.isUpper(s[a])
        }
        return false
    }

    /// The start of the sentence that holds `g` (binary search over sorted starts).
    static func runStart(before g: Int, sentenceStarts: [Int]) -> Int? {
        var lo = 0, hi = sentenceStarts.count - 1, best = 0
        while lo <= hi {
            let mid = (lo + hi) / 2
            if sentenceStarts[mid] < g { best = sentenceStarts[mid]; lo = mid + 1 } else { hi = mid - 1 }
        }
        return best
    }

    /// Headline shape: several words, a capital first, no sentence punctuation.
    static func isHeadlineRun(_ s: [Unicode.Scalar], _ h: Int, _ g: Int) -> Bool {
        guard g - h <= 250 else { return false }
        let run = Scalars.string(s[h..<g])
        let words = run.split(separator: " ").count
        guard words >= 4, words <= 25, let first = s[h...].first(where: { !isOpener($0) }), Scalars.isUpper(first) || Scalars.isDigit(first) else { return false }
        return !run.unicodeScalars.contains { $0 == "." || $0 == "!" || $0 == "?" || $0 == ":" }
    }

    /// What follows the glue is a real sentence of several words.
    static func storyResumes(_ s: [Unicode.Scalar], at g: Int) -> Bool {
        var spaces = 0, k = g
        while k < s.count, spaces < 3 { if Scalars.isSpace(s[k]) && k + 1 < s.count && !Scalars.isSpace(s[k + 1]) { spaces += 1 }; k += 1 }
        return spaces >= 3
    }
}
