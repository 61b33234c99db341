/// A parsed search: free words, quoted phrases and filters (`speaker:`, `date:`, `file:`/`outlet:`).
/// Smart case: a query with an upper-case letter matches case exactly.
public struct SearchQuery: Hashable, Sendable {
    /// Words and phrases; every one must occur in an article for it to match.
    public var terms: [String]
    public var speaker: String?
    public var dateFrom: PartialDate?
    public var dateTo: PartialDate?
    public var file: String?
    public var caseSensitive: Bool

    public init(parsing input: String) {
        terms = []; caseSensitive = false
        var rest = Substring(input)
        while true {
            rest = rest.drop(while: { $0 == " " })
            guard !rest.isEmpty else { break }
            var token: String
            if rest.first == "\"" || rest.first == "“" {
                let body = rest.dropFirst()
                let end = body.firstIndex(where: { $0 == "\"" || $0 == "”" }) ?? body.endIndex
                token = String(body[..<end])
                rest = end < body.endIndex ? body[body.index(after: end)...] : body[end...]
                if !token.isEmpty { terms.append(token) }
                continue
            }
            let end = rest.firstIndex(of: " ") ?? rest.endIndex
            token = String(rest[..<end])
            rest = rest[end...]
            if let colon = token.firstIndex(of: ":") {
                let key = token[..<colon].lowercased()
                var value = String(token[token.index(after: colon)...])
                if value.first == "\"" || value.first == "“" {
                    // speaker:"von der leyen"
                    let body = value.dropFirst() + rest
                    let close = body.firstIndex(where: { $0 == "\"" || $0 == "”" }) ?? body.endIndex
                    value = String(body[..<close])
                    let restString = close < body.endIndex ? String(body[body.index(after: close)...]) : ""
                    rest = Substring(restString)
                }
                switch key {
                case "speaker", "by": speaker = value; continue
                case "file", "outlet", "source": file = value; continue
                case "date":
                    let parts = value.components(separatedBy: "..")
                    dateFrom = parts.first.flatMap { PartialDate(iso: $0) }
                    dateTo = parts.count > 1 ? PartialDate(iso: parts[1]) : dateFrom
                    continue
                default: break
                }
            }
            terms.append(token)
        }
        caseSensitive = terms.contains { $0.unicodeScalars.contains { $0.properties.isUppercase } }
    }

    public var isEmpty: Bool { terms.isEmpty && !hasFilter }
    public var hasFilter: Bool { speaker != nil || dateFrom != nil || file != nil }
}

import Foundation
