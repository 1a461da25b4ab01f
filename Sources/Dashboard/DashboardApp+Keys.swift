import Config

/// Key handling: the key table maps a key to a command in the current context; commands change
/// state and may return an `Action` for the caller.
extension DashboardApp {
    /// Handles one key and returns what the caller must do.
    public mutating func handle(_ key: Key) -> Action {
        if key == .ctrl("c") { return .quit }
        if key == .resize { return .none }
        if prompt != nil { return handlePrompt(key) }
        if helpVisible {
            helpVisible = false
            return .none
        }
        // Esc first acknowledges a new-alert banner; `a` opens the alerts and acknowledges it too.
        if banner != nil {
            if key == .esc {
                banner = nil
                return .none
            }
            if KeyTable.command(for: key, in: context) == .alerts { banner = nil }
        }
        message = nil
        switch key {
        case .click(let x, let y): return click(x: x, y: y)
        case .wheelUp: return run(context == .alerts || context == .explore ? .selectUp : .zoomIn, key: key)
        case .wheelDown: return run(context == .alerts || context == .explore ? .selectDown : .zoomOut, key: key)
        default: break
        }
        guard let command = KeyTable.command(for: key, in: context) else {
            if context == .explore { editExploreSearch(key) }
            return .none
        }
        return run(command, key: key)
    }

    mutating func run(_ command: Command, key: Key) -> Action {
        switch command {
        case .quit: return .quit
        case .help: helpVisible.toggle()
        case .filter: prompt = Prompt(kind: .filter, text: filter ?? "")
        case .commandLine: prompt = Prompt(kind: .command)
        case .alerts:
            if case .alerts = screen { show(returnScreen) } else { returnScreen = screen; screen = .alerts }
        case .explore: enterExplore()
        case .reload: return .reload
        case .cycleTheme: return nextTheme()
        case .zoomIn: window.zoomIn(); refresh()
        case .zoomOut: window.zoomOut(); refresh()
        case .scrollBack: window.scrollBack(); refresh()
        case .scrollForward: window.scrollForward(); refresh()
        case .live:
            window.goLive()
            pausedAt = nil
            refresh()
        case .pause:
            pausedAt = pausedAt == nil ? now : nil
            refresh()
        case .nextTab: selectTab(currentTab + 1)
        case .previousTab: selectTab(currentTab - 1)
        case .selectTab:
            if case .char(let c) = key, let n = c.wholeNumberValue, n >= 1, n <= tabCount { selectTab(n - 1) }
        case .focusLeft: moveFocus(.left)
        case .focusRight: moveFocus(.right)
        case .focusUp: moveFocus(.up)
        case .focusDown: moveFocus(.down)
        case .maximize:
            if let f = focusedPanel {
                maximized = maximized == f ? nil : f
                refresh()
            }
        case .back: back()
        case .sortNext, .sortReverse: changeSort(command)
        case .selectUp, .selectDown, .pageUp, .pageDown: moveSelection(command)
        case .silence:
            let sorted = alerts.sorted(by: AlertRow.displayOrder)
            guard !sorted.isEmpty else {
                message = ("no alert to silence", true)
                break
            }
            let a = sorted[min(alertSelection, sorted.count - 1)]
            prompt = Prompt(kind: .silence(alertID: a.id, name: a.name), text: "1h")
        case .graph:
            if let e = explore.selectedEntry {
                explore.graphed = e
                explore.mode = .graph
                refresh()
            }
        case .toggleTable:
            explore.mode = explore.mode == .table ? .graph : .table
            refresh()
        case .toggleRaw:
            explore.mode = explore.mode == .raw ? .graph : .raw
            refresh()
        case .promptAccept, .promptCancel, .promptErase: break
        }
        return .none
    }

    /// Tabs are the dashboards, then Explore.
    var tabCount: Int { dashboards.count + 1 }

    var currentTab: Int {
        switch screen {
        case .dashboard(let i): return i
        case .explore: return dashboards.count
        case .alerts:
            if case .dashboard(let i) = returnScreen { return i }
            return dashboards.count
        }
    }

