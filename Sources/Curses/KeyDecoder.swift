import CNcursesw

/// Turns what `wget_wch` and `getmouse` report into `Key`s. Pure (no terminal needed), so the whole
/// mapping is tested from raw codes.
public enum KeyDecoder {
    /// The result of one `wget_wch` call: `status` is `OK` (a character in `value`) or `KEY_CODE_YES`
    /// (a key code in `value`). Anything else (ERR: timeout) is nil. `KEY_MOUSE` comes back as
    /// `.unknown(KEY_MOUSE)`: the caller must fetch the event (`getmouse`) and use `decodeMouse`.
    public static func decode(status: Int32, value: UInt32) -> Key? {
        if status == KEY_CODE_YES {
            guard value <= UInt32(Int32.max) else { return nil }
            return decodeKeyCode(Int32(value))
        }
        guard status == 0 else { return nil }
        return decodeCharacter(value)
    }

    /// A character `wget_wch` read: control bytes become named keys, the rest `.character`.
    public static func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 0: return .ctrl("@")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        case 0x80..<0xA0: return nil  // C1 controls: never printable
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A key code ncurses decoded from an escape sequence (with `keypad` on).
    public static func decodeKeyCode(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_SR: return .shiftUp
        case KEY_SF: return .shiftDown
        case KEY_SLEFT: return .shiftLeft
        case KEY_SRIGHT: return .shiftRight
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1, KEY_LL: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return .unknown(code)
        }
    }

    /// The bits of `MEVENT.bstate` this module asks for and understands.
    public struct MouseMasks: Sendable {
        public var press: [(MouseButton, UInt32)]
        public var wheelUp: UInt32
        public var wheelDown: UInt32

        /// The masks of the linked ncurses (mouse protocol version 2).
        public static let ncurses = MouseMasks(
            press: [
                (.left, UInt32(vigil_button1_pressed() | vigil_button1_clicked())),
                (.middle, UInt32(vigil_button2_pressed() | vigil_button2_clicked())),
                (.right, UInt32(vigil_button3_pressed() | vigil_button3_clicked())),
            ],
            wheelUp: UInt32(vigil_button4_pressed()),
            wheelDown: UInt32(vigil_button5_pressed()))

        /// Everything `mousemask` should be given.
        public var all: UInt32 { press.reduce(wheelUp | wheelDown) { $0 | $1.1 } }
    }

    /// A mouse event from `getmouse`: wheel steps and button presses (a click counts as a press);
    /// releases and motion are nil. Negative positions (outside the screen) are nil.
    public static func decodeMouse(state: UInt32, x: Int, y: Int, masks: MouseMasks = .ncurses) -> Key? {
        guard x >= 0, y >= 0 else { return nil }
        if state & masks.wheelUp != 0 { return .mouse(MouseEvent(kind: .wheelUp, x: x, y: y)) }
        if state & masks.wheelDown != 0 { return .mouse(MouseEvent(kind: .wheelDown, x: x, y: y)) }
        for (button, mask) in masks.press where state & mask != 0 {
            return .mouse(MouseEvent(kind: .press(button), x: x, y: y))
        }
        return nil
    }
}
