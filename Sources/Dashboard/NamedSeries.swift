/// One drawable series of a panel: its display name and samples on the query's steps (NaN where
/// the series had no value, e.g. after a stale marker).
public struct NamedSeries: Hashable, Sendable {
    public var name: String
    public var timestamps: [Int64]
    public var values: [Double]

    public init(name: String, timestamps: [Int64], values: [Double]) {
        self.name = name
        self.timestamps = timestamps
        self.values = values
    }

    /// Last, min, max and mean of the finite values; nil when there are none.
    public var stats: SeriesStats? {
        var last = Double.nan, lo = Double.infinity, hi = -Double.infinity, sum = 0.0, n = 0
        for v in values where v.isFinite {
            last = v
            lo = min(lo, v)
            hi = max(hi, v)
            sum += v
            n += 1
        }
        return n == 0 ? nil : SeriesStats(last: last, min: lo, max: hi, avg: sum / Double(n))
    }

    /// The least-squares slope per second over the finite samples (as PromQL's `deriv`); nil with
    /// fewer than two samples.
    public var slopePerSecond: Double? {
        var n = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0
        guard let t0 = timestamps.first else { return nil }
        for (t, v) in zip(timestamps, values) where v.isFinite {
            let x = Double(t - t0) / 1000
            n += 1
            sx += x
            sy += v
            sxx += x * x
            sxy += x * v
        }
        let d = n * sxx - sx * sx
        guard n >= 2, d != 0 else { return nil }
        return (n * sxy - sx * sy) / d
    }
}

/// Summary figures of a series over the window.
public struct SeriesStats: Hashable, Sendable {
    public var last: Double
    public var min: Double
    public var max: Double
    public var avg: Double
}
