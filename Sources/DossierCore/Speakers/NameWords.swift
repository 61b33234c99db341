import Foundation

/// Word classes for reading names, titles and descriptions of people and bodies.
public enum NameWords {
    static func set(_ s: String) -> Lexicon { Lexicon(s.split(separator: " ").map(String.init)) }

    /// Titles and honorifics that precede a name ("NATO Secretary-General Jens Stoltenberg").
    static let titles = set("""
        president vice prime minister secretary secretary-general general chancellor ambassador chief head \
        director director-general chairman chairwoman chair governor senator sen rep representative mayor king \
        queen prince princess pope foreign defense defence interior finance deputy former spokesman \
        spokeswoman spokesperson commissioner commander admiral colonel col lieutenant lt captain capt judge \
        justice attorney ceo leader speaker envoy adviser advisor officer gen gov sgt sergeant marshal \
        premier emir sheikh ayatollah cardinal bishop archbishop rev reverend counsel treasurer auditor \
        minister-president vice-president ex first lady sir dame lord baroness baron high state acting interim \
        executive managing founder co-founder chief-executive editor professor prof dr doctor coach \
        engineer farmer lawyer actor actress singer author writer journalist analyst economist historian \
        scientist researcher activist detective constable inspector superintendent chef artist host presenter \
        anchor correspondent pastor rabbi imam priest principal manager midfielder striker goalkeeper \
        defender forward player pilot nurse surgeon ombudsman designer architect broker trader banker \
        maj brig cmdr prosecutor mme mlle
        """)
    static let honorifics = set("mr mrs ms miss dr prof sir dame mr. mrs. ms. dr. mme mlle")
    /// Heads of descriptions that stand for one person ("the official", "the alliance's chief").
    static let personRoles = set("""
        official source spokesman spokeswoman spokesperson minister secretary secretary-general president \
        chief head leader boss officer diplomat envoy ambassador commander general adviser advisor aide \
        lawmaker senator governor mayor director chairman chairwoman chair executive ceo economist analyst \
        expert judge prosecutor lawyer attorney witness resident doctor scientist researcher chancellor \
        premier commissioner inspector investigator negotiator representative member correspondent reporter \
        journalist editor founder owner manager coach captain soldier pilot engineer teacher student \
        survivor victim activist campaigner organiser organizer insider strategist pollster mediator \
        monarch king queen prince princess pope spokesmen defendant claimant plaintiff suspect reviewer critic \
        man woman
        """)
    /// Heads of descriptions that stand for several people or for a body.
    static let groupRoles = set("""
        officials sources diplomats analysts experts aides lawmakers senators governors ministers \
        leaders officers commanders residents witnesses doctors scientists researchers investigators \
        negotiators representatives members correspondents reporters journalists authorities police \
        military army ministry department government agency office council commission committee board \
        company firm bank union party parliament court embassy administration cabinet presidency kremlin \
        alliance bloc organisation organization association federation institute foundation regulator \
        watchdog newspaper broadcaster outlet channel paper daily magazine website network group staff \
        workers employees critics supporters opponents activists campaigners protesters observers \
        prosecutors spokespeople monitors inspectors economists strategists pollsters insiders families \
        survivors victims troops soldiers forces
        """)
    static let quantifiers = set("other others some many several most few both all each one two three four five")
    static let corporateSuffixes = set("inc corp co ltd plc llc ag sa nv spa gmbh lp group corporation company")
    static let openers = set("however meanwhile still now then instead moreover furthermore nevertheless separately later earlier")

    static func isOrgWord(_ w: String) -> Bool {
        if let known = w.utf8.withContiguousStorageIfAvailable(isOrgWord(bytes:)) ?? nil { return known }
        let stripped = stripPossessive(w)
        // Without a closing dot (most words) the word is looked up as it stands.
        if stripped.unicodeScalars.last != "." { return orgWords.contains(lowercasing: stripped) }
        var l = stripped.lowercased()
        while l.hasSuffix(".") { l.removeLast() }
        return orgWords.contains(l)
    }

    /// `isOrgWord` read from the bytes; nil for the rare word that needs the String path.
    private static func isOrgWord(bytes b: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let end = possessiveLength(b) else { return nil }
        let stripped = UnsafeBufferPointer(rebasing: b[..<end])
        guard stripped.last == 0x2E else { return orgWords.contains(lowercasing: stripped) }
        guard isPlainASCII(b) else { return nil }
        var kept = end
        while kept > 0, b[kept - 1] == 0x2E { kept -= 1 }
        return orgWords.contains(lowercasing: UnsafeBufferPointer(rebasing: b[..<kept]))
    }

