/// Why a line is not part of the story.
enum FurnitureKind: String, Sendable {
    case stamp, weather, navigation, code, promotion, copyright, byline, notice, signoff, headlineList
}

/// Rules that recognise page furniture from a line's shape and words, wherever it stands.
enum Furniture {
    static func kind(of text: String) -> FurnitureKind? {
        let shape = LineShape(text)
        let lower = text.lowercased()
        if DateStamp.parse(text) != nil || isClock(text) { return .stamp }
        if isWeather(text) { return .weather }
        if isCode(shape) { return .code }
        if lower.contains("©") || lower.hasPrefix("copyright") || lower.contains("all rights reserved") { return .copyright }
        if isNotice(lower, shape) { return .notice }
        if isByline(shape) { return .byline }
        if isPromotion(shape) { return .promotion }
        if shape.wordCount <= 12, !shape.isProse || shape.wordCount <= 4, shape.navigationDensity >= 0.5 { return .navigation }
        if shape.wordCount <= 3, shape.text.hasPrefix("* ") || shape.text.hasPrefix("• ") || shape.text.hasPrefix("> ") { return .navigation }
        return nil
    }

    /// "13:26", "10:15 AM".
    static func isClock(_ text: String) -> Bool {
        text.range(of: #"^\s*\d{1,2}[:.]\d{2}(\s*([AaPp]\.?[Mm]\.?|h|Uhr))?\s*$"#, options: .regularExpression) != nil
    }

    /// "17.3 C", "-2°C", "72 °F", optionally after a place or before a sky word.
    static func isWeather(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.unicodeScalars.count <= 40 else { return false }
        return t.range(of: #"(^|\s)[-−+]?\d{1,3}([.,]\d)?\s*°?\s*[CF](\s|$)"#, options: .regularExpression) != nil
            && t.range(of: #"[.!?]\s"#, options: .regularExpression) == nil
            && t.split(separator: " ").count <= 5
    }

    /// Template or markup residue: "spot_img", "{{title}}", "<div>".
    static func isCode(_ shape: LineShape) -> Bool {
        guard shape.wordCount <= 3 else { return false }
        let t = shape.text
        if t.contains("{{") || t.contains("}}") || t.contains("</") || t.contains("/>") { return true }
        return shape.words.allSatisfy { w in w.contains("_") && w.unicodeScalars.allSatisfy { Scalars.isLetter($0) || Scalars.isDigit($0) || $0 == "_" } }
    }

    /// Cookie, consent and newsletter notices.
    static func isNotice(_ lower: String, _ shape: LineShape) -> Bool {
        if lower.contains("cookie"), ["we use", "accept", "consent", "policy", "browsing", "experience", "this site", "our site", "website"].contains(where: lower.contains) { return true }
        if ["newsletter", "inbox", "sign up", "subscribe"].contains(where: lower.contains),
           ["email", "e-mail", "inbox", "newsletter", "sign up", "subscribe", "free"].filter({ lower.contains($0) }).count >= 2, shape.wordCount <= 40 { return true }
        if lower.contains("javascript") && (lower.contains("enable") || lower.contains("browser")) { return true }
        return false
    }

    /// "By Jane Smith", "Reporting by …; Editing by …", "Photo: Reuters".
    static func isByline(_ shape: LineShape) -> Bool {
        let t = shape.text.trimmingCharacters(in: CharacterSet(charactersIn: "()[] "))
        let lower = t.lowercased()
        if ["reporting by", "editing by", "writing by", "additional reporting", "compiled by", "edited by"].contains(where: lower.hasPrefix) { return true }
        if ["photo:", "image:", "picture:", "photograph:", "source:", "credit:", "photo by", "image by"].contains(where: lower.hasPrefix), shape.wordCount <= 12 { return true }
        if lower.hasPrefix("by "), shape.wordCount <= 8, !shape.endsSentence {
            let names = shape.words.dropFirst().filter { $0.lowercased() != "and" && $0 != "|" && $0 != "-" }
            return !names.isEmpty && names.allSatisfy { $0.unicodeScalars.first.map(Scalars.isUpper) ?? false }
        }
        return false
    }

    /// Calls to action: "For more videos … watch the … channel.", "* Follow X on Twitter and Facebook".
    static func isPromotion(_ shape: LineShape) -> Bool {
        guard shape.wordCount <= 40, !shape.hasInnerSentenceEnd else { return false }
        let lower = shape.text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "*•>-– "))
        let openers = ["for more", "for the latest", "to read", "to watch", "to get", "click", "tap ", "read more", "read also", "watch ", "listen ",
                       "follow ", "subscribe", "sign up", "download ", "join ", "like us", "get the", "see also", "also read", "related:", "more:"]
        let calls = ["watch", "follow", "subscribe", "visit", "read", "download", "listen", "click", "sign up", "join"]
        let opens = openers.contains(where: lower.hasPrefix)
        let calls2 = calls.contains { lower.contains(", \($0) ") || lower.contains(" \($0) us") }
        guard opens || calls2 else { return false }
        return shape.navigationDensity >= 0.2
    }
}

import Foundation
