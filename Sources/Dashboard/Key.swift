/// A key press or terminal event as the dashboard understands it. The run loop maps its backend's
/// keys (the `Curses` module's) onto these, so the dashboard never sees a terminal.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    case up, down, left, right
    case enter, esc, tab, backTab, backspace, delete
    /// Ctrl plus a letter (lowercase), e.g. `.ctrl("c")`.
    case ctrl(Character)
    case pageUp, pageDown, home, end
    /// A function key, F1 = `.f(1)`.
    case f(Int)
    /// A click at a cell (column, row).
    case click(x: Int, y: Int)
    case wheelUp, wheelDown
    /// The terminal changed size; the next render uses the new size.
    case resize

    /// How the key is written in the help overlay and the hint bar.
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .enter: return "Enter"
        case .esc: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "BS"
        case .delete: return "Del"
        case .ctrl(let c): return "^" + String(c).uppercased()
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .f(let n): return "F\(n)"
        case .click: return "click"
        case .wheelUp: return "wheel↑"
        case .wheelDown: return "wheel↓"
        case .resize: return "resize"
        }
    }
}
