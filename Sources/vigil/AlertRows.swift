import Alerting
import Dashboard
import TimeSeries

/// Turns the rule engine's alerts into the rows the dashboard shows.
enum AlertRows {
    static func rows(_ alerts: [Alert], isSilenced: (Labels) -> Bool) -> [AlertRow] {
        alerts.map { a in
            let id = a.labels.description
            let state: AlertRow.State
            switch a.state {
            case .firing: state = .firing
            case .pending: state = .pending
            default: state = .resolved
            }
            let annotations = a.annotationsMap
            let since = state == .resolved ? (a.resolvedAt ?? a.activeAt) : (state == .firing ? (a.firedAt ?? a.activeAt) : a.activeAt)
            return AlertRow(
                id: id, name: a.labels["alertname"], state: state, severity: a.labels["severity"],
                summary: annotations["summary"] ?? annotations["description"] ?? "", since: since,
                labels: a.labels.pairs.filter { $0.name != "alertname" }.map { ($0.name, $0.value) },
                silenced: isSilenced(a.labels))
        }
        .sorted { ($0.state.order, $0.name, $0.id) < ($1.state.order, $1.name, $1.id) }
    }
}

extension AlertRow.State {
    /// Firing first, then pending, then resolved.
    var order: Int {
        switch self {
        case .firing: return 0
        case .pending: return 1
        case .resolved: return 2
        }
    }
}
