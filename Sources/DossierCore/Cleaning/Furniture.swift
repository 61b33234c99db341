/// Why a line is not part of the story.
enum FurnitureKind: String, Sendable {
    case stamp, weather, navigation, code, promotion, copyright, byline, notice, signoff, headlineList
}

/// Rules that recognise page furniture from a line's shape and words, wherever it stands.
enum Furniture {
    /// Why a measured line is furniture, or nil for story. Furniture is short, so a long
    /// paragraph is story; each rule is tried only when a cheap look at the line says it could
    /// apply: this runs on every paragraph of every article.
    static func kind(of shape: LineShape) -> FurnitureKind? {
        let text = shape.text
        guard !shape.isLong, text.utf8.count <= 1500 else { return nil }
        let short = text.utf8.count <= 160
        let lower = SearchedText(lowercasing: text)
        if short, DateStamp.parse(text) != nil || isClock(text) || isAge(lower) { return .stamp }
        if isWeather(text) { return .weather }
        if isCode(shape) { return .code }
        if lower.includes("©") || (lower.hasPrefix("copyright") && !reports(lower)) || lower.includes("all rights reserved") { return .copyright }
        if isNotice(lower, shape) { return .notice }
        if shape.wordCount <= 40, isByline(shape) || isCaptionCredit(text, lower) || isAgencyCredit(text) || isContributorLine(lower) { return .byline }
        if short, isReadingTime(lower) || isCounter(lower) || isLoginPrompt(lower, shape) || isTagList(lower, shape) || isWidget(lower) { return .navigation }
        if short, isMediaLink(lower, shape) { return .promotion }
        if isPromotion(shape, lower) || isContactBox(lower, shape) { return .promotion }
        // Lowercasing keeps the separators and makes none: the lowercase line's bytes tell whether it has one.
        if lower.holds(0x7C) || lower.holds(0x3E) || lower.holds(0xC2) || lower.holds(0xE2), isMenu(text) { return .navigation }
        if shape.wordCount <= 12, !shape.isProse || shape.wordCount <= 4, shape.navigationDensity >= 0.5 { return .navigation }
        if shape.wordCount <= 3, shape.text.hasPrefix("* ") || shape.text.hasPrefix("• ") || shape.text.hasPrefix("> ") { return .navigation }
        return nil
    }

