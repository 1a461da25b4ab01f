import Curses
import Dashboard

/// Maps the terminal backend's keys onto the dashboard's own key vocabulary.
enum KeyMapping {
    static func dashboardKey(_ key: Curses.Key) -> Dashboard.Key? {
        switch key {
        case .character(let c): return .char(c)
        case .ctrl(let c): return .ctrl(c)
        case .up, .shiftUp: return .up
        case .down, .shiftDown: return .down
        case .left, .shiftLeft: return .left
        case .right, .shiftRight: return .right
        case .home: return .home
        case .end: return .end
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .delete: return .delete
        case .insert: return nil
        case .function(let n): return .f(n)
        case .enter: return .enter
        case .escape: return .esc
        case .tab: return .tab
        case .backTab: return .backTab
        case .backspace: return .backspace
        case .resize: return .resize
        case .mouse(let m):
            switch m.kind {
            case .wheelUp: return .wheelUp
            case .wheelDown: return .wheelDown
            case .press: return .click(x: m.x, y: m.y)
            }
        case .unknown: return nil
        }
    }
}
