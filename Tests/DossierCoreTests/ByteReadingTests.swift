import DossierTestSupport
import Testing
@testable import DossierCore

/// The word tests read plain ASCII from the bytes; these check them against a plain reading of
/// the String on generated words, including accents, curly apostrophes, combining and prepended
/// marks and carriage returns, where the byte reading must hand over to the String.
@Suite struct NameWordsByteTests {
    /// Pieces words are built from: letters of both cases, the marks the tests look at, and
    /// scalars beyond ASCII that change how Characters are counted.
    static let pieces: [String] = [
        "a", "l", "s", "S", "e", "n", "b", "i", "A", "M", "Z", "'", "’", "ʼ", ".", "-", "1", " ",
        "\r", "\n", "é", "É", "\u{301}", "\u{600}", "ß", "al", "bin", "inc", "corp", "group", "sen", "mr", "dr", "lt",
    ]

    static func words(count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix(seed: seed)
        return (0..<count).map { _ in
            let length = Int(rng.next() % 7)
            return (0..<length).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
    }

    // The String readings the byte paths replaced, scalar by scalar.
    static func stripPossessive(_ w: String) -> String { NameWords.stripPossessiveByScalars(w) }
    static func isOrgWord(_ w: String) -> Bool {
        let stripped = stripPossessive(w)
        if stripped.unicodeScalars.last != "." { return NameWords.orgWords.contains(lowercasing: stripped) }
        var l = stripped.lowercased()
        while l.hasSuffix(".") { l.removeLast() }
        return NameWords.orgWords.contains(l)
    }
    static func isTitle(_ w: String) -> Bool {
        if w.unicodeScalars.last != "." { return NameWords.titleWords.contains(lowercasing: w) }
        var l = w.lowercased()
        if l.count > 2, l.hasSuffix(".") { l.removeLast() }
        return NameWords.titleWords.contains(l)
    }
    static func startsName(_ w: String) -> Bool {
        let s = Array(w.unicodeScalars)
        guard let first = s.first else { return false }
        if Scalars.isUpper(first) { return true }
        guard Scalars.isLower(first) else { return false }
        for i in 1..<min(s.count, 4) {
            if s[i] == "-" {
                return i + 1 < s.count && Scalars.isUpper(s[i + 1]) && NameWords.nameArticles.contains(String(String.UnicodeScalarView(s[..<i])))
            }
            guard Scalars.isLower(s[i]) else { return false }
        }
        return false
    }

    @Test func agreesWithStringReading() {
        let listed = ["Sen.", "Lt.", "Dr.", "Mr", "Inc.", "Corp..", "Ministry's", "Bank’s", "al-Hassan", "bin-Laden", "ab-Cd", "'s", "'", "s'", "\r\n.", "É.", "Group'"]
        for w in listed + Self.words(count: 40_000, seed: 7) {
            #expect(NameWords.stripPossessive(w) == Self.stripPossessive(w), "\(w.debugDescription)")
            #expect(NameWords.isPossessive(w) == (Self.stripPossessive(w) != w), "\(w.debugDescription)")
            #expect(NameWords.isOrgWord(w) == Self.isOrgWord(w), "\(w.debugDescription)")
            #expect(NameWords.isTitle(w) == Self.isTitle(w), "\(w.debugDescription)")
            #expect(NameWords.startsName(w.unicodeScalars) == Self.startsName(w), "\(w.debugDescription)")
        }
    }
}

/// `PartialDate(iso:)` reads the usual shapes from the bytes; on any text it must agree with
/// the general reading, invalid dates and stray marks included.
@Suite struct PartialDateByteTests {
    static let pieces: [String] = [
        "0", "1", "2", "3", "9", "19", "20", "02", "12", "13", "29", "30", "31", "00", "1987", "2024", "1900", "2000",
        "-", "-", "T", "T", " ", "\t", "\u{00A0}", "+", ":", "Z", ".", "x", "\u{301}", "é", "\r\n",
    ]

