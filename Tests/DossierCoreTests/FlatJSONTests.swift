import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

/// `FlatJSON` reads records without `JSONSerialization`; whenever it answers, it must answer
/// what `JSONSerialization` reads. Lines are generated from valid and broken pieces: escapes,
/// surrogates, control bytes, invalid UTF-8, numbers Foundation cannot hold, nesting, trailing
/// commas, repeated keys and trailing text.
@Suite struct FlatJSONTests {
    static let keys = ["\"id\"", "\"text\"", "\"title\"", "\"published\"", "\"url\"", "\"source\"", "\"t\\u0065xt\"", "\"topics\"", "\"n\"", "\"\"", "text", "\"ti\ntle\""]
    static let strings = ["\"\"", "\"plain words\"", "\"two\\nlines\"", "\"a \\\"quote\\\"\"", "\"back\\\\slash \\/\"", "\"\\u00e9t\\u00C9\"", "\"é ü ★ 😀\"",
                          "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\ude00x\"", "\"\\ud83d\\u0041\"", "\"tab\there\"", "\"\\b\\f\\r\\t\"", "\"\\x\"", "\"\\u12\"",
                          "\"\\u0000\"", "\"unterminated", "\"del \u{7F}\"", "\"bell \u{07}\"", "\"\\uD834\\uDD1E\""]
    static let others = ["0", "-0", "12", "-3.25", "01", "1.", "1e5", "1E+2", "-", "123456789012345", "1234567890123456", "12345678901234567890123",
                         "true", "false", "null", "tru", "nul", "[]", "[1, 2]", "[1,2,]", "{}", "{\"a\": {\"b\": [true, null]}}", "{\"a\":1,}", "[\"x\", {\"y\": \"z\"}]",
                         "[[[[[[[[[[]]]]]]]]]]", "{\"a\" 1}", "NaN", "+1", ".5"]
    static let spaces = ["", " ", "  ", "\t", "\r", "\u{0B}"]

    static func line(_ rng: inout SplitMix) -> [UInt8] {
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        var s = pick(spaces) + "{"
        let members = Int(rng.next() % 5)
        for m in 0..<members {
            if m > 0 { s += pick(spaces) + "," }
            let value = rng.next() % 3 == 0 ? pick(others) : pick(strings)
            s += pick(spaces) + pick(keys) + pick(spaces) + ":" + pick(spaces) + value
        }
        if rng.next() % 12 == 0 { s += "," }
        s += pick(spaces) + "}" + pick(spaces)
        if rng.next() % 15 == 0 { s += pick(["x", "}", "{}", "\u{0}"]) }
        var bytes = Array(s.utf8)
        if rng.next() % 20 == 0, !bytes.isEmpty {
            bytes.insert(pick([0xFF, 0xC3, 0x80, 0xED]), at: Int(rng.next() % UInt64(bytes.count)))
        }
        return bytes
    }

    @Test func answersOnlyWhatJSONSerializationReads() throws {
        var rng = SplitMix(seed: 41)
        var answered = 0, readable = 0
        for _ in 0..<20_000 {
            let bytes = Self.line(&rng)
            let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
            if object != nil { readable += 1 }
            guard let fields = FlatJSON.fields(bytes[...], wanted: JSONLReader.wantedKeys) else { continue }
            answered += 1
            let line = String(decoding: bytes, as: UTF8.self).debugDescription
            guard let object else {
                Issue.record("FlatJSON read a line JSONSerialization refuses: \(line)")
                continue
            }
            for key in JSONLReader.wantedKeys {
                switch object[key] {
                case let text as String:
                    #expect(fields.strings[key] == text, "\(key) of \(line)")
                case .some:
                    #expect(fields.notStrings.contains(key) && fields.strings[key] == nil, "\(key) of \(line)")
                case .none:
                    #expect(!fields.notStrings.contains(key) && fields.strings[key] == nil, "\(key) of \(line)")
                }
            }
        }
        // Most readable lines are answered without Foundation.
        #expect(answered * 10 > readable * 7, "answered \(answered) of \(readable) readable lines")
    }

    @Test func aRecordReadsTheSameEitherWay() {
        let line = #"{"id": "r-1", "title": "OIL \u0026 GAS", "published": "1987-02-26", "topics": ["crude", {"n": 2}], "text": "Line one\nSaid \"this\" \u2014 \ud83d\ude00", "url": "http://x/y"}"#
        guard case .document(let doc) = JSONLReader.record(Array(line.utf8)[...], number: 1, fileName: "f.jsonl", path: "/f.jsonl") else {
            Issue.record("not read"); return
        }
        #expect(doc.id == "r-1")
        #expect(doc.title == "OIL & GAS")
        #expect(doc.text == "Line one\nSaid \"this\" — 😀")
        #expect(doc.published == "1987-02-26")
        #expect(doc.metadata["url"] == "http://x/y")
        // A number id and a missing text are read through JSONSerialization, as before.
        guard case .document(let numbered) = JSONLReader.record(Array(#"{"id": 17, "text": "x"}"#.utf8)[...], number: 4, fileName: "f.jsonl", path: "/f.jsonl") else {
            Issue.record("number id not read"); return
        }
        #expect(numbered.id == "17")
        guard case .problem(let message) = JSONLReader.record(Array(#"{"id": "a", "text": 3}"#.utf8)[...], number: 9, fileName: "f.jsonl", path: "/f.jsonl") else {
            Issue.record("a number text was taken"); return
        }
        #expect(message.contains("line 9"))
    }
}
