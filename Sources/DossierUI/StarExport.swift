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
    }

    public static func rows(corpus: Corpus, stars: [Marks.StarKey]) -> [Row] {
        let byID = Dictionary(corpus.articles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return stars.compactMap { star in
            guard let a = byID[star.article], let q = a.quotes.first(where: { $0.range.start == star.start }) else { return nil }
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
                out += "> “\(r.quote)”\n>\n> — **\(r.speaker ?? "unattributed")**, \(r.title) (\(r.file), \(r.published ?? "date unknown"))\n\n"
            }
            return out
        }
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
