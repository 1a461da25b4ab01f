import Terminal

/// The display unit of a panel: the configured one, or inferred from the metric name.
enum PanelUnits {
    static func resolve(_ unit: PanelSpec.Unit, query: String?, rated forceRated: Bool = false) -> Unit {
        let info = query.map(ExprInfo.init)
        let rated = forceRated || (info?.rated ?? false)
        switch unit {
        case .seconds: return .seconds
        case .bytes: return rated ? .bytesPerSecondIEC : .bytesIEC
        case .bytesSI: return rated ? .bytesPerSecondSI : .bytesSI
        case .percent: return .percent
        case .ops: return .opsPerSecond
        case .count: return .count
        case .auto: return Units.infer(metricName: info?.metricName ?? "", rated: rated)
        }
    }
}
