/// Measurements of one line or paragraph that tell story text from page furniture.
struct LineShape {
    let text: String
    /// The runs of characters between spaces.
    let wordCount: Int

    /// Longer than any line of furniture: only its first words are measured.
    let isLong: Bool

    /// Ends like a sentence: a full stop, question or exclamation mark, possibly inside a
    /// closing quote. Stored: the cleaner and most furniture rules ask it of every paragraph.
    let endsSentence: Bool

    init(_ text: String) {
        isLong = text.utf8.count > 3000
        self.text = isLong ? String(text.unicodeScalars.prefix(3000)) : text
        // Counted from the bytes: a space is one byte, and no longer character holds that byte.
        // Read in place (stepping through `utf8` costs several times more: every paragraph is measured).
        var measured = self.text
        wordCount = measured.withUTF8 { u in
            var count = 0, inWord = false
            for b in u {
                if b == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
            }
            return count
        }
        endsSentence = Self.endsSentence(self.text)
    }

    /// The words themselves (computed when asked: only the rules for short lines read them).
    var words: [Substring] { text.unicodeScalars.split(separator: " ").map { Substring($0) } }

    /// The first `n` words, without splitting the rest of the line.
    func firstWords(_ n: Int) -> [Substring] {
        Array(text.unicodeScalars.split(separator: " ", maxSplits: n).prefix(n).map { Substring($0) })
    }

    /// Lowercased words without surrounding punctuation (computed when asked: few rules need it).
    var bare: [String] { words.map(LineShape.bare) }

    /// A word lowercased, keeping letters, digits, "-" and "_"; plain ASCII from its bytes.
    static func bare(_ w: Substring) -> String {
        guard w.utf8.allSatisfy({ $0 < 0x80 }) else {
            return String(String.UnicodeScalarView(w.lowercased().unicodeScalars.filter { Scalars.isLetter($0) || Scalars.isDigit($0) || $0 == "-" || $0 == "_" }))
        }
        return String(unsafeUninitializedCapacity: w.utf8.count) { buf in
            var n = 0
            for b in w.utf8 {
                switch b {
                case 0x41...0x5A: buf[n] = b | 0x20; n += 1
                case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: buf[n] = b; n += 1
                default: break
                }
            }
            return n
        }
    }

    static func endsSentence(_ text: String) -> Bool {
        var s = Substring(text)
        while let last = s.unicodeScalars.last, Sentences.isCloser(last) || Scalars.isSpace(last) { s = s.dropLast() }
        guard let last = s.unicodeScalars.last else { return false }
        return last == "." || last == "!" || last == "?" || last == "…"
    }

    /// Contains a sentence break inside (". " followed by more text).
    var hasInnerSentenceEnd: Bool { isLong || Sentences.split(Array(text.unicodeScalars)).count > 1 }

    static let stopwords: Lexicon = ["a", "an", "the", "to", "of", "on", "in", "and", "or", "for", "with", "our", "us", "your", "you", "this", "at", "by", "no", "is", "be", "me", "my", "&", "up", "here", "it", "from", "all"]

    /// Words of page navigation, sharing, subscriptions and media promotion.
    static let navigation: Lexicon = [
        "menu", "home", "homepage", "search", "login", "log", "logout", "sign", "signin", "register", "subscribe", "subscribed",
        "subscription", "subscriptions", "newsletter", "newsletters", "share", "shares", "shared", "tweet", "email", "e-mail",
        "print", "comment", "comments", "sharing", "reply", "replies", "related", "trending", "popular", "latest", "read", "more", "next",
        "previous", "prev", "skip", "content", "navigation", "toggle", "close", "cookie", "cookies", "privacy", "policy",
        "terms", "contact", "advertise", "advertisement", "advertising", "sponsored", "ad", "ads", "follow", "facebook",
        "twitter", "instagram", "linkedin", "whatsapp", "telegram", "youtube", "tiktok", "snapchat", "pinterest", "reddit",
        "rss", "podcast", "podcasts", "video", "videos", "watch", "listen", "app", "apps", "download", "items", "item",
        "categories", "category", "tags", "tag", "archive", "archives", "sections", "copyright", "rights", "reserved",
        "leave", "post", "posts", "posted", "feed", "channel", "tv", "click", "tap", "here", "view", "gallery", "photos",
        "photo", "image", "images", "credit", "credits", "load", "loading", "back", "top", "page", "pages", "edition",
        "editions", "account", "notifications", "alerts", "settings", "accept", "consent", "manage", "preferences",
        "continue", "continues", "reading", "below", "scroll", "bookmark", "bookmarks",
    ]