    mutating func selectTab(_ index: Int) {
        let n = tabCount
        let i = ((index % n) + n) % n
        if i == dashboards.count {
            enterExplore()
        } else {
            show(.dashboard(i))
        }
    }

    mutating func show(_ s: Screen) {
        if case .dashboard(let i) = s, dashboardIndex != i { maximized = nil }
        screen = s
        if case .explore = s, explore.loadedAt == nil { loadExploreEntries() }
        refresh()
    }

    mutating func enterExplore() {
        if case .explore = screen { return }
        if case .alerts = screen {} else { returnScreen = screen }
        screen = .explore
        loadExploreEntries()
        refresh()
    }

    mutating func back() {
        switch screen {
        case .dashboard:
            if maximized != nil {
                maximized = nil
                refresh()
            }
        case .alerts:
            show(returnScreen == .alerts ? .dashboard(0) : returnScreen)
        case .explore:
            if explore.graphed != nil {
                explore.graphed = nil
                exploreModel = nil
            } else if !explore.query.isEmpty {
                explore.query = ""
                explore.selected = 0
            } else {
                var target = returnScreen
                if case .explore = target { target = .dashboard(0) }
                if case .alerts = target { target = .dashboard(0) }
                show(target)
            }
        }
    }

    mutating func nextTheme() -> Action {
        guard !themeNames.isEmpty else {
            message = ("no other themes", true)
            return .none
        }
        let i = themeNames.firstIndex(of: theme.name).map { ($0 + 1) % themeNames.count } ?? 0
        return .setTheme(themeNames[i])
    }

    mutating func changeSort(_ command: Command) {
        guard let d = dashboardIndex, let id = focusedPanel, dashboards[d].panel(id)?.type == .table else {
            message = ("sorting applies to a focused table panel", true)
            return
        }
        var s = tableSort(dashboard: d, panel: id)
        if command == .sortNext {
            let all = TableModel.Column.allCases
            s.column = all[(all.firstIndex(of: s.column).map { $0 + 1 } ?? 0) % all.count]
            s.ascending = s.column == .name
        } else {
            s.ascending.toggle()
        }
        tableSorts[sortKey(d, id)] = s
    }

    mutating func moveSelection(_ command: Command) {
        let page = max(1, size.height - 6)
        let delta: Int
        switch command {
        case .selectUp: delta = -1
        case .selectDown: delta = 1
        case .pageUp: delta = -page
        default: delta = page
        }
        switch screen {
        case .alerts:
            alertSelection = min(max(0, alertSelection + delta), max(0, alerts.count - 1))
        case .explore:
            explore.selected = min(max(0, explore.selected + delta), max(0, explore.matches.count - 1))
        case .dashboard:
            break
        }
    }

    mutating func editExploreSearch(_ key: Key) {
        switch key {
        case .char(let c):
            guard explore.query.count < Prompt.maxLength else { return }
            explore.query.append(c)
        case .backspace, .delete:
            if !explore.query.isEmpty { explore.query.removeLast() }
        case .ctrl("u"):
            explore.query = ""
        case .home:
            explore.selected = 0
            return
        case .end:
            explore.selected = max(0, explore.matches.count - 1)
            return
        default:
            return
        }
        explore.selected = 0
    }

    mutating func loadExploreEntries() {
        guard let c = catalog else { return }
        explore.entries = ExploreEntry.entries(series: c.allSeries(matching: []), metadata: c.allMetadata())
        explore.loadedAt = now
        explore.selected = min(explore.selected, max(0, explore.matches.count - 1))
    }

    /// A click on a tab selects it; a click on a panel focuses it.
    mutating func click(x: Int, y: Int) -> Action {
        if y == 0 {
            if let tab = tabHit(x: x) { selectTab(tab) }
            return .none
        }
        guard let d = dashboardIndex, maximized == nil else { return .none }
        let layout = GridLayout.compute(dashboards[d], in: bodyArea)
        if let hit = layout.placements.first(where: { $0.rect.contains(x: x, y: y) }) { focus[d] = hit.id }
        return .none
    }
}
