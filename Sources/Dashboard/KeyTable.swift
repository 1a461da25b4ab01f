/// The one key table of the dashboard (see `KeyBinding`).
public enum KeyTable {
    public static let bindings: [KeyBinding] = [
        // Everywhere.
        KeyBinding([.char("q"), .ctrl("c")], label: "q ^C", "Quit", context: .global, command: .quit, hint: "quit"),
        KeyBinding([.char("?"), .f(1)], "Show or hide this help", context: .global, command: .help, hint: "help"),
        KeyBinding([.char(":")], "Command line: :theme NAME, :range 30m, :q, or a PromQL expression",
                   context: .global, command: .commandLine, hint: "cmd"),
        KeyBinding([.char("/")], "Filter series by a regular expression (empty clears)", context: .global,
                   command: .filter, hint: "filter"),
        KeyBinding([.tab], "Next dashboard", context: .global, command: .nextTab),
        KeyBinding([.backTab], "Previous dashboard", context: .global, command: .previousTab),
        KeyBinding((1...9).map { Key.char(Character(String($0))) }, label: "1-9", "Go to dashboard N",
                   context: .global, command: .selectTab),
        KeyBinding([.char("+"), .char("=")], label: "+", "Zoom in: halve the time window", context: .global,
                   command: .zoomIn),
        KeyBinding([.char("-")], "Zoom out: double the time window", context: .global, command: .zoomOut,
                   hint: "window"),
        KeyBinding([.char("[")], "Scroll back in history by half a window", context: .global, command: .scrollBack),
        KeyBinding([.char("]")], "Scroll forward by half a window", context: .global, command: .scrollForward),
        KeyBinding([.char("0")], "Back to live", context: .global, command: .live),
        KeyBinding([.char("p"), .char(" ")], label: "p", "Pause or resume updates", context: .global,
                   command: .pause, hint: "pause"),
        KeyBinding([.char("a")], "Alerts view", context: .global, command: .alerts, hint: "alerts"),
        KeyBinding([.char("e")], "Explore every metric", context: .global, command: .explore, hint: "explore"),
        KeyBinding([.char("r"), .ctrl("r")], label: "r", "Reload config and rules", context: .dashboard,
                   command: .reload),
        KeyBinding([.char("t")], "Next theme", context: .dashboard, command: .cycleTheme),
        // Dashboards.
        KeyBinding([.left, .char("h")], label: "← h", "Focus the panel to the left", context: .dashboard,
                   command: .focusLeft),
        KeyBinding([.right, .char("l")], label: "→ l", "Focus the panel to the right", context: .dashboard,
                   command: .focusRight),
        KeyBinding([.up, .char("k")], label: "↑ k", "Focus the panel above", context: .dashboard, command: .focusUp),
        KeyBinding([.down, .char("j")], label: "↓ j", "Focus the panel below", context: .dashboard,
                   command: .focusDown),
        KeyBinding([.enter], "Maximize the focused panel", context: .dashboard, command: .maximize, hint: "zoom"),
        KeyBinding([.esc], "Restore the layout", context: .dashboard, command: .back),
        KeyBinding([.char("o")], "Table panel: sort by the next column", context: .dashboard, command: .sortNext),
        KeyBinding([.char("O")], "Table panel: reverse the sort order", context: .dashboard, command: .sortReverse),
        // Explore.
        KeyBinding([], label: "type", "Search metric names and help", context: .explore, command: .filter),
        KeyBinding([.up, .down], label: "↑ ↓", "Select a metric", context: .explore, command: .selectDown),
        KeyBinding([.pageUp, .pageDown], label: "PgUp PgDn", "Move a page", context: .explore, command: .pageDown),
        KeyBinding([.enter], "Graph the metric as its type calls for", context: .explore, command: .graph,
                   hint: "graph"),
        KeyBinding([.esc], "Clear the search, then leave Explore", context: .explore, command: .back, hint: "back"),
        KeyBinding([.char("t")], "Toggle the table view", context: .exploreGraph, command: .toggleTable,
                   hint: "table"),
        KeyBinding([.char("r")], "Toggle raw samples", context: .exploreGraph, command: .toggleRaw, hint: "raw"),
        KeyBinding([.esc], "Back to the metric list", context: .exploreGraph, command: .back, hint: "back"),
        // Alerts.
        KeyBinding([.up, .char("k")], label: "↑ k", "Select the alert above", context: .alerts, command: .selectUp),
        KeyBinding([.down, .char("j")], label: "↓ j", "Select the alert below", context: .alerts,
                   command: .selectDown),
        KeyBinding([.char("s")], "Silence the selected alert (asks for how long)", context: .alerts,
                   command: .silence, hint: "silence"),
        KeyBinding([.esc], "Back to the dashboards", context: .alerts, command: .back, hint: "back"),
        // Prompts.
        KeyBinding([.enter], "Accept", context: .prompt, command: .promptAccept, hint: "accept"),
        KeyBinding([.esc], "Cancel", context: .prompt, command: .promptCancel, hint: "cancel"),
        KeyBinding([.backspace], "Erase the last character", context: .prompt, command: .promptErase),
    ]

    /// Up/down pairs listed once in the table but handled per key.
    static let splitPairs: [Key: Command] = [.up: .selectUp, .down: .selectDown, .pageUp: .pageUp, .pageDown: .pageDown]

    /// The command `key` runs in `context`, falling back to the global bindings (except while a
    /// prompt or Explore's search takes typed characters).
    public static func command(for key: Key, in context: KeyContext) -> Command? {
        for b in bindings where b.context == context && b.keys.contains(key) {
            if context == .explore, let split = splitPairs[key] { return split }
            return b.command
        }
        if context == .prompt { return nil }
        if context == .explore, case .char = key { return nil }
        for b in bindings where b.context == .global && b.keys.contains(key) { return b.command }
        return nil
    }

    /// The bindings of one context, in table order.
    public static func bindings(in context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.context == context }
    }

    /// Hints for the hint bar in `context`: its own hinted bindings, then the global ones.
    public static func hints(in context: KeyContext) -> [(key: String, label: String)] {
        var out: [(String, String)] = []
        let own = bindings(in: context).filter { $0.hint != nil }
        for b in own { out.append((b.label, b.hint ?? "")) }
        guard context != .prompt else { return out }
        for b in bindings(in: .global) where b.hint != nil {
            guard context == .explore else {
                out.append((b.label, b.hint ?? ""))
                continue
            }
            // Explore's search takes typed characters: only the other keys still work there.
            let keys = b.keys.filter { if case .char = $0 { return false } else { return true } }
            if !keys.isEmpty { out.append((keys.map(\.description).joined(separator: " "), b.hint ?? "")) }
        }
        return out
    }
}