    /// Calls `body` with the bytes of each word (runs between spaces) of an ASCII text; false,
    /// calling nothing, for other text. Spares the rules asked of every short line a string per word.
    static func forEachASCIIWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        var text = text
        return text.withUTF8 { u in
            guard u.allSatisfy({ $0 < 0x80 }) else { return false }
            var start = 0
            for end in 0...u.count where end == u.count || u[end] == 0x20 {
                if end > start { body(UnsafeBufferPointer(rebasing: u[start..<end])) }
                start = end + 1
            }
            return true
        }
    }

    /// Share of the content words that belong to page navigation.
    var navigationDensity: Double {
        var content = 0, navigation = 0
        // Plain ASCII: each word made bare in a buffer, as `bare` would, and looked up from there.
        var bare = [UInt8](repeating: 0, count: 32)
        let ascii = LineShape.forEachASCIIWord(in: text) { w in
            if w.count > bare.count { bare = [UInt8](repeating: 0, count: w.count) }
            bare.withUnsafeMutableBufferPointer { buf in
                var n = 0
                for b in w {
                    switch b {
                    case 0x41...0x5A: buf[n] = b | 0x20; n += 1
                    case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: buf[n] = b; n += 1
                    default: break
                    }
                }
                let b = UnsafeBufferPointer(rebasing: buf[..<n])
                guard n > 0, !LineShape.stopwords.contains(lowercasing: b) else { return }
                content += 1
                if LineShape.navigation.contains(lowercasing: b) { navigation += 1 }
            }
        }
        if !ascii {
            (content, navigation) = nonASCIINavigationCounts
        }
        guard content > 0 else { return 0 }
        return Double(navigation) / Double(content)
    }

    /// `navigationDensity`'s counts of content and navigation words, read from `bare` strings.
    private var nonASCIINavigationCounts: (content: Int, navigation: Int) {
        var content = 0, navigation = 0
        for w in words {
            let b = LineShape.bare(w)
            guard !b.isEmpty, !LineShape.stopwords.contains(b) else { continue }
            content += 1
            if LineShape.navigation.contains(b) { navigation += 1 }
        }
        return (content, navigation)
    }

    /// Most words capitalised, as in a headline or a menu ("Leave a Reply", "Biggest Strike In Decade").
    var isTitleCase: Bool {
        var content = 0, caps = 0
        let ascii = LineShape.forEachASCIIWord(in: text) { w in
            guard !LineShape.stopwords.contains(lowercasing: w) else { return }
            content += 1
            if w[0] &- 0x41 < 26 || w[0] &- 0x30 < 10 { caps += 1 }
        }
        guard ascii else { return isTitleCaseNonASCII }
        guard content > 0 else { return false }
        return Double(caps) / Double(content) >= 0.7
    }

    /// `isTitleCase` read from the words as strings.
    private var isTitleCaseNonASCII: Bool {
        let content = words.filter { !LineShape.stopwords.contains(lowercasing: String($0)) }
        guard !content.isEmpty else { return false }
        let caps = content.filter { $0.unicodeScalars.first.map { Scalars.isUpper($0) || Scalars.isDigit($0) } ?? false }.count
        return Double(caps) / Double(content.count) >= 0.7
    }

    /// `text.unicodeScalars.count <= n`, counting only when the byte length (one to four per
    /// scalar) leaves it open.
    func scalarCountIsAtMost(_ n: Int) -> Bool {
        let bytes = text.utf8.count
        if bytes <= n { return true }
        if bytes > 4 * n { return false }
        return text.unicodeScalars.count <= n
    }

    /// Looks like a headline: a few words, starts with a capital, no closing full stop.
    var isHeadlineShaped: Bool {
        guard !isLong, wordCount >= 3, wordCount <= 30, scalarCountIsAtMost(200), !endsSentence else { return false }
        guard let first = text.unicodeScalars.first(where: { !Sentences.isCloser($0) && !"“‘\"'".unicodeScalars.contains($0) }),
              Scalars.isUpper(first) || Scalars.isDigit(first) else { return false }
        guard let last = text.unicodeScalars.last, !",;:-–—".unicodeScalars.contains(last) else { return false }
        return true
    }

    /// Story prose: several words ending a sentence, or a long run of words.
    var isProse: Bool { isLong || (wordCount >= 6 && endsSentence) || wordCount >= 25 }
}
