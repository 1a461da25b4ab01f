import Config
import Polling
import PromQL
import Terminal
import TimeSeries

/// The whole interactive dashboard as a state machine: feed it keys (`handle`) and clock ticks
/// (`tick`), draw it (`render`/`snapshot`) into a `Terminal.Buffer`. It performs no I/O: what it
/// needs from outside arrives through its properties (alerts, targets, themes) and what it wants
/// done comes back as an `Action`. Queries run on the evaluator and caches the caller provides.
public struct DashboardApp: Sendable {
    public enum Screen: Hashable, Sendable {
        case dashboard(Int)
        case explore
        case alerts
    }

    // What the caller provides.
    public let evaluator: QueryEvaluator
    public let rangeCache: RangeQueryCache?
    /// Panel queries parsed once, not on every refresh.
    public let parsedQueries = ParsedQueryCache()
    public let catalog: (any MetricCatalog)?
    public internal(set) var dashboards: [DashboardSpec]
    /// Alert rows for the alert list and view (the caller refreshes them each tick).
    public var alerts: [AlertRow] = []
    /// What the status bar calls following the present: `LIVE`, or `REPLAY` when the clock is a
    /// recording's.
    public var liveLabel = "LIVE"
    /// Recent firings, newest first, and silences, for the alert view.
    public var alertHistory: [AlertHistoryRow] = []
    public var silences: [SilenceRow] = []
    /// Poll health for target panels and the status bar.
    public var targets: [TargetStatus] = []
    /// Alert-rule thresholds drawn on panels showing the same expression.
    public var alertThresholds: [AlertThreshold] = []
    /// Themes `t` cycles through (names the caller can load).
    public var themeNames: [String] = []
    public internal(set) var theme: Terminal.Theme
    public var colorLevel: ColorLevel
    public var symbols: SymbolSet
    /// The local zone's offset from UTC for clock and axis labels.
    public var zoneOffsetSeconds: Int

    // State.
    public internal(set) var screen: Screen = .dashboard(0)
    /// The screen to return to from Alerts or Explore.
    var returnScreen: Screen = .dashboard(0)
    /// The focused panel of each dashboard.
    public internal(set) var focus: [Int: PanelID] = [:]
    public internal(set) var maximized: PanelID?
    public internal(set) var window = TimeWindow()
    /// The latest clock reading (Unix ms).
    public internal(set) var now: Int64
    /// The view time while paused.
    public internal(set) var pausedAt: Int64?
    public internal(set) var filter: String?
    public internal(set) var prompt: Prompt?
    /// A one-line note in the status bar until the next key (errors in the critical colour).
    public internal(set) var message: (text: String, isError: Bool)?
    public internal(set) var helpVisible = false
    public internal(set) var alertSelection = 0
    public internal(set) var explore = ExploreState()
    /// Columns and rows of the screen (for focus moves and which panels are visible).
    public internal(set) var size = (width: 80, height: 24)
    var tableSorts: [String: TableSort] = [:]
    /// Models of the shown dashboard's panels, from the last refresh.
    public internal(set) var models: [PanelID: PanelModel] = [:]
    var modelsDashboard: Int?
    public internal(set) var exploreModel: PanelModel?
    var rawRows: [[String]] = []
    var adhocIndex: Int?
    /// True when the first dashboard is the generated overview (rebuilt as metrics appear).
    public internal(set) var generatedOverview = false
    var overviewCheckedAt: Int64 = .min
    /// Query evaluations of the last refresh (for tests and stats).
    public internal(set) var lastEvaluations = 0
    /// The last dashboard refresh, and the view time it was for (nil after other screens).
    var lastRefresh: (stamp: RefreshStamp, viewTime: Int64)?
    /// True when the last tick kept the models of the refresh before it (no sample stored since,
    /// same view, less than a step later): the panels would draw the same.
    public internal(set) var lastTickKeptModels = false
    /// The banner over the body while an alert that just started firing is unacknowledged.
    public internal(set) var banner: AlertBanner?
    /// Alerts that were firing at the previous update (to spot new ones).
    var firingSeen: Set<String> = []
    var alertsUpdated = false

