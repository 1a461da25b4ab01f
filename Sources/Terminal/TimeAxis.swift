/// Time labels for a chart's x axis: a step from a fixed ladder (1 s … 1 d) so the labels fit, and
/// HH:MM or HH:MM:SS depending on the step.
public enum TimeAxis {
    /// Steps in seconds, smallest first.
    public static let steps: [Int64] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
                                        10800, 21600, 43200, 86400, 172800, 604800]

    /// The smallest step (seconds) whose labels fit in `width` columns over `spanMs`, and whether the
    /// labels need seconds. Labels are 5 (HH:MM) or 8 (HH:MM:SS) columns with 2 spaces between.
    public static func step(spanMs: Int64, width: Int) -> (seconds: Int64, withSeconds: Bool) {
        let span = Double(Swift.max(1, spanMs)) / 1000
        for s in steps {
            let withSeconds = s < 60
            let labelWidth = withSeconds ? 8 : 5
            let count = span / Double(s)
            if count * Double(labelWidth + 2) <= Double(width) { return (s, withSeconds) }
        }
        return (steps[steps.count - 1], false)
    }

    /// The label times (ms) in [startMs, endMs] at multiples of `stepSeconds` in the given zone.
    public static func ticks(startMs: Int64, endMs: Int64, stepSeconds: Int64, zoneOffsetSeconds: Int = 0) -> [Int64] {
        guard endMs >= startMs, stepSeconds > 0 else { return [] }
        let stepMs = Swift.min(stepSeconds, Int64.max / 1000) * 1000
        let offsetMs = Int64(zoneOffsetSeconds) &* 1000
        let local = startMs &+ offsetMs
        var r = local % stepMs
        if r < 0 { r += stepMs }
        var t = r == 0 ? startMs : startMs &+ (stepMs - r)
        var out: [Int64] = []
        while t >= startMs && t <= endMs && out.count < 1000 {
            out.append(t)
            let (next, overflow) = t.addingReportingOverflow(stepMs)
            if overflow { break }
            t = next
        }
        return out
    }

    /// `HH:MM` or `HH:MM:SS` of a Unix time in ms, shifted by the zone offset.
    public static func label(ms: Int64, withSeconds: Bool, zoneOffsetSeconds: Int = 0) -> String {
        var s = (ms / 1000 &+ Int64(zoneOffsetSeconds)) % 86400
        if ms < 0 && ms % 1000 != 0 { s -= 1 }
        if s < 0 { s += 86400 }
        let h = s / 3600, m = (s / 60) % 60, sec = s % 60
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return withSeconds ? "\(two(h)):\(two(m)):\(two(sec))" : "\(two(h)):\(two(m))"
    }
}
