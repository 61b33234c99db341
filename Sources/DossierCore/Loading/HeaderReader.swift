/// Reads metadata that stands before the story: a Markdown front matter block
/// (`---` … `title:` / `date:` … `---`) or a `date YYYY-MM-DD` header line, which may carry the
/// headline after the date.
public enum HeaderReader {
    public static func apply(to doc: inout RawDocument) {
        // Headers are the first few short lines: never copy more of a huge file than that.
        let scalars = Array(doc.text.unicodeScalars.prefix(1 << 16))
        var lines: [(start: Int, end: Int)] = []
        var s = 0
        for (i, c) in scalars.enumerated() where c == "\n" {
            lines.append((s, i)); s = i + 1
            if lines.count > 64 { break }
        }
        if lines.count <= 64 { lines.append((s, scalars.count)) }
        func text(_ l: (start: Int, end: Int)) -> String {
            String(String.UnicodeScalarView(scalars[l.start..<l.end])).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let firstIndex = lines.firstIndex(where: { !text($0).isEmpty }) else { return }
        let first = text(lines[firstIndex])
        if first == "---" {
            for j in (firstIndex + 1)..<lines.count {
                let line = text(lines[j])
                if line == "---" || line == "..." { doc.bodyStart = min(scalars.count, lines[j].end + 1); return }
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = unquote(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                switch key {
                case "title": if doc.title == nil, !value.isEmpty { doc.title = value }
                case "date", "published": if doc.published == nil, !value.isEmpty { doc.published = value }
                case "url", "source", "author": doc.metadata[key] = value
                default: break
                }
            }
            doc.title = nil; doc.published = nil  // never closed: not front matter after all
            return
        }
        // A block of `Title: …` / `Date: …` / `URL: …` lines, as saved-page dumps start.
        var j = firstIndex
        var found = false
        while j < lines.count, lines[j].end - lines[j].start <= 500, let (key, value) = field(text(lines[j])) {
            switch key {
            case "title", "headline": if doc.title == nil { doc.title = value }
            case "date", "published", "pubdate", "publication date", "date published":
                if doc.published == nil { doc.published = value; doc.metadata["header"] = text(lines[j]) }
            default: doc.metadata[key] = value
            }
            found = true
            j += 1
        }
        if found {
            doc.bodyStart = min(scalars.count, lines[j - 1].end + 1)
            return
        }
        // `date 2023-01-10 'Headline'`
        let words = first.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        if words.count >= 2, words[0].lowercased() == "date", PartialDate(iso: String(words[1])) != nil, words[1].count >= 4 {
            doc.published = doc.published ?? String(words[1])
            if words.count == 3 {
                let rest = unquote(String(words[2]))
                if !rest.isEmpty, doc.title == nil { doc.title = rest }
            }
            doc.metadata["header"] = first
            doc.bodyStart = min(scalars.count, lines[firstIndex].end + 1)
        }
    }

    /// `Key: value` for the few keys a saved page's header uses.
    static func field(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let keys: Set<String> = ["title", "headline", "date", "published", "pubdate", "publication date", "date published", "url", "source", "author", "byline"]
        guard keys.contains(key) else { return nil }
        let value = unquote(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        return value.isEmpty ? nil : (key, value)
    }

    /// Strips one pair of surrounding quotation marks.
    static func unquote(_ s: String) -> String {
        let opens: [Character: Set<Character>] = ["'": ["'", "’"], "\"": ["\"", "”"], "‘": ["’", "'"], "“": ["”", "\""]]
        guard s.count >= 2, let first = s.first, let closes = opens[first], let last = s.last, closes.contains(last) else { return s }
        return String(s.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
    }
}