    /// An app over `dashboards`; with none, an overview generated from `catalog` (and Explore).
    public init(dashboards: [DashboardSpec], evaluator: QueryEvaluator, rangeCache: RangeQueryCache? = RangeQueryCache(),
                catalog: (any MetricCatalog)?, theme: Terminal.Theme = .builtinDefault, colorLevel: ColorLevel = .ansi256,
                symbols: SymbolSet = .braille, zoneOffsetSeconds: Int = 0, now: Int64) {
        self.evaluator = evaluator
        self.rangeCache = rangeCache
        self.catalog = catalog
        self.dashboards = dashboards
        self.theme = theme
        self.colorLevel = colorLevel
        self.symbols = symbols
        self.zoneOffsetSeconds = zoneOffsetSeconds
        self.now = now
        if dashboards.isEmpty {
            generatedOverview = true
            self.dashboards = [catalog.map(DashboardBuilder.overview(catalog:))
                ?? DashboardBuilder.overview(metricNames: [], metadata: [:])]
            overviewCheckedAt = now
        }
    }

    /// An app over the config's dashboards (the overview when it has none).
    public init(config dashboards: [DashboardConfig], evaluator: QueryEvaluator, catalog: (any MetricCatalog)?, now: Int64) {
        self.init(dashboards: dashboards.map(DashboardSpec.init), evaluator: evaluator, catalog: catalog, now: now)
    }

    /// The time the view ends at (before the history offset): now, or when paused.
    public var viewTime: Int64 { pausedAt ?? now }
    public var isPaused: Bool { pausedAt != nil }
    public var timeRange: ClosedRange<Int64> { window.range(now: viewTime) }

    /// The key context of the current screen.
    public var context: KeyContext {
        if prompt != nil { return .prompt }
        switch screen {
        case .dashboard: return .dashboard
        case .explore: return explore.graphed == nil ? .explore : .exploreGraph
        case .alerts: return .alerts
        }
    }

    /// Index of the shown dashboard, if a dashboard is shown.
    public var dashboardIndex: Int? {
        if case .dashboard(let i) = screen, i < dashboards.count { return i }
        return nil
    }

    /// The focused panel of the shown dashboard.
    public var focusedPanel: PanelID? {
        guard let d = dashboardIndex else { return nil }
        return focus[d] ?? firstVisiblePanel(d)
    }

    // MARK: Inputs from the run loop

    /// A clock tick: moves the view (unless paused) and re-evaluates what is shown.
    public mutating func tick(now: Int64) {
        self.now = now
        if generatedOverview, let c = catalog, now - overviewCheckedAt >= 10_000 {
            overviewCheckedAt = now
            let fresh = DashboardBuilder.overview(catalog: c)
            if fresh != dashboards[0] {
                dashboards[0] = fresh
                lastRefresh = nil
                focus[0] = nil
                if case .dashboard(0) = screen { maximized = nil }
            }
        }
        if case .explore = screen, explore.graphed == nil, now - (explore.loadedAt ?? .min) >= 10_000 {
            loadExploreEntries()
        }
        lastTickKeptModels = false
        guard pausedAt == nil else { return }
        if let last = lastRefresh, let stamp = refreshStamp(), stamp == last.stamp,
           viewTime >= last.viewTime, viewTime - last.viewTime < window.stepMs {
            lastTickKeptModels = true
            lastEvaluations = 0
            return
        }
        refresh()
    }

    /// The stamp a refresh of the shown dashboard would have now; nil off the dashboards or
    /// without a store that counts its appends.
    func refreshStamp() -> RefreshStamp? {
        guard case .dashboard(let d) = screen, d < dashboards.count, let generation = catalog?.appendGeneration else { return nil }
        return RefreshStamp(generation: generation, dashboard: d, maximized: maximized, width: size.width, height: size.height,
                            window: window, filter: filter, dashboardCount: dashboards.count)
    }

