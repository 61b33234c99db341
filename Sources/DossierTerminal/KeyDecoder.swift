import CNcursesw
import DossierUI

/// Turns what `get_wch` returns into a `Key`.
enum KeyDecoder {
    static func decode(status: Int32, code: UInt32) -> Key? {
        if status == KEY_CODE_YES { return special(Int32(code)) }
        guard status == OK else { return nil }
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(code + 96)!))
        case 0, 28...31: return .unknown
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown }
            return .char(Character(scalar))
        }
    }

    static func special(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
        default: return .unknown
        }
    }
}
