import Config

/// The prompt line: typing, and what Enter does for each kind.
extension DashboardApp {
    mutating func handlePrompt(_ key: Key) -> Action {
        guard var p = prompt else { return .none }
        switch key {
        case .esc:
            prompt = nil
            return .none
        case .enter:
            return accept(p)
        case .backspace, .delete:
            if !p.text.isEmpty { p.text.removeLast() }
            p.error = nil
        case .ctrl("u"):
            p.text = ""
            p.error = nil
        case .char(let c):
            guard p.text.count < Prompt.maxLength else { return .none }
            p.text.append(c)
            p.error = nil
        default:
            return .none
        }
        prompt = p
        return .none
    }

    mutating func accept(_ p: Prompt) -> Action {
        switch p.kind {
        case .filter:
            let text = p.text
            if text.isEmpty {
                filter = nil
            } else {
                if let error = SeriesFilter.check(text) {
                    prompt?.error = error
                    return .none
                }
                filter = text
            }
            prompt = nil
            refresh()
            return .none
        case .silence(let id, let name):
            switch PromDuration.parse(p.text.trimmingSpaces) {
            case .success(let d) where d.milliseconds > 0:
                prompt = nil
                message = ("silenced \(TerminalSafe.line(name)) for \(d)", false)
                return .silence(alertID: id, durationMs: d.milliseconds)
            case .success:
                prompt?.error = "a silence needs a duration above zero, e.g. 2h"
            case .failure(let e):
                prompt?.error = "bad duration: " + e.reason
            }
            return .none
        case .command:
            switch AppCommand.parse(p.text) {
            case .failure(let e):
                prompt?.error = e.message
                return .none
            case .success(let command):
                prompt = nil
                return execute(command)
            }
        }
    }

    mutating func execute(_ command: AppCommand) -> Action {
        switch command {
        case .quit: return .quit
        case .theme(let name): return .setTheme(name)
        case .range(let ms):
            window = TimeWindow(durationMs: ms, offsetMs: window.offsetMs)
            refresh()
        case .reload: return .reload
        case .help: helpVisible = true
        case .explore: enterExplore()
        case .alerts:
            if case .alerts = screen {} else { returnScreen = screen; screen = .alerts }
        case .query(let expr):
            addAdhocPanel(expr)
            return .runQuery(expr)
        }
        return .none
    }

    /// Most rows the ad-hoc dashboard keeps (the oldest go first).
    static let adhocLimit = 6

    /// Adds `expr` as a time-series panel on the ad-hoc dashboard and shows it, focused.
    mutating func addAdhocPanel(_ expr: String) {
        let panel = PanelSpec(title: expr, type: .timeseries, queries: [.init(expr)])
        let index: Int
        if let i = adhocIndex {
            index = i
        } else {
            dashboards.append(DashboardSpec(title: "Ad hoc", rows: []))
            index = dashboards.count - 1
            adhocIndex = index
        }
        dashboards[index].rows.append(DashboardSpec.Row(minHeight: 6, panels: [panel]))
        if dashboards[index].rows.count > Self.adhocLimit { dashboards[index].rows.removeFirst() }
        screen = .dashboard(index)
        maximized = nil
        let last = dashboards[index].rows.count - 1
        focus[index] = PanelID(row: last, column: 0)
        // Keep the new panel visible: maximize it when the rows do not all fit.
        if GridLayout.compute(dashboards[index], in: bodyArea).rect(of: PanelID(row: last, column: 0)) == nil {
            maximized = PanelID(row: last, column: 0)
        }
        refresh()
    }
}
