import DossierCore
import Foundation

/// Printing for people and programs. JSON escapes every scalar a terminal could act on;
/// plain text shows them as placeholders when stdout is a terminal.
enum Output {
    static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1

    static func json<T: Encodable>(_ value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else {
            fail("could not encode JSON output")
        }
        write(escapeUnsafe(text) + "\n")
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

    static func write(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }

    static func warn(_ s: String) { FileHandle.standardError.write(Data(("dossier: " + TerminalSafe.visible(s) + "\n").utf8)) }

    static func fail(_ s: String, status: Int32 = 1) -> Never {
        warn(s)
        exit(status)
    }
}
