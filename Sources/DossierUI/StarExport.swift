import DossierCore
import Foundation

/// Starred quotes as rows for a report, and their Markdown, CSV or JSON forms.
public enum StarExport {
    public struct Row: Encodable, Hashable, Sendable {
        public var speaker: String?
        public var quote: String
        public var kind: String
        public var file: String
        public var title: String
        public var published: String?

        enum CodingKeys: String, CodingKey { case speaker, quote, kind, file, title, published }
        /// Unknown speaker and date are written as null, so every row has the same keys.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(speaker, forKey: .speaker); try c.encode(quote, forKey: .quote); try c.encode(kind, forKey: .kind)
            try c.encode(file, forKey: .file); try c.encode(title, forKey: .title); try c.encode(published, forKey: .published)
        }
    }

    public static func rows(corpus: Corpus, stars: [Marks.StarKey]) -> [Row] {
        return stars.compactMap { star in
            guard let i = corpus.articles.index(ofID: star.article) else { return nil }
            let a = corpus.articles[i]
            guard let q = a.quotes.first(where: { $0.range.start == star.start }) else { return nil }
            return Row(speaker: q.speaker, quote: q.text, kind: q.kind.rawValue, file: a.id, title: a.displayTitle, published: a.published.date?.iso)
        }
    }

    public static func render(_ rows: [Row], format: String) -> String {
        switch format {
        case "csv":
            var out = "speaker,quote,kind,file,title,published\n"
            for r in rows { out += [r.speaker ?? "", r.quote, r.kind, r.file, r.title, r.published ?? ""].map(csvField).joined(separator: ",") + "\n" }
            return out
        case "json":
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return (try? String(data: e.encode(rows), encoding: .utf8) ?? "[]").map { $0 + "\n" } ?? "[]\n"
        default:
            var out = "# Starred quotes\n\n"
            if rows.isEmpty { out += "_No starred quotes: press `*` on a quote in the reader._\n" }
            for r in rows {
                let quote = r.kind == "reported" ? oneLine(r.quote) : "“\(oneLine(r.quote))”"
                out += "> \(quote)\n>\n> — **\(oneLine(r.speaker ?? "unattributed"))**, \(oneLine(r.title)) (\(r.file), \(r.published ?? "date unknown"))\n\n"
            }
            return out
        }
    }

    /// Line breaks inside a field would end the Markdown block quote.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func csvField(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
