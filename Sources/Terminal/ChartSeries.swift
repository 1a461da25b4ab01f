/// One line of a chart: timestamps (Unix ms, ascending) with values; NaN (including Prometheus's stale
/// marker) means no data there, and the line breaks.
public struct ChartSeries: Sendable {
    public var name: String
    public var timestamps: [Int64]
    public var values: [Double]
    public var color: Color

    public init(name: String, timestamps: [Int64], values: [Double], color: Color) {
        self.name = name
        let n = Swift.min(timestamps.count, values.count)
        self.timestamps = Array(timestamps.prefix(n))
        self.values = Array(values.prefix(n))
        self.color = color
    }

    public init(name: String, points: [(t: Int64, v: Double)], color: Color) {
        self.init(name: name, timestamps: points.map(\.t), values: points.map(\.v), color: color)
    }

    /// Last, minimum, maximum and mean of the finite values with timestamps in `range`; nil when none.
    public func stats(in range: ClosedRange<Int64>? = nil) -> (last: Double, min: Double, max: Double, avg: Double)? {
        var last = Double.nan, lo = Double.infinity, hi = -Double.infinity, sum = 0.0, n = 0
        for (t, v) in zip(timestamps, values) where v.isFinite {
            if let r = range, !r.contains(t) { continue }
            last = v
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
            sum += v
            n += 1
        }
        guard n > 0 else { return nil }
        return (last, lo, hi, sum / Double(n))
    }

    /// The largest step between samples that still joins them: 1.5 × the median step (nil with fewer
    /// than three samples: no gap is inferred).
    public func inferredMaxGap() -> Int64? {
        guard timestamps.count >= 3 else { return nil }
        var steps: [Int64] = []
        steps.reserveCapacity(timestamps.count - 1)
        for i in 1..<timestamps.count {
            let d = timestamps[i] &- timestamps[i - 1]
            if d > 0 { steps.append(d) }
        }
        guard !steps.isEmpty else { return nil }
        steps.sort()
        let median = steps[steps.count / 2]
        return median.addingReportingOverflow(median / 2).overflow ? Int64.max : median + median / 2
    }
}

/// A horizontal line across a chart at a value (an SLO or alert threshold), drawn dashed.
public struct ChartThreshold: Hashable, Sendable {
    public var value: Double
    public var color: Color
    public init(value: Double, color: Color) {
        self.value = value
        self.color = color
    }
}
