/// Where a key binding applies. The help overlay lists bindings grouped by context, and key
/// handling looks in the current screen's context before `global`.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    case global = "Everywhere"
    case dashboard = "Dashboards"
    case explore = "Explore: metric list"
    case exploreGraph = "Explore: graph"
    case alerts = "Alerts"
    case prompt = "Prompts (/ : s)"
}