    /// "Home | World | Politics", "News » Europe » France": short items between separators;
    /// two are enough after a breadcrumb arrow ("News › UK News").
    static func isMenu(_ text: String) -> Bool {
        // Bytes first: this runs on every short paragraph, and few hold a separator.
        // Each separator starts with one of four bytes: "|", ">", or the lead byte of the others.
        guard text.utf8.contains(where: { $0 == 0x7C || $0 == 0x3E || $0 == 0xC2 || $0 == 0xE2 }),
              text.utf8.contains(where: { $0 == 0x7C || $0 == 0x3E }) || text.includesAny(["•", "·", "»", "›"]) else { return false }
        if let ascii = isASCIIMenu(text) { return ascii }
        let items = text.split(whereSeparator: { "|•·»›>".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let arrow = text.unicodeScalars.contains { "»›>".unicodeScalars.contains($0) }
        // Two items only after an arrow that is not a closing guillemet ("«Oui» dit-il").
        let crumb = arrow && items.count == 2 && !text.unicodeScalars.contains("«") && text.unicodeScalars.first.map { !"»›>".unicodeScalars.contains($0) } == true
        guard items.count >= 3 || crumb else { return false }
        return items.allSatisfy { $0.split(separator: " ").count <= 3 && !$0.hasSuffix(".") }
    }

    /// `isMenu` for ASCII text, read from its bytes without splitting it into strings (a
    /// wire story's ticker symbols, "<IBM>", put a separator in many paragraphs); nil for
    /// other text. The separators are then "|" and ">", and the trimmed white space spaces and tabs.
    static func isASCIIMenu(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { u -> Bool? in
            guard u.allSatisfy({ $0 < 0x80 }) else { return nil }
            var items = 0
            var start = 0
            // Each piece between separators: trimmed, at most three words, no closing full stop.
            for end in 0...u.count where end == u.count || u[end] == 0x7C || u[end] == 0x3E {
                var a = start, b = end
                start = end + 1
                while a < b, u[a] == 0x20 || u[a] == 0x09 { a += 1 }
                while b > a, u[b - 1] == 0x20 || u[b - 1] == 0x09 { b -= 1 }
                guard a < b else { continue }
                items += 1
                if u[b - 1] == 0x2E { return false }
                var words = 0
                for k in a..<b where u[k] != 0x20 && (k == a || u[k - 1] == 0x20) { words += 1 }
                if words > 3 { return false }
            }
            // Two items only after an arrow that does not open the line.
            let crumb = items == 2 && u.contains(0x3E) && u.first != 0x3E
            return items >= 3 || crumb
        }
    }

    /// A heading that opens a list of other stories, a comment box or a share bar: nothing
    /// after it belongs to the story ("Related articles", "Read more", "Leave a Reply").
    static func opensTrailer(_ text: String) -> Bool {
        // Six words or fewer: longer lines are never such a heading.
        guard text.utf8.count <= 80 else { return false }
        // The heading's words first: most short lines start with no such heading, and the
        // tests of shape below are not needed for them. Most are ruled out by their first two letters.
        let u = text.unicodeScalars
        if let k = u.firstIndex(where: { !trailerTrimmed($0) }), u.index(after: k) != u.endIndex {
            let a = u[k].value, b = u[u.index(after: k)].value
            func lower(_ v: UInt32) -> UInt16 { UInt16(v &- 0x41 < 26 ? v | 0x20 : v) }
            if a < 0x80, b < 0x80, !trailerInitials.contains(lower(a) << 8 | lower(b)) { return false }
        }
        // Trimmed of `trailerTrimmed` marks scalar by scalar, as Foundation's `trimmingCharacters` would, without its copies.
        let folded = text.lowercased().unicodeScalars
        let start = folded.firstIndex { !trailerTrimmed($0) } ?? folded.endIndex
        let end = folded[start...].lastIndex { !trailerTrimmed($0) }.map(folded.index(after:)) ?? start
        // A String again: `Substring.hasPrefix` compares through the generic `starts(with:)`.
        let lower = String(folded[start..<end])
        guard trailerWords.mayOpen(lower), trailerOpeners.contains(where: { lower == $0.word || lower.hasPrefix($0.spaced) || lower.hasPrefix($0.colon) }) else { return false }
        let shape = LineShape(text)
        // A heading, not a sentence: "Related charges were dropped." opens nothing.
        guard shape.wordCount <= 6, !shape.hasInnerSentenceEnd, !shape.endsSentence || shape.text.hasSuffix(":") else { return false }
        // "Read more: Pier reopens after winter" is one inline link, not a heading over a list.
        if let colon = text.firstIndex(of: ":"), text[colon...].split(separator: " ").count > 3 { return false }
        return true
    }

    /// The marks trimmed around a trailer heading: " :.-–—>»*#".
    static func trailerTrimmed(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case " ", ":", ".", "-", "–", "—", ">", "»", "*", "#": return true
        default: return false
        }
    }

    /// Headings over the trailer, each also as it starts a longer heading ("related articles", "tags:").
    static let trailerOpeners = [
        "related", "more from", "more stories", "more news", "more on this", "read more", "read next", "read also", "also read",
        "you may also like", "you might also like", "recommended", "most read", "most popular", "most viewed", "trending",
        "latest news", "latest stories", "top stories", "comments", "leave a reply", "leave a comment", "share this",
        "join the conversation", "what to read next", "see also", "further reading", "tags", "topics",
        "don't miss", "don’t miss", "explore more", "more like this", "about the author", "in case you missed it", "elsewhere",
    ].map { (word: $0, spaced: $0 + " ", colon: $0 + ":") }
    /// Their words, which each of the three forms starts with.
    static let trailerWords = Openers(trailerOpeners.map(\.word))
    /// The two letters they start with.
    static let trailerInitials = Set(trailerOpeners.map { o in o.word.utf8.prefix(2).reduce(UInt16(0)) { $0 << 8 | UInt16($1) } })

    /// A heading over readers' comments: whatever follows it is never the story resuming.
    static func opensComments(_ text: String) -> Bool {
        let lower = text.lowercased()
        return commentOpeners.opens(lower)
    }

    static let commentOpeners: Openers = ["comment", "leave a", "join the conversation", "conversation"]

    static let agePattern = Pattern(#"^\s*((last\s+)?(updated|posted|published))?:?\s*((\d+|an?|one)\s+(second|minute|min|hour|hr|day|week|month|year)s?|\d+\s?[smhdw])\s+ago\s*$"#)
    /// "5 hours ago", "Updated 2 days ago", "3h ago", "Just now": how old the page said the story was.
    static func isAge(_ lower: SearchedText) -> Bool {
        if lower.text == "just now" { return true }
        guard lower.includes("ago"), endsWith(lower.text, "ago"), looksLikeAge(lower.text) else { return false }
        return Self.agePattern.matches(lower.text)
    }

    /// What the age expression needs: at most five words ("last updated: 5 minutes ago"), the
    /// first a number, a colon or the first letter of "last", "updated", "posted", "published",
    /// "a(n)" or "one". Wire copy ends many short lines with "a year ago" after other words
    /// ("vs 1.10 dlrs a year ago"); they fail here, and the expression is not compiled for them.
    static func looksLikeAge(_ lower: String) -> Bool {
        let scalars = lower.unicodeScalars
        guard let first = scalars.first(where: { !$0.properties.isWhitespace }),
              "lupao:".unicodeScalars.contains(first) || first.properties.generalCategory == .decimalNumber else { return false }
        var words = 0
        var inWord = false
        for c in scalars {
            let space = c.properties.isWhitespace
            if !space, !inWord { words += 1 }
            inWord = !space
        }
        return words <= 5
    }

    static let readingTimePattern = Pattern(#"^\s*\d+\s*(-|\s)?\s*(min|mins|minute|minutes)\s+(read|listen)\s*$"#)
    /// "5 min read", "Listen to this article".
    static func isReadingTime(_ lower: SearchedText) -> Bool {
        guard lower.includes("min") || lower.includes("listen") else { return false }
        if lower.hasPrefix("listen to this article") || lower.hasPrefix("listen to this story") { return true }
        guard lower.includes("min"), endsWith(lower.text, "read") || endsWith(lower.text, "listen"), startsWithDigit(lower.text) else { return false }
        return Self.readingTimePattern.matches(lower.text)
    }

    /// Whether `text`, less white space at its end, ends with `word`. The expressions above
    /// cannot match without it, and this is checked first: "min" and "ago" are in many lines
    /// of prose, and the first expression run costs ICU about a millisecond to set up, which a
    /// one-shot search of a few articles feels. (White_Space covers every `\s` of ICU.)
    static func endsWith(_ text: String, _ word: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return false }
        return scalars[...last].reversed().starts(with: word.unicodeScalars.reversed())
    }

    /// Whether the first scalar after white space is a decimal digit (`\d`), as the
    /// reading-time expression needs.
    static func startsWithDigit(_ text: String) -> Bool {
        text.unicodeScalars.first(where: { !$0.properties.isWhitespace })?.properties.generalCategory == .decimalNumber
    }

    /// Whether the last scalar before trailing white space is a decimal digit.
    static func endsWithDigit(_ text: String) -> Bool {
        text.unicodeScalars.last(where: { !$0.properties.isWhitespace })?.properties.generalCategory == .decimalNumber
    }

    static let captionCreditPattern = Pattern(#"(Photograph|Photo|Image|Picture|Credit|Foto)\s*:\s*[^.]{2,60}$|\((Photo|Image)[^)]*\)\s*$|Getty Images\)?\s*$"#)
    static let captionWords: Phrases = ["photo", "image", "picture", "credit", "foto", "getty"]
    /// A picture caption ending in its credit: "… in Kyiv. Photograph: Reuters", "(Getty Images)".
    static func isCaptionCredit(_ text: String, _ lower: SearchedText) -> Bool {
        // The lowercase words come first: they are ruled out without a scan.
        guard lower.includesAny(captionWords), endsLikeCredit(text),
              text.includesAny(["Photo", "Image", "Picture", "Credit", "Foto", "Getty"]) else { return false }
        return Self.captionCreditPattern.matches(text)
    }

    /// What the credit expression needs at the end of a line: ")" or the "s" of "Images" last,
    /// or a colon with no full stop after it. Prose ends otherwise, and compiling the expression
    /// alone costs a one-shot command about a millisecond.
    static func endsLikeCredit(_ text: String) -> Bool {
        if let last = text.unicodeScalars.last(where: { !$0.properties.isWhitespace }), last == ")" || last == "s" { return true }
        guard let colon = text.utf8.lastIndex(of: 0x3A) else { return false }
        return !text.utf8[colon...].contains(0x2E)
    }

    static let agencyCreditPattern = Pattern(#"(REUTERS|Reuters|AFP|EPA|AP Photo|Getty Images|Getty|dpa|Bloomberg|Xinhua|ANSA)(\s+via\s+\S+)?\s*/\s*[^/]{2,60}\)?\s*$"#)
    /// The agencies the expression names.
    static let agencies = ["REUTERS", "Reuters", "AFP", "EPA", "AP Photo", "Getty Images", "Getty", "dpa", "Bloomberg", "Xinhua", "ANSA"]
    /// A caption ending in an agency's credit: "… on Tuesday. REUTERS/Jane Doe", "(AP Photo/John Roe)".
    static func isAgencyCredit(_ text: String) -> Bool {
        guard text.includes("/"), endsLikeAgencyCredit(text), text.includesAny(agencies) else { return false }
        return Self.agencyCreditPattern.matches(text)
    }

    /// What the agency-credit expression needs around the line's last "/": before it, an
    /// agency's name or "via" and one word; after it, a name of at most 60 characters and a
    /// parenthesis, white space aside. Wire copy names Reuters and writes "1/2 pct" in the same
    /// sentence; this keeps the expression from being compiled for it.
    static func endsLikeAgencyCredit(_ text: String) -> Bool {
        guard let slash = text.utf8.lastIndex(of: 0x2F) else { return false }
        var tail = text.unicodeScalars[text.utf8.index(after: slash)...]
        while let c = tail.first, c.properties.isWhitespace { tail = tail.dropFirst() }
        while let c = tail.last, c.properties.isWhitespace { tail = tail.dropLast() }
        guard tail.count <= 61 else { return false }
        var head = text.unicodeScalars[..<slash]
        while let c = head.last, c.properties.isWhitespace { head = head.dropLast() }
        func endsWith(_ word: String) -> Bool { head.reversed().starts(with: word.unicodeScalars.reversed()) }
        if agencies.contains(where: endsWith) { return true }
        // "Getty Images via AFP / …": the word before "/" is the one after "via".
        while let c = head.last, !c.properties.isWhitespace { head = head.dropLast() }
        guard let c = head.last, c.properties.isWhitespace else { return false }
        while let c = head.last, c.properties.isWhitespace { head = head.dropLast() }
        return endsWith("via")
    }

    /// "Tags: Books, Fiction", "Filed under: Politics", "Posted in News": the page's labels for the story.
    static func isTagList(_ lower: SearchedText, _ shape: LineShape) -> Bool {
        // Each label starts with its word: most lines are ruled out by their first bytes.
        guard shape.wordCount <= 20, tagWords.mayOpen(lower.text), !shape.endsSentence else { return false }
        return tagLabels.contains { lower.hasPrefix($0.colon) || lower.hasPrefix($0.spaced) && ($0.word.contains(" ") || lower.includes(",")) }
    }

    static let tagLabels = ["tags", "topics", "related topics", "filed under", "categories", "category", "posted in", "keywords", "subjects", "more on"]
        .map { (word: $0, spaced: $0 + " ", colon: $0 + ":") }
    static let tagWords = Openers(tagLabels.map(\.word))

    /// Feedback and embed widgets: "Report an error", "Was this article helpful?", "Opens in new window".
    static func isWidget(_ lower: SearchedText) -> Bool {
        lower.utf8.count <= 60 && lower.includesAny(widgetPhrases)
    }

    static let widgetPhrases: Phrases = ["report an error", "report a typo", "send us your feedback", "send feedback", "was this article",
                                         "did you find this article", "spotted an error", "spotted a mistake", "opens in new window",
                                         "opens in a new window", "rate this article", "has been shared", "comments are closed",
                                         "comments closed", "commenting is closed"]

    /// "Watch: Drone footage shows …", "Related: 5 things to know", "Pictured: …": a link or a caption label before a headline.
    static func isMediaLink(_ lower: SearchedText, _ shape: LineShape) -> Bool {
        guard shape.wordCount <= 25, !shape.endsSentence, lower.includes(":") else { return false }
        return mediaLabels.opens(lower.text)
    }

    static let mediaLabels: Openers = ["watch:", "video:", "listen:", "photos:", "gallery:", "in pictures:", "pictured:", "watch live:", "live:", "podcast:",
                              "in photos:", "related:", "read more:", "more:", "also read:", "read also:", "see also:", "recommended:", "must read:",
                              "don't miss:", "don’t miss:"]

    static let counterPattern = Pattern(#"^\s*(page|image|photo|picture|slide|photograph)?\s*\d+\s*(of|/)\s*\d+\s*$"#)
    /// "Image 1 of 5", "Page 2 of 3", "3/12": a gallery or pager position.
    static func isCounter(_ lower: SearchedText) -> Bool {
        guard lower.utf8.count <= 30, lower.includes(" of ") || lower.includes("/"), endsWithDigit(lower.text),
              looksLikeCounter(lower.text) else { return false }
        return Self.counterPattern.matches(lower.text)
    }

    /// The counter expression's alphabet: white space, digits, "/" and lowercase letters, a
    /// digit or a label's first letter first. Table rows such as "Shr 1.50 dlrs vs 1/2" fail it,
    /// so the expression is not compiled for them.
    static func looksLikeCounter(_ lower: String) -> Bool {
        guard let first = lower.unicodeScalars.first(where: { !$0.properties.isWhitespace }),
              first == "p" || first == "i" || first == "s" || first.properties.generalCategory == .decimalNumber else { return false }
        return lower.unicodeScalars.allSatisfy { c in
            (c.value >= 0x61 && c.value <= 0x7A) || c == "/" || c.properties.isWhitespace || c.properties.generalCategory == .decimalNumber
        }
    }

    /// "Already a subscriber? Log in", "Create a free account to keep reading": a login wall.
    static func isLoginPrompt(_ lower: SearchedText, _ shape: LineShape) -> Bool {
        guard shape.wordCount <= 12, lower.includesAny(loginWords) else { return false }
        return lower.includesAny(loginCalls) && !reports(lower)
    }

    static let loginWords: Phrases = ["log in", "login", "sign in", "subscriber", "account", "register"]
    static let loginCalls: Phrases = ["read", "continue", "access", "already", "free", "unlock"]

    /// "By Jane Doe | March 3, 2023": the date part of a byline, if it has one.
    static func bylineDate(_ text: String) -> String? {
        if let posted = postedDate(text) { return posted }
        let parts = text.split(whereSeparator: { "|•·–—".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 2, isByline(LineShape(parts[0])) else { return nil }
        return parts.dropFirst().first { DateStamp.parse($0) != nil }
    }

    /// "Posted on 12 April 2024 by Maggie Hollins": the date part of a post's date-and-author line.
    static func postedDate(_ text: String) -> String? {
        // The bytes first: Foundation's search costs far more, and finds " by " only where its bytes are.
        guard text.includes(" by "), let by = text.range(of: " by "), text[by.upperBound...].split(separator: " ").count <= 5 else { return nil }
        let date = String(text[..<by.lowerBound])
        return DateStamp.parse(date) != nil ? date : nil
    }

    /// "13:26", "10:15 AM", "7.15 p.m. CET", "18:00 Uhr": a time of day alone on its line, at
    /// most 24 bytes. Read scalar by scalar as the expression
    /// `^\s*\d{1,2}[:.]\d{2}(\s*([AaPp]\.?[Mm]\.?|h|Uhr))?(\s*[A-Z]{2,4})?\s*$` reads it (the tests
    /// hold the two to the same lines): wire tables hold lines such as "8.50", and compiling the
    /// expression for them cost a one-shot search 8 million instructions.
    static func isClock(_ text: String) -> Bool {
        guard text.utf8.count <= 24, text.utf8.contains(where: { $0 == 0x3A || $0 == 0x2E }) else { return false }
        let s = Array(text.unicodeScalars)
        func space(_ i: Int) -> Bool { i < s.count && s[i].properties.isWhitespace }
        func digit(_ i: Int) -> Bool { i < s.count && s[i].properties.generalCategory == .decimalNumber }
        func `is`(_ i: Int, _ set: String) -> Bool { i < s.count && set.unicodeScalars.contains(s[i]) }
        func pastSpace(_ i: Int) -> Int { var i = i; while space(i) { i += 1 }; return i }
        // One or two digits, a colon or a dot, two digits.
        var i = pastSpace(0), hours = 0
        while digit(i) { i += 1; hours += 1 }
        guard hours == 1 || hours == 2, `is`(i, ":."), digit(i + 1), digit(i + 2) else { return false }
        i += 3
        /// Whether only a zone of two to four capitals and white space follow `i`.
        func zoneToEnd(_ i: Int) -> Bool {
            let start = pastSpace(i)
            var end = start
            while end < s.count, s[end].value >= 0x41, s[end].value <= 0x5A { end += 1 }
            return (end == start || (2...4).contains(end - start)) && pastSpace(end) == s.count
        }
        /// Where "a.m.", "PM", "h" or "Uhr" after white space at `i` ends.
        func pastMarker(_ i: Int) -> Int? {
            var j = pastSpace(i)
            if `is`(j, "AaPp") {
                j += 1
                if `is`(j, ".") { j += 1 }
                guard `is`(j, "Mm") else { return nil }
                return `is`(j + 1, ".") ? j + 2 : j + 1
            }
            if `is`(j, "h") { return j + 1 }
            if `is`(j, "U"), `is`(j + 1, "h"), `is`(j + 2, "r") { return j + 3 }
            return nil
        }
        // "10:30 AMT" is a zone, not "AM" and a "T": with a marker first, then without.
        if let m = pastMarker(i), zoneToEnd(m) { return true }
        return zoneToEnd(i)
    }

    static let temperaturePattern = Pattern(#"(^|\s)[-−+]?\d{1,3}([.,]\d)?\s*°?\s*[CF](\s|$)"#)
    static let sentenceBreakPattern = Pattern(#"[.!?]\s"#)
    /// "17.3 C", "-2°C", "72 °F", optionally after a place or before a sky word.
    static func isWeather(_ text: String) -> Bool {
        guard text.utf8.count <= 200, hasTemperatureUnit(text) else { return false }
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.unicodeScalars.count <= 40 else { return false }
        return Self.temperaturePattern.matches(t)
            && !Self.sentenceBreakPattern.matches(t)
            && t.split(separator: " ").count <= 5
    }

    /// A "C" or "F" right after a digit or a degree sign ("17.3 C", "-2°C"): cheap to test
    /// before the weather pattern, which most lines cannot match.
    static func hasTemperatureUnit(_ text: String) -> Bool {
        // Read from the bytes: every mark here is ASCII but "°" (C2 B0), and a byte below 0x80
        // is always a scalar of its own.
        var text = text
        return text.withUTF8 { u in
            /// Whether the scalar ending at byte `j` is a digit or "°".
            func unitMark(_ j: Int) -> Bool {
                j >= 0 && (u[j] &- 0x30 < 10 || (u[j] == 0xB0 && j >= 1 && u[j - 1] == 0xC2))
            }
            for i in 1..<max(1, u.count) where u[i] == 0x43 || u[i] == 0x46 {
                if unitMark(i - 1) || (u[i - 1] == 0x20 && unitMark(i - 2)) { return true }
            }
            return false
        }
    }

    /// Template or markup residue: "spot_img", "{{title}}", "<div>".
    static func isCode(_ shape: LineShape) -> Bool {
        guard shape.wordCount <= 3 else { return false }
        let t = shape.text
        // Each of the marks holds a brace or a slash.
        // Foundation's `contains` finds these plain marks only where their bytes are: the bytes first.
        if t.utf8.contains(where: { $0 == 0x7B || $0 == 0x7D || $0 == 0x2F }),
           codeMarks.contains(where: { t.includes($0) && t.contains($0) }) { return true }
        return shape.words.allSatisfy { w in w.contains("_") && w.unicodeScalars.allSatisfy { Scalars.isLetter($0) || Scalars.isDigit($0) || $0 == "_" } }
    }

    static let codeMarks = ["{{", "}}", "</", "/>"]

    /// Reported speech ("…, she said"): a story's sentence, never the site's own notice or call to action.
    static func reports(_ lower: SearchedText) -> Bool { lower.includesAny(reportingPhrases) }
    static let reportingPhrases: Phrases = [" said", " says", " told ", "according to"]

    /// Cookie words of consent banners, in the languages pages come in.
    static let cookieWords: Phrases = ["we use", "accept", "consent", "policy", "browsing", "experience", "this site", "our site", "website",
                              "acept", "utiliz", "navega", "polític", "akzept", "verwend", "nutzen", "utilis", "naviga", "privac"]

    /// Cookie, consent and newsletter notices, notes on the article itself, appeals for money.
    static func isNotice(_ lower: SearchedText, _ shape: LineShape) -> Bool {
        if lower.includes("cookie"), lower.includesAny(cookieWords), !reports(lower) { return true }
        if shape.wordCount <= 40, lower.includesAny(newsletterWords), lower.count(of: newsletterTerms) >= 2, !reports(lower) { return true }
        if lower.includes("javascript") && (lower.includes("enable") || lower.includes("browser")) { return true }
        if lower.includes("browser") && lower.includesAny(browserNotices) { return true }
        if shape.wordCount <= 25, lower.includesAny(unavailableNotices) { return true }
        if lower.includes("affiliation"), lower.includesAny(disclosureWords) { return true }
        return shape.wordCount <= 60 && (isEditorNote(lower) || isAppeal(lower))
    }

    static let newsletterWords: Phrases = ["newsletter", "inbox", "sign up", "subscribe"]
    static let newsletterTerms: Phrases = ["email", "e-mail", "inbox", "newsletter", "sign up", "subscribe", "free"]
    static let browserNotices: Phrases = ["does not support", "doesn't support", "update your", "upgrade your"]
    static let unavailableNotices: Phrases = ["not available in your", "currently unavailable"]
    static let disclosureWords: Phrases = ["disclos", "funding"]

    /// "This article was originally published by …", "Correction: an earlier version of this story …".
    static func isEditorNote(_ lower: SearchedText) -> Bool {
        if editorNoteOpeners.opens(lower.text), !reports(lower) { return true }
        guard lower.includesAny(selfReferences) else { return false }
        return lower.includesAny(revisionWords) && !reports(lower)
    }

    static let editorNoteOpeners: Openers = ["correction", "clarification", "editor's note", "editor’s note", "editors' note", "editors’ note",
                                    "originally published", "first published", "this article"]
    static let selfReferences: Phrases = ["this article", "this story", "this piece", "this report", "this post"]
    static let revisionWords: Phrases = ["published", "amended", "updated", "corrected", "earlier version", "misstated", "appeared"]

    /// "Our journalism relies on readers like you … please donate", "You have read 3 of 5 free
    /// articles": the site asking the reader for support or a subscription.
    static func isAppeal(_ lower: SearchedText) -> Bool {
        guard lower.includesAny(appealAddressees) else { return false }
        return lower.includesAny(appealPhrases) && !reports(lower)
    }

    static let appealAddressees: Phrases = ["you", "our journalism", "access"]
    static let appealPhrases: Phrases = ["donat", "readers like you", "support our journalism", "support independent", "support us", "become a member",
                                         "make a contribution", "consider subscribing", "subscribe today", "unlimited access", "free articles",
                                         "become a subscriber"]

    /// "Jan Olsen in Copenhagen contributed to this report."
    static func isContributorLine(_ lower: SearchedText) -> Bool {
        lower.includes("contributed") && lower.includesAny(contributorPhrases)
    }

    static let contributorPhrases: Phrases = ["contributed to this report", "contributed to this story", "contributed reporting"]

    /// "Got a story? Email us at news@…": a contact box with the newsroom's address.
    static func isContactBox(_ lower: SearchedText, _ shape: LineShape) -> Bool {
        guard shape.wordCount <= 25, lower.includes("@"), lower.includesAny(contactWords) else { return false }
        return shape.words.contains { w in w.contains("@") && w.contains(".") && !w.hasPrefix("@") }
    }

    static let contactWords: Phrases = ["email", "e-mail", "contact", "send", "write to", "tips"]

    /// The writer's biography after the story, about a byline name or with a reporter's job title:
    /// "Dana Whitfield is a staff writer covering …", "Olafsdottir covers Iceland for …".
    static func isAuthorNote(_ shape: LineShape, authors: Set<String>) -> Bool {
        guard shape.wordCount >= 4, shape.wordCount <= 120 else { return false }
        let words = shape.firstWords(9)
        var k = 0
        while k < min(3, shape.wordCount), words[k].unicodeScalars.first.map(Scalars.isUpper) == true { k += 1 }
        guard k >= 1 else { return false }
        // Only the opening words matter: a bio says who the writer is first.
        // The words are the same when joined and split again, unless the line grows longer than
        // a measured one (`LineShape` keeps only its start).
        let opening = words.prefix(k + 6)
        let bare = opening.reduce(0, { $0 + $1.utf8.count + 1 }) <= 3000 ? opening.map(LineShape.bare) : LineShape(opening.joined(separator: " ")).bare
        if bare[0..<k].contains(where: authors.contains), authorVerbs.contains(bare[k]) { return true }
        guard k >= 2, k + 1 < bare.count, bare[k] == "is", ["a", "an", "the"].contains(bare[k + 1]) else { return false }
        return bare[(k + 2)..<min(bare.count, k + 6)].contains { authorRoles.contains($0) }
    }

    static let authorVerbs: Lexicon = ["is", "covers", "writes", "reports", "has", "was", "joined", "lives", "edits", "leads"]
    static let authorRoles: Lexicon = ["reporter", "writer", "correspondent", "editor", "journalist", "columnist", "contributor",
                                           "producer", "author", "photographer", "freelance", "critic", "commentator"]

    /// "By Jane Smith", "Reporting by …; Editing by …", "Photo: Reuters".
    static func isByline(_ shape: LineShape) -> Bool {
        // Every opening below starts with one of a few pairs of letters: most lines are ruled out by their first two.
        let opening = shape.text.utf8.drop(while: { $0 == 0x28 || $0 == 0x29 || $0 == 0x5B || $0 == 0x5D || $0 == 0x20 }).prefix(2)
        if opening.count == 2, let a = opening.first, let b = opening.last, (a | 0x20) &- 0x61 < 26, (b | 0x20) &- 0x61 < 26,
           !bylineInitials.contains(UInt16(a | 0x20) << 8 | UInt16(b | 0x20)) { return false }
        // Only the opening words matter here; lowercasing the whole paragraph would be waste.
        let lower = String(shape.text.unicodeScalars.drop(while: { "()[] ".unicodeScalars.contains($0) }).prefix(24)).lowercased()
        if creditOpeners.opens(lower) { return true }
        if pictureCreditOpeners.opens(lower), shape.wordCount <= 20 { return true }
        if lower.hasPrefix("by "), shape.wordCount <= 14, !shape.endsSentence, bylineDate(shape.text) != nil { return true }
        if shape.wordCount <= 16, postOpeners.opens(lower), postedDate(shape.text) != nil { return true }
        if lower.hasPrefix("by "), shape.wordCount <= 8, !shape.endsSentence {
            let names = shape.words.dropFirst().filter { $0.lowercased() != "and" && $0 != "|" && $0 != "-" }
            return !names.isEmpty && names.allSatisfy { $0.unicodeScalars.first.map(Scalars.isUpper) ?? false }
        }
        return false
    }

    static let creditOpeners: Openers = ["reporting by", "editing by", "writing by", "additional reporting", "compiled by", "edited by"]
    static let pictureCreditOpeners: Openers = ["photo:", "image:", "picture:", "photograph:", "source:", "credit:", "photo by", "image by", "file photo",
                                       "pictured:", "image source", "image caption"]
    static let postOpeners: Openers = ["posted", "published", "written", "updated"]

    /// The first two letters of the openings `isByline` knows ("by " among them).
    static let bylineInitials = Set((creditOpeners.texts + pictureCreditOpeners.texts + postOpeners.texts + ["by"]).map { w in
        w.utf8.prefix(2).reduce(UInt16(0)) { $0 << 8 | UInt16($1) }
    })

    static let promotionOpeners: Openers = ["for more", "for the latest", "to read", "to watch", "to get", "click", "tap ", "read more", "read also", "watch ", "listen ",
                                   "follow ", "subscribe", "sign up", "download ", "join ", "like us", "get the", "see also", "also read", "related:", "more:"]
    /// ", watch …" or "… follow us" inside a line.
    static let promotionCalls = Phrases(["watch", "follow", "subscribe", "visit", "read", "download", "listen", "click", "sign up", "join"].flatMap { [", \($0) ", " \($0) us"] })

    /// Calls to action: "For more videos … watch the … channel.", "* Follow X on Twitter and Facebook".
    static func isPromotion(_ shape: LineShape, _ lower: SearchedText) -> Bool {
        guard shape.wordCount <= 40, !reports(lower) else { return false }
        let rest = lower.unicodeScalars.drop(while: { "*•>-– ".unicodeScalars.contains($0) })
        // The bytes first: an opener (plain ASCII) cannot start a line whose bytes do not start with it.
        let opens = promotionOpeners.mayOpen(Substring(rest)) && promotionOpeners.opens(String(rest.prefix(20)))
        guard opens || lower.includesAny(promotionCalls), !shape.hasInnerSentenceEnd else { return false }
        // "Get the news you need to start your day": an imperative to the reader, not a sentence.
        return shape.navigationDensity >= 0.2 || (opens && !shape.endsSentence && lower.includes("you"))
    }
}

import Foundation
