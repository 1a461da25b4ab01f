import TimeSeries

/// A metric type's byte in the format (stable, unlike the enum's declaration order).
enum MetricTypeCode: UInt8, CaseIterable {
    case unknown = 0, counter, gauge, histogram, summary, info, gaugeHistogram, stateSet, untyped

    init(_ t: MetricType) {
        switch t {
        case .unknown: self = .unknown
        case .counter: self = .counter
        case .gauge: self = .gauge
        case .histogram: self = .histogram
        case .summary: self = .summary
        case .info: self = .info
        case .gaugeHistogram: self = .gaugeHistogram
        case .stateSet: self = .stateSet
        case .untyped: self = .untyped
        }
    }

    var type: MetricType {
        switch self {
        case .unknown: return .unknown
        case .counter: return .counter
        case .gauge: return .gauge
        case .histogram: return .histogram
        case .summary: return .summary
        case .info: return .info
        case .gaugeHistogram: return .gaugeHistogram
        case .stateSet: return .stateSet
        case .untyped: return .untyped
        }
    }
}
