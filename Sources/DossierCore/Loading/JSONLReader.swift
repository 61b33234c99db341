import Foundation

/// Reads JSON Lines: one article per record with `id`, `title`, `published`, `text`.
/// A malformed line is reported with its line number; the good lines are kept.
public enum JSONLReader {
    public static func documents(bytes: [UInt8], path: String) -> LoadResult {
        var result = LoadResult()
        var lineNumber = 0
        var start = 0
        let fileName = (path as NSString).lastPathComponent
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            let line = bytes[start..<end]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                result.problems.append(LoadProblem(path: "\(path):\(lineNumber)", message: "skipped: not a JSON object"))
                continue
            }
            guard let text = object["text"] as? String else {
                result.problems.append(LoadProblem(path: "\(path):\(lineNumber)", message: "skipped: record has no \"text\" string"))
                continue
            }
            let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? "\(fileName):\(lineNumber)"
            var doc = RawDocument(id: id, path: path, text: text,
                                  title: (object["title"] as? String).flatMap { $0.isEmpty ? nil : $0 },
                                  published: object["published"] as? String)
            for key in ["url", "source"] { if let v = object[key] as? String { doc.metadata[key] = v } }
            result.documents.append(doc)
        }
        return result
    }
}
