import CNcursesw
import DossierUI

/// Maps colour roles to ncurses attributes. Backgrounds stay the terminal's default;
/// under NO_COLOR only attributes (bold, reverse, underline, dim) are used.
struct ColorScheme {
    let enabled: Bool
    private var pairs: [ColorRole: Int16] = [:]

    /// Speaker colours: distinct on 256-colour terminals, cycled with bold on 8-colour ones.
    static let speaker256: [Int16] = [33, 166, 34, 161, 136, 37, 125, 70, 99, 202, 30, 169]
    static let speaker8: [Int16] = [4, 3, 2, 5, 6, 1]

    init(useColor: Bool) {
        enabled = useColor && has_colors()
        guard enabled else { return }
        start_color()
        use_default_colors()
        let many = dossier_colors() >= 256
        var next: Int16 = 1
        func add(_ role: ColorRole, _ fg: Int16, _ bg: Int16 = -1) {
            init_pair(next, fg, bg); pairs[role] = next; next += 1
        }
        add(.dim, many ? 244 : 7)
        add(.title, 6)
        add(.accent, 6)
        add(.border, many ? 240 : 4)
        add(.status, -1)
        add(.statusAccent, 3)
        add(.selection, -1)
        add(.quote, 2)
        add(.match, 0, 3)
        add(.currentMatch, 0, 5)
        add(.warning, 1)
        for i in 0..<SpeakerColors.slots {
            add(.speaker(i), many ? ColorScheme.speaker256[i] : ColorScheme.speaker8[i % ColorScheme.speaker8.count])
        }
    }

    func attributes(style: TextStyle, role: ColorRole) -> (attr_t, Int16) {
        var a = dossier_attr_normal()
        if style.contains(.bold) { a |= dossier_attr_bold() }
        if style.contains(.reverse) { a |= dossier_attr_reverse() }
        if style.contains(.underline) { a |= dossier_attr_underline() }
        if style.contains(.dim) { a |= dossier_attr_dim() }
        if !enabled {
            switch role {
            case .match: a |= dossier_attr_reverse()
            case .currentMatch: a |= dossier_attr_reverse() | dossier_attr_bold()
            case .title: a |= dossier_attr_bold()
            default: break
            }
            return (a, 0)
        }
        if case .speaker(let i) = role, dossier_colors() < 256, i >= ColorScheme.speaker8.count { a |= dossier_attr_bold() }
        return (a, pairs[role] ?? 0)
    }
}
