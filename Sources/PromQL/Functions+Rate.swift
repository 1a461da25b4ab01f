/// `rate`, `increase`, `delta` (with Prometheus's extrapolation) and `irate`, `idelta`.
extension Functions {
    static let rateFunctions: [String: Impl] = [
        "rate": { c in overSeries(c) { extrapolatedRate($0, c, isCounter: true, isRate: true) } },
        "increase": { c in overSeries(c) { extrapolatedRate($0, c, isCounter: true, isRate: false) } },
        "delta": { c in overSeries(c) { extrapolatedRate($0, c, isCounter: false, isRate: false) } },
        "irate": { c in overSeries(c) { instantValue($0, isRate: true) } },
        "idelta": { c in overSeries(c) { instantValue($0, isRate: false) } },
    ]

    /// Prometheus 3.x `extrapolatedRate`: extrapolates to the window edges when the first and last
    /// samples are within 1.1 average intervals of them, else by half an interval; never below zero
    /// for counters.
    static func extrapolatedRate(_ s: RangeSeries, _ c: FunctionCall, isCounter: Bool, isRate: Bool) -> Double? {
        let pts = s.samples
        guard pts.count >= 2 else { return nil }
        var result = pts[pts.count - 1].v - pts[0].v
        if isCounter {
            var prev = pts[0].v
            for p in pts.dropFirst() {
                if p.v < prev { result += prev }
                prev = p.v
            }
        }
        let firstT = pts[0].t, lastT = pts[pts.count - 1].t
        var durationToStart = Double(firstT - c.rangeStart) / 1000
        var durationToEnd = Double(c.rangeEnd - lastT) / 1000
        let sampledInterval = Double(lastT - firstT) / 1000
        let averageBetween = sampledInterval / Double(pts.count - 1)
        let threshold = averageBetween * 1.1
        if durationToStart >= threshold { durationToStart = averageBetween / 2 }
        if isCounter {
            var durationToZero = durationToStart
            if result > 0 && pts[0].v >= 0 { durationToZero = sampledInterval * (pts[0].v / result) }
            if durationToZero < durationToStart { durationToStart = durationToZero }
        }
        if durationToEnd >= threshold { durationToEnd = averageBetween / 2 }
        var factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval
        if isRate { factor /= Double(c.range) / 1000 }
        return result * factor
    }

    static func instantValue(_ s: RangeSeries, isRate: Bool) -> Double? {
        let pts = s.samples
        guard pts.count >= 2 else { return nil }
        let last = pts[pts.count - 1], prev = pts[pts.count - 2]
        var v = isRate && last.v < prev.v ? last.v : last.v - prev.v
        let interval = last.t - prev.t
        if interval == 0 { return nil }
        if isRate { v /= Double(interval) / 1000 }
        return v
    }
}