    /// Things that are cited but do not speak.
    static let documents = set("""
        report reports study studies data figures history records documents document polls poll survey surveys \
        statistics research analysis evidence results numbers article paper memo letter statement
        """)
    /// Descriptions of a body that point back at the one named before ("the company").
    static let bodyRoles = set("""
        company firm automaker carmaker airline bank group ministry agency government party union manufacturer \
        retailer insurer lender maker department board commission council committee court bureau office \
        administration embassy institute exchange fund authority regulator watchdog newspaper paper utility
        """)
    static let leaderRoles = set("chief head leader boss commander")
    static let leaderTitles = set("""
        secretary-general president chancellor prime premier chairman chairwoman chair director \
        director-general ceo governor mayor king queen emir commander head chief leader general
        """)
    /// Words of institutions: a run that holds one is a body, not a person.
    static let orgWords = set("""
        ministry department times post news union council commission committee office agency party bank \
        group company corp corporation inc ltd institute university court parliament assembly army forces force \
        navy government administration house kremlin pentagon states kingdom republic nations federation \
        organization organisation association alliance channel tv radio press journal herald telegraph \
        guardian mirror daily tribune reuters street square sea river city airport war summit declaration \
        charter center centre foundation fund service services police guard embassy exchange market club \
        league cup games festival church school college hospital museum airlines motors bureau network \
        agency reserve board authority commission county province region district island islands \
        conference forum week expo show awards prize program programme project plan act treaty \
        agreement accord index average stock stocks airways systems technologies industries holdings \
        partners capital securities investments group media studios records labs laboratories co plc ag sa \
        nv spa gmbh llc lp bancorp bancshares insurance financial energy oil petroleum resources trust \
        savings enterprises international communications electronics chemical chemicals steel mining \
        pharmaceuticals foods stores brands products entertainment software computer computers semiconductor \
        semiconductors petroleos cooperative exchange commerce industries railway railroad ventures treasury corps
        """)
    static let nationalities = set("""
        american british english scottish welsh irish french german italian spanish portuguese dutch \
        belgian swiss austrian polish czech slovak hungarian romanian bulgarian greek turkish russian \
        ukrainian belarusian lithuanian latvian estonian finnish swedish norwegian danish icelandic \
        chinese japanese korean indian pakistani iranian iraqi syrian israeli palestinian egyptian saudi \
        canadian mexican brazilian argentine australian african nigerian kenyan european western eastern \
        serbian croatian bosnian moldovan georgian armenian azerbaijani kazakh afghan taiwanese vietnamese \
        thai indonesian filipino malaysian u.s us uk eu un nato
        """)
    static let particles = set("von van der den de del della di da du la le bin ibn al el")
    static let months = set("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec")
    static let days = set("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight")
    static let determiners = set("the a an this that these those his her its their our my your")
    static let pronouns = set("he she they him her them")
    /// Words that never sit inside a speaker's name or description.
    static let stops = set("""
        and or but nor that which who whom whose as while when because after before if since though although \
        in on at by with from into about over under during without against between through toward towards \
        upon within across than so yet not also it its this these those there here what where how why \
        is are was were be been being has have had do does did will would could should may might must can \
        i we you me us
        """)
    /// Adverbs and auxiliaries that may stand between a speaker and the verb.
    static let adverbs = set("""
        also later earlier then again previously repeatedly today yesterday tonight recently separately \
        reportedly once further additionally similarly has have had was were is are will would once \
        already still just publicly privately openly firmly flatly strongly clearly bluntly quickly \
        subsequently meanwhile however too even swiftly immediately frankly
        """)

    /// A capitalized word (letters first) that is not an acronym-only token like "NATO".
    static func isAcronym(_ w: String) -> Bool {
        var letters = 0
        for c in w.unicodeScalars where Scalars.isLetter(c) {
            guard Scalars.isUpper(c) else { return false }
            letters += 1
        }
        return letters >= 2
    }
    static func isCapitalized(_ w: String) -> Bool { startsName(w.unicodeScalars) }

    /// Arabic and similar articles joined to a capitalized name: "al-Hassan", "bin-Laden".
    static let nameArticles: Lexicon = ["al", "el", "ad", "ud", "bin", "ibn", "abu", "bint", "ben"]

    /// A word that starts with a capital, or a name article glued by a hyphen to one ("al-Nuaimi").
    static func startsName(_ s: String.UnicodeScalarView) -> Bool {
        if let known = String(s).utf8.withContiguousStorageIfAvailable(startsName(bytes:)) ?? nil { return known }
        guard let first = s.first else { return false }
        if Scalars.isUpper(first) { return true }
        guard Scalars.isLower(first) else { return false }
        // Up to four lowercase letters, a hyphen, a capital; the prefix is built only then.
        var length = 0
        var i = s.startIndex
        while i != s.endIndex, length < 4 {
            let c = s[i]
            if c == "-" {
                let next = s.index(after: i)
                return next != s.endIndex && Scalars.isUpper(s[next]) && nameArticles.contains(String(String.UnicodeScalarView(s[s.startIndex..<i])))
            }
            guard Scalars.isLower(c) else { return false }
            length += 1
            i = s.index(after: i)
        }
        return false
    }

