import DossierCore
import Foundation

/// Printing for people and programs. JSON escapes every scalar a terminal could act on;
/// plain text shows them as placeholders when stdout is a terminal.
enum Output {
    static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1

    static func json<T: Encodable>(_ value: T) {
        write(encoded(value) + "\n")
    }

    /// Prints a JSON array a few hundred elements at a time, so that a large corpus is never
    /// held as one document; `depth` is how deep the array stands inside other JSON (two
    /// spaces a level). The text is the same as encoding the whole array at once.
    static func jsonArray<S: Sequence>(_ items: S, depth: Int = 0, newline: Bool = true) where S.Element: Encodable {
        let encoder = jsonEncoder()
        let pad = String(repeating: "  ", count: depth)
        var chunk: [S.Element] = []
        var first = true
        func flush() {
            guard !chunk.isEmpty else { return }
            // "[\n  {…},\n  {…}\n]": keep the elements; strings in JSON hold no raw line breaks.
            var body = String(encoded(chunk, encoder).dropFirst(2).dropLast(2))
            if depth > 0 { body = indent(body, by: pad) }
            write((first ? "\n" : ",\n") + body)
            first = false
            chunk.removeAll(keepingCapacity: true)
        }
        write("[")
        for item in items {
            chunk.append(item)
            if chunk.count == 512 { flush() }
        }
        flush()
        write((first ? "]" : "\n" + pad + "]") + (newline ? "\n" : ""))
    }

    /// `text` with `pad` before each line.
    static func indent(_ text: String, by pad: String) -> String {
        var out: [UInt8] = Array(pad.utf8)
        out.reserveCapacity(text.utf8.count * 11 / 10)
        for b in text.utf8 {
            out.append(b)
            if b == UInt8(ascii: "\n") { out += pad.utf8 }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static func encoded<T: Encodable>(_ value: T, _ encoder: JSONEncoder = jsonEncoder()) -> String {
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else {
            fail("could not encode JSON output")
        }
        return escapeUnsafe(text)
    }

    /// Escapes C1 controls and bidi overrides that JSONEncoder leaves raw (it already escapes C0).
    static func escapeUnsafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: TerminalSafe.isUnsafe) else { return json }
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for c in json.unicodeScalars {
            if TerminalSafe.isUnsafe(c) { out += String(format: "\\u%04x", c.value) } else { out.unicodeScalars.append(c) }
        }
        return out
    }

    static func line(_ s: String = "") { write((stdoutIsTerminal ? TerminalSafe.visible(s, keepLayout: true) : s) + "\n") }

    /// Buffered by the C library (flushed at exit): a corpus printed line by line would
    /// otherwise cost a system call a line.
    static func write(_ s: String) { print(s, terminator: "") }

    static func warn(_ s: String) { FileHandle.standardError.write(Data(("dossier: " + TerminalSafe.visible(s) + "\n").utf8)) }

    static func fail(_ s: String, status: Int32 = 1) -> Never {
        warn(s)
        exit(status)
    }
}
