/// A captured screen with bold and reverse video per cell, parsed from `capture-pane -e` output.
struct StyledScreen {
    struct Cell { var character: Character; var bold: Bool; var reverse: Bool }
    let rows: [[Cell]]

    init(_ captured: String) {
        var rows: [[Cell]] = []
        var bold = false, reverse = false
        for line in captured.components(separatedBy: "\n") {
            var cells: [Cell] = []
            let scalars = Array(line.unicodeScalars)
            var i = 0
            while i < scalars.count {
                if scalars[i] == "\u{1b}", i + 1 < scalars.count, scalars[i + 1] == "[" {
                    var j = i + 2
                    var params = ""
                    while j < scalars.count, !(scalars[j].value >= 0x40 && scalars[j].value <= 0x7e) { params.unicodeScalars.append(scalars[j]); j += 1 }
                    if j < scalars.count, scalars[j] == "m" { Self.apply(params, bold: &bold, reverse: &reverse) }
                    i = j + 1
                    continue
                }
                cells.append(Cell(character: Character(scalars[i]), bold: bold, reverse: reverse))
                i += 1
            }
            rows.append(cells)
        }
        self.rows = rows
    }

    /// Applies one SGR sequence's parameters, skipping the arguments of extended colours.
    static func apply(_ params: String, bold: inout Bool, reverse: inout Bool) {
        let p = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        var k = 0
        while k < p.count {
            switch p[k] {
            case 0: bold = false; reverse = false
            case 1: bold = true
            case 22: bold = false
            case 7: reverse = true
            case 27: reverse = false
            case 38, 48, 58: k += (k + 1 < p.count && p[k + 1] == 5) ? 2 : 4
            default: break
            }
            k += 1
        }
    }

    func text(_ row: Int) -> String { String(rows[row].map(\.character)) }

    /// Every place `needle` appears, as (row, column of its first character).
    func occurrences(of needle: String) -> [(row: Int, column: Int)] {
        let n = Array(needle)
        var out: [(Int, Int)] = []
        for (r, cells) in rows.enumerated() where cells.count >= n.count {
            for c in 0...(cells.count - n.count) where (0..<n.count).allSatisfy({ cells[c + $0].character == n[$0] }) { out.append((r, c)) }
        }
        return out
    }

    /// True when some occurrence of `needle` is drawn entirely in reverse video.
    func isShownReversed(_ needle: String) -> Bool {
        occurrences(of: needle).contains { o in (0..<needle.count).allSatisfy { rows[o.row][o.column + $0].reverse } }
    }

    /// The pane whose title row is bold (the focused one): 1, 2 or 3.
    var focusedPane: Int? {
        for (r, cells) in rows.enumerated() {
            let t = text(r)
            for n in 1...3 where t.hasPrefix(" \(n) ") && cells.first?.bold == true && cells.first?.reverse == true { return n }
        }
        return nil
    }
}
