import Terminal

/// The display unit of a panel: the configured one, or inferred from the metric name.
enum PanelUnits {
    static func resolve(_ unit: PanelSpec.Unit, query: String?, rated forceRated: Bool = false) -> Unit {
        // Parsing the query is needed only where the unit depends on it (a rate, or inference).
        func info() -> ExprInfo? { query.map(ExprInfo.init) }
        func rated(_ info: ExprInfo?) -> Bool { forceRated || (info?.rated ?? false) }
        switch unit {
        case .seconds: return .seconds
        case .bytes: return rated(info()) ? .bytesPerSecondIEC : .bytesIEC
        case .bytesSI: return rated(info()) ? .bytesPerSecondSI : .bytesSI
        case .percent: return .percent
        case .ops: return .opsPerSecond
        case .count: return .count
        case .auto:
            let i = info()
            return Units.infer(metricName: i?.metricName ?? "", rated: rated(i))
        }
    }
}
