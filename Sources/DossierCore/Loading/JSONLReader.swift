import Foundation

/// Reads JSON Lines: one article per record with `id`, `title`, `published`, `text`.
/// A malformed line is reported with its line number; the good lines are kept.
public enum JSONLReader {
    /// Bad lines reported one by one per file; the rest are counted in one summary line.
    public static let maxReportedLines = 50

    public static func documents(bytes: [UInt8], path: String) -> LoadResult {
        var result = LoadResult()
        var lineNumber = 0
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let fileName = (path as NSString).lastPathComponent
        var unreported: [Int] = []
        func report(_ message: String) {
            if result.problems.count < maxReportedLines {
                result.problems.append(LoadProblem(path: "\(path):\(lineNumber)", message: message))
            } else {
                unreported.append(lineNumber)
            }
        }
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            switch record(bytes[start..<end], number: lineNumber, fileName: fileName, path: path) {
            case .document(let doc): result.documents.append(doc)
            case .problem(let message): report(message)
            case .blank: break
            }
        }
        if let first = unreported.first {
            result.problems.append(LoadProblem(path: path, message: "skipped \(unreported.count) more malformed lines (lines \(first)–\(unreported.last ?? first))"))
        }
        return result
    }

    /// What one line of a JSONL file holds.
    public enum Record {
        case document(RawDocument)
        case problem(String)
        case blank
    }

    /// Reads line `number` (1-based) of the file at `path`; `number` names a record without an id.
    public static func record(_ line: ArraySlice<UInt8>, number: @autoclosure () -> Int, fileName: String, path: String) -> Record {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { return .blank }
        // Foundation reads what FlatJSON leaves, and a number id (which it writes as digits).
        var fields = FlatJSON.fields(line, wanted: wantedKeys)
        if fields == nil || fields?.notStrings.contains("id") == true { fields = parse(line).map(Self.fields(of:)) }
        guard let f = fields?.strings else { return .problem("skipped: line \(number()) is not a JSON object") }
        guard let text = f["text"] else { return .problem("skipped: line \(number()) has no \"text\" string") }
        var doc = RawDocument(id: f["id"] ?? "\(fileName):\(number())", path: path, text: text,
                              title: f["title"].flatMap { $0.isEmpty ? nil : $0 }, published: f["published"])
        for key in ["url", "source"] { if let v = f[key] { doc.metadata[key] = v } }
        return .document(doc)
    }

    /// The wanted keys of an object as FlatJSON gives them, an id that is a number as its digits.
    static func fields(of object: [String: Any]) -> FlatJSON.Fields {
        var fields = FlatJSON.Fields()
        for key in wantedKeys {
            if let value = object[key] as? String {
                fields.strings[key] = value
            } else if key == "id", let n = object[key] as? NSNumber {
                fields.strings[key] = n.stringValue
            } else if object[key] != nil {
                fields.notStrings.insert(key)
            }
        }
        return fields
    }

    /// The keys a record is read for.
    static let wantedKeys: Set<String> = ["id", "title", "published", "text", "url", "source"]

    /// Parses one record; a line that is not UTF-8 is re-decoded (Latin-1 guess) and tried again.
    static func parse(_ line: ArraySlice<UInt8>) -> [String: Any]? {
        if let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] { return object }
        let (_, invalid) = TextDecoder.utf8Stats(line)
        guard invalid > 0 else { return nil }
        let text = TextDecoder.decode(Array(line)).text
        return try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    }
}