    /// The terminal's size (call at start and on `.resize`).
    public mutating func setSize(width: Int, height: Int) {
        size = (max(0, width), max(0, height))
    }

    /// The theme the caller loaded after an `Action.setTheme`.
    public mutating func apply(theme: Terminal.Theme) {
        self.theme = theme
        message = ("theme " + TerminalSafe.line(theme.name), false)
    }

    /// New dashboards after a reload; focus and zoom reset, the ad-hoc dashboard is kept.
    public mutating func replaceDashboards(_ specs: [DashboardSpec]) {
        let adhoc = adhocIndex.map { dashboards[$0] }
        generatedOverview = specs.isEmpty
        dashboards = specs.isEmpty ? [catalog.map(DashboardBuilder.overview(catalog:)) ?? DashboardBuilder.overview(metricNames: [], metadata: [:])] : specs
        adhocIndex = nil
        if let a = adhoc {
            dashboards.append(a)
            adhocIndex = dashboards.count - 1
        }
        focus = [:]
        maximized = nil
        models = [:]
        tableSorts = [:]
        if case .dashboard(let i) = screen, i >= dashboards.count { screen = .dashboard(0) }
        refresh()
    }

    /// Shows a note in the status bar (e.g. the result of an action the caller carried out).
    public mutating func show(message text: String, isError: Bool = false) {
        message = (TerminalSafe.line(text), isError)
    }

    // MARK: Evaluation

    /// Re-evaluates the queries of what is shown, at the current view time.
    public mutating func refresh() {
        // Read before evaluating: a sample stored meanwhile makes the next tick evaluate again.
        let stamp = refreshStamp()
        lastRefresh = stamp.map { ($0, viewTime) }
        let range = timeRange
        var runner = QueryRunner(evaluator: evaluator, rangeCache: rangeCache, start: range.lowerBound,
                                 end: range.upperBound, step: window.stepMs, parsed: parsedQueries)
        let compiled = filter.flatMap { try? SeriesFilter($0) }
        let builder = PanelModelBuilder(window: window, range: range, catalog: catalog, filter: compiled,
                                        alertThresholds: alertThresholds)
        switch screen {
        case .dashboard(let d) where d < dashboards.count:
            var fresh: [PanelID: PanelModel] = [:]
            let ids: [PanelID]
            if let m = maximized, dashboards[d].panel(m) != nil {
                ids = [m]
            } else {
                ids = GridLayout.compute(dashboards[d], in: bodyArea).placements.map(\.id)
            }
            for id in ids {
                if let spec = dashboards[d].panel(id) { fresh[id] = builder.build(spec, runner: &runner) }
            }
            models = fresh
            modelsDashboard = d
        case .explore:
            guard let entry = explore.graphed else { break }
            var spec = DashboardBuilder.panel(for: entry)
            if explore.mode == .table {
                spec.type = .table
                if entry.type == .histogram || entry.type == .summary {
                    spec.queries = [.init(entry.type == .histogram ? "rate(\(entry.name)_count[1m])" : entry.name)]
                }
            }
            exploreModel = builder.build(spec, runner: &runner)
            if explore.mode == .raw { rawRows = loadRawRows(entry, range: range) }
        default:
            break
        }
        lastEvaluations = runner.evaluations
    }

    /// The body of the screen between the tab bar and the status line.
    var bodyArea: Rect {
        Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
    }

    func firstVisiblePanel(_ d: Int) -> PanelID? {
        GridLayout.compute(dashboards[d], in: bodyArea).placements.first?.id
    }

    /// Key of a table panel's sort state.
    func sortKey(_ d: Int, _ id: PanelID) -> String { "\(d).\(id)" }

    /// How the table panel `id` of dashboard `d` is sorted.
    public func tableSort(dashboard d: Int, panel id: PanelID) -> TableSort {
        tableSorts[sortKey(d, id)] ?? TableSort()
    }
}