    /// `startsName` read from the bytes while they are ASCII; nil where a scalar beyond ASCII
    /// decides the answer (the scalar path then reads it).
    private static func startsName(bytes b: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let first = b.first else { return false }
        if first &- 0x41 < 26 { return true }
        if first >= 0x80 { return nil }
        guard first &- 0x61 < 26 else { return false }
        // The first four scalars: lowercase letters, then a hyphen and a capital.
        for i in 1..<min(b.count, 4) {
            let c = b[i]
            if c == 0x2D {
                guard i + 1 < b.count else { return false }
                let next = b[i + 1]
                if next >= 0x80 { return nil }
                return next &- 0x41 < 26 && nameArticles.contains(lowercasing: UnsafeBufferPointer(rebasing: b[..<i]))
            }
            if c >= 0x80 { return nil }
            guard c &- 0x61 < 26 else { return false }
        }
        return false
    }

    /// Titles, honorifics and nationalities; an abbreviation's dot does not matter ("Sen.", "Lt.").
    static func isTitle(_ w: String) -> Bool {
        if let known = w.utf8.withContiguousStorageIfAvailable(isTitle(bytes:)) ?? nil { return known }
        // Without a closing dot (most words) one lookup of the word as it stands.
        if w.unicodeScalars.last != "." { return titleWords.contains(lowercasing: w) }
        var l = w.lowercased()
        if l.count > 2, l.hasSuffix(".") { l.removeLast() }
        return titleWords.contains(l)
    }

    /// `isTitle` read from the bytes; nil for a word beyond plain ASCII that ends in a dot.
    private static func isTitle(bytes b: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard b.last == 0x2E else { return titleWords.contains(lowercasing: b) }
        guard isPlainASCII(b) else { return nil }
        // One byte is one Character here, so "longer than two" counts bytes.
        return titleWords.contains(lowercasing: UnsafeBufferPointer(rebasing: b[..<(b.count > 2 ? b.count - 1 : b.count)]))
    }
    static let titleWords = Lexicon(titles.words.union(honorifics).union(nationalities))
    static let femaleWords = set("she her hers herself mrs ms miss mme mlle madam dame lady baroness queen princess spokeswoman chairwoman businesswoman congresswoman actress woman mother wife daughter sister grandmother girl")
    static let maleWords = set("he him his himself mr sir lord baron king prince spokesman chairman businessman congressman actor man father husband son brother grandfather boy")

    /// The word without a possessive ending ("Ministry’s" → "Ministry").
    static func stripPossessive(_ w: String) -> String {
        if let end = w.utf8.withContiguousStorageIfAvailable(possessiveLength) ?? nil {
            return end == w.utf8.count ? w : String(decoding: w.utf8.prefix(end), as: UTF8.self)
        }
        return stripPossessiveByScalars(w)
    }

    /// The same for any text, read scalar by scalar.
    static func stripPossessiveByScalars(_ w: String) -> String {
        // Most words end in no apostrophe and no "’s": the last two scalars tell.
        let u = w.unicodeScalars
        guard let last = u.last else { return w }
        if last == "s" {
            let end = u.index(before: u.endIndex)
            guard end != u.startIndex, Scalars.isApostrophe(u[u.index(before: end)]) else { return w }
        } else if last != "’" && last != "'" {
            return w
        }
        for suffix in ["’s", "'s", "’", "'"] where w.hasSuffix(suffix) && w.count > suffix.count { return String(w.dropLast(suffix.count)) }
        return w
    }
    static func isPossessive(_ w: String) -> Bool {
        if let known = w.utf8.withContiguousStorageIfAvailable({ b in possessiveLength(b).map { $0 != b.count } }) ?? nil { return known }
        return stripPossessive(w) != w
    }

    /// The length in bytes of the word without its possessive ending, or nil where only the
    /// String path can tell: a word beyond plain ASCII that may end in one.
    private static func possessiveLength(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let last = b.last else { return 0 }
        // A last byte in ASCII other than "s" or "'" is a last scalar that ends no possessive.
        if last != 0x73 && last != 0x27 && last < 0x80 { return b.count }
        guard isPlainASCII(b) else { return nil }
        let n = b.count
        if last == 0x27 { return n >= 2 ? n - 1 : n }
        return n >= 3 && b[n - 2] == 0x27 ? n - 2 : n
    }

    /// ASCII without a carriage return: each byte is one Character, so byte counts and
    /// suffixes are the String's own (only "\r\n" joins two ASCII bytes into one Character).
    private static func isPlainASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// Comparable form of a name: lowercase, hyphens as spaces, dots dropped, single spaces.
    public static func fold(_ s: String) -> String {
        if let ascii = foldASCII(s) { return ascii }
        var out = String.UnicodeScalarView()
        var space = false
        for c in s.lowercased().unicodeScalars {
            if c == "." { continue }
            if c == " " || c == "-" { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            out.append(c)
        }
        return String(out)
    }

    /// `fold` for plain ASCII, from the bytes; nil for other text.
    static func foldASCII(_ s: String) -> String? {
        guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(unsafeUninitializedCapacity: s.utf8.count) { out in
            var n = 0
            var space = false
            for b in s.utf8 {
                if b == 0x2E { continue }
                if b == 0x20 || b == 0x2D { space = n > 0; continue }
                if space { out[n] = 0x20; n += 1; space = false }
                out[n] = b &- 0x41 < 26 ? b | 0x20 : b
                n += 1
            }
            return n
        }
    }
}
