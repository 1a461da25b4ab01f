/// How an OpenMetrics sample name extends its family name (`_total`, `_bucket`, …), and which
/// extensions each family type allows.
enum SampleSuffix: CaseIterable {
    case none, total, created, count, sum, bucket, gcount, gsum, info

    var text: StaticString {
        switch self {
        case .none: return ""
        case .total: return "_total"
        case .created: return "_created"
        case .count: return "_count"
        case .sum: return "_sum"
        case .bucket: return "_bucket"
        case .gcount: return "_gcount"
        case .gsum: return "_gsum"
        case .info: return "_info"
        }
    }

    /// The sample names a family of type `type` may use.
    func isAllowed(for type: MetricType) -> Bool {
        switch type {
        case .counter: return self == .total || self == .created
        case .summary: return self == .none || self == .count || self == .sum || self == .created
        case .histogram: return self == .count || self == .sum || self == .bucket || self == .created
        case .gaugehistogram: return self == .gcount || self == .gsum || self == .bucket
        case .info: return self == .info
        case .gauge, .stateset, .unknown: return self == .none
        }
    }

    /// Samples that count things: never NaN.
    var mustNotBeNaN: Bool {
        switch self {
        case .total, .sum, .count, .bucket, .gcount, .gsum: return true
        default: return false
        }
    }

    /// Samples that count things: never negative (`_gsum` may be, with negative buckets).
    var mustNotBeNegative: Bool {
        switch self {
        case .total, .sum, .count, .bucket, .gcount: return true
        default: return false
        }
    }
}
