/// Public initialisers for the dashboard model, so other modules (the Grafana import, tests) can
/// build dashboards in code. The synthesised memberwise initialisers are internal; these take an
/// unlabelled first argument so they do not collide with them.
extension DashboardConfig {
    public init(_ title: String, rows: [Row]) {
        self.init(title: title, rows: rows)
    }
}

extension DashboardConfig.Row {
    public init(_ panels: [PanelConfig], height: Double = 1, minHeight: Int? = nil) {
        self.init(height: height, minHeight: minHeight, panels: panels)
    }
}

extension PanelConfig {
    public init(_ title: String, type: PanelType, queries: [Query] = [], text: String? = nil) {
        self.init(title: title, type: type, queries: queries, text: text)
    }
}

extension PanelConfig.Query {
    public init(_ expr: String, legend: String? = nil) {
        self.init(expr: expr, legend: legend)
    }
}

extension PanelConfig.Threshold {
    public init(_ value: Double, _ color: PanelConfig.Color) {
        self.init(value: value, color: color)
    }
}
