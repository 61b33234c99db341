import Foundation

/// A regular expression compiled once. `String.range(of:options: .regularExpression)` compiles
/// its pattern on every call, which the furniture rules would pay on every short paragraph of
/// every article. Matching a compiled expression is safe from many threads.
struct Pattern: @unchecked Sendable {
    private let regex: NSRegularExpression

    init(_ pattern: String) {
        // The patterns are literals in this module: one that does not compile is a bug.
        regex = try! NSRegularExpression(pattern: pattern)
    }

    /// Whether the expression matches anywhere in `text`.
    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