    @Test func agreesWithGeneralReading() {
        let listed = ["1987-02-26T15:01:01", "1987-02-29", "1988-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00",
                      "2023", "2023-05", "2023T", "2023-05T", "2023-05-07 10:00", "2023-05-07T\u{301}", "2023T\u{301}", "2023-05-07\u{301}",
                      "0000", "0000-01-01", "+987", " 2023-01-01", "2023-01-01 ", "2023--01", "", "T", "2023-1-5", "2023-05-071"]
        var rng = SplitMix(seed: 11)
        var generated: [String] = []
        for _ in 0..<60_000 {
            let length = Int(rng.next() % 8)
            generated.append((0..<length).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined())
        }
        // Well-formed dates with every month and day, valid or not, and what may follow them.
        for _ in 0..<20_000 {
            let y = Int(rng.next() % 10_000), m = Int(rng.next() % 14), d = Int(rng.next() % 33)
            let tail = ["", "T", "T10:00Z", " ", "x", "-", "\u{301}", "T\u{301}"][Int(rng.next() % 8)]
            let shape = Int(rng.next() % 3)
            let date = String(format: "%04d", y) + (shape > 0 ? String(format: "-%02d", m) : "") + (shape > 1 ? String(format: "-%02d", d) : "")
            generated.append(date + tail)
        }
        var plain = 0
        for s in listed + generated {
            #expect(PartialDate(iso: s) == PartialDate.readISO(s), "\(s.debugDescription)")
            if s.utf8.withContiguousStorageIfAvailable(PartialDate.plainISO) != .unusual { plain += 1 }
        }
        // The byte reading decided most of the well-formed ones.
        #expect(plain > 10_000)
    }
}

/// `Scalars.stringAndLower` reads ASCII runs and single ASCII scalars without Unicode; it must
/// give what the String and `lowercased()` give, for any run.
@Suite struct StringAndLowerTests {
    @Test func agreesWithString() {
        let pieces: [String] = ["a", "Z", "M", "q", "'", "’", ".", "-", ",", "1", "@", "[", "`", "{", "\u{7F}", "\r", "É", "é", "\u{301}", "ß", "İ", "Σ", "ǅ", "ﬁ", "Kyiv", "NATO"]
        var rng = SplitMix(seed: 5)
        var single = 0
        for n in 0..<40_000 {
            let w = n < 128 ? String(Unicode.Scalar(UInt8(n))) : (0..<Int(rng.next() % 6)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let scalars = Array(w.unicodeScalars)
            if scalars.count == 1 { single += 1 }
            let (text, lower) = Scalars.stringAndLower(scalars[...])
            #expect(text == w && text.utf8.elementsEqual(w.utf8), "\(w.debugDescription)")
            #expect(lower == w.lowercased() && lower.utf8.elementsEqual(w.lowercased().utf8), "\(w.debugDescription)")
        }
        #expect(single > 128)
    }
}

@Suite struct TrailingPeriodTests {
    @Test func agreesWithReversedReading() {
        let pieces = ["inc", "Corp", ".", ".", "\u{301}", "é", "a", "’", " ", "\r\n", "ß"]
        var rng = SplitMix(seed: 9)
        var cut = 0
        for _ in 0..<20_000 {
            let w = (0..<Int(rng.next() % 6)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let slow = String(w.reversed().drop { $0 == "." }.reversed())
            let fast = SpeakerPhrase.withoutTrailingPeriods(w)
            #expect(fast == slow && fast.utf8.elementsEqual(slow.utf8), "\(w.debugDescription)")
            if fast != w { cut += 1 }
        }
        #expect(cut > 1_000)
    }
}

/// The cleaner's rules read some marks from a paragraph's bytes; these hold each reading to the
/// scalar reading it replaced, on generated lines around the marks they look for.
@Suite struct CleanerByteReadingTests {
    static let pieces: [String] = ["1", "7", "°", " ", "C", "F", "c", "é", "É", "a", "Z", ".", "-", "\u{B0}", "\u{C2}", "\u{2000}", "\r\n", "Ｃ", "٣", "\u{301}", "\u{1B0}", "\u{630}", "title", "Title"]

    static func lines(count: Int, seed: UInt64, length: Int = 9) -> [String] {
        var rng = SplitMix(seed: seed)
        return (0..<count).map { _ in
            (0..<Int(rng.next() % UInt64(length))).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
    }

    /// The temperature check as it read scalars.
    static func hasTemperatureUnit(_ text: String) -> Bool {
        var before: Unicode.Scalar = " ", beforeThat: Unicode.Scalar = " "
        for c in text.unicodeScalars {
            if c == "C" || c == "F" {
                if Scalars.isDigit(before) || before == "°" || (before == " " && (Scalars.isDigit(beforeThat) || beforeThat == "°")) { return true }
            }
            beforeThat = before
            before = c
        }
        return false
    }

    /// The headline comparison for ASCII as it read the Strings.
    static func sameASCII(_ a: String, _ b: String) -> Bool? {
        guard a.utf8.allSatisfy({ $0 < 0x80 }), b.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        func kept(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x41...0x5A: return c | 0x20
            case 0x61...0x7A, 0x30...0x39: return c
            default: return nil
            }
        }
        let x = a.utf8.compactMap(kept), y = b.utf8.compactMap(kept)
        return !x.isEmpty && x == y
    }

    @Test func temperatureUnitAgreesWithScalarReading() {
        var found = 0
        for line in ["", "C", "5C", "5 C", "°F", "-2°C", "x °C", "17.3 C", "C5"] + Self.lines(count: 30_000, seed: 31) {
            let expected = Self.hasTemperatureUnit(line)
            #expect(Furniture.hasTemperatureUnit(line) == expected, "\(line.debugDescription)")
            if expected { found += 1 }
        }
        #expect(found > 1_000, "the generated lines hold many units: \(found)")
    }

    @Test func headlineComparisonAgreesWithStringReading() {
        let lines = Self.lines(count: 20_000, seed: 37, length: 5)
        var same = 0
        for k in stride(from: 0, to: lines.count - 1, by: 2) {
            // Pairs that differ, and pairs that differ only in case, spacing and marks.
            let a = lines[k]
            for b in [lines[k + 1], a.uppercased(), a.replacingOccurrences(of: " ", with: ""), a + ".", "x" + a] {
                let expected = Self.sameASCII(a, b)
                #expect(Cleaner.sameASCII(a, b) == expected, "\(a.debugDescription) \(b.debugDescription)")
                if expected == true { same += 1 }
            }
        }
        #expect(same > 1_000, "many generated pairs are the same headline: \(same)")
    }
}
