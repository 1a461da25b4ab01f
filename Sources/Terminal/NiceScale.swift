/// Axis ticks at "nice" steps (1, 2 or 5 times a power of ten), and decade ticks for log scales.
public struct NiceScale: Hashable, Sendable {
    /// The axis bounds, widened to whole steps where not fixed.
    public var lower: Double
    public var upper: Double
    public var step: Double
    public var ticks: [Double]

    /// Ticks covering [min, max] with about `maxTicks` values (at least 2). Bounds given as fixed keep
    /// their value; the others are widened to a whole step. Non-finite input gives the scale [0, 1].
    public init(min lo: Double, max hi: Double, maxTicks: Int, fixedMin: Bool = false, fixedMax: Bool = false) {
        var a = lo.isFinite ? lo : 0
        var b = hi.isFinite ? hi : (a + 1)
        if a > b { swap(&a, &b) }
        if a == b {
            if a == 0 { b = 1 } else {
                let pad = Swift.abs(a) * 0.1
                if !fixedMin { a -= pad }
                if !fixedMax || a == b { b += pad }
            }
        }
        let count = Swift.max(2, Swift.min(maxTicks, 50))
        var step = NiceScale.niceStep((b - a) / Double(count - 1))
        if !step.isFinite || step <= 0 { step = 1 }
        var first = (a / step).rounded(.down)
        var last = (b / step).rounded(.up)
        // Keep the tick count bounded even for extreme inputs.
        if last - first > 200 {
            step = NiceScale.niceStep((b - a) / 100)
            first = (a / step).rounded(.down)
            last = (b / step).rounded(.up)
        }
        lower = fixedMin ? a : NiceScale.clean(first * step, step: step)
        upper = fixedMax ? b : NiceScale.clean(last * step, step: step)
        self.step = step
        var ticks: [Double] = []
        var k = first
        while k <= last && ticks.count <= 202 {
            let v = NiceScale.clean(k * step, step: step)
            if v >= lower - step * 1e-9 && v <= upper + step * 1e-9 { ticks.append(v) }
            k += 1
        }
        self.ticks = ticks
    }

    /// The smallest 1/2/5 × 10^k not below `raw`.
    public static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let exponent = raw.log10Floor
        let base = pow10(exponent)
        let f = raw / base
        let nice: Double = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10
        return nice * base
    }

    /// Log-scale ticks: powers of ten covering [min, max] (both > 0), thinned to about `maxTicks`.
    public static func logTicks(min lo: Double, max hi: Double, maxTicks: Int) -> (lower: Double, upper: Double, ticks: [Double]) {
        let a = lo > 0 && lo.isFinite ? lo : 1
        let b = hi > a && hi.isFinite ? hi : a * 10
        let e0 = Swift.max(-300, a.log10Floor)
        var e1 = Swift.min(300, (b / pow10(b.log10Floor) > 1) ? b.log10Floor + 1 : b.log10Floor)
        if e1 <= e0 { e1 = e0 + 1 }
        let decades = e1 - e0
        let every = Swift.max(1, (decades + Swift.max(2, maxTicks) - 2) / Swift.max(1, maxTicks - 1))
        var ticks: [Double] = []
        var e = e0
        while e <= e1 {
            ticks.append(pow10(e))
            e += every
        }
        return (pow10(e0), pow10(e1), ticks)
    }

    /// 10^e for integer e.
    static func pow10(_ e: Int) -> Double {
        var r = 1.0
        let n = Swift.abs(e)
        var i = 0
        while i < n && i < 400 { r *= 10; i += 1 }
        return e < 0 ? 1 / r : r
    }

    /// Removes binary noise such as 0.30000000000000004 by rounding to the step's precision.
    static func clean(_ v: Double, step: Double) -> Double {
        let digits = Swift.max(0, -step.log10Floor + 1)
        if digits == 0 || digits > 15 { return v == 0 ? 0 : v }
        let m = pow10(digits)
        let r = (v * m).rounded() / m
        return r == 0 ? 0 : r
    }
}

extension Double {
    /// ⌊log10(self)⌋ for a positive finite value, computed without Foundation.
    var log10Floor: Int {
        guard self > 0, isFinite else { return 0 }
        var e = 0
        var v = self
        while v >= 10 && e < 400 { v /= 10; e += 1 }
        while v < 1 && e > -400 { v *= 10; e -= 1 }
        return e
    }
}
