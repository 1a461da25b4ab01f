/// One input event from the keyboard, the mouse or the terminal itself, as the dashboard's run loop
/// sees it: ncurses codes and raw control bytes are decoded once, in `KeyDecoder`.
public enum Key: Hashable, Sendable {
    /// A printable character (never a control character).
    case character(Character)
    /// Ctrl with a letter (`"a"`...`"z"`, lower case) or one of `@ \ ] ^ _`. Ctrl-I, Ctrl-M/Ctrl-J
    /// and Ctrl-H arrive as `.tab`, `.enter` and `.backspace` (terminals send the same bytes).
    case ctrl(Character)
    case up, down, left, right
    case shiftUp, shiftDown, shiftLeft, shiftRight
    case home, end, pageUp, pageDown, insert, delete
    /// F1...F63.
    case function(Int)
    case enter, escape, tab, backTab, backspace
    /// The terminal changed size; the screen has already taken the new size (`CursesScreen.size`).
    case resize
    case mouse(MouseEvent)
    /// A key code ncurses reported that has no name here (kept so a key map can still bind it).
    case unknown(Int32)
}

/// A mouse button, for `MouseEvent.Kind.press`.
public enum MouseButton: Int, Hashable, Sendable {
    case left = 1, middle = 2, right = 3
}

/// A mouse press or wheel step at a screen cell (0-based column and row).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press(MouseButton)
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
