import Foundation

/// Quantiles as Prometheus computes them: over plain values (`quantile`, `quantile_over_time`)
/// and over classic histogram buckets (`histogram_quantile`'s `BucketQuantile`).
enum Quantile {
    struct Bucket {
        var upperBound: Double
        var count: Double
    }

    /// Linear interpolation between the two closest ranks; NaN sorts first.
    static func quantile(_ q: Double, _ valuesIn: [Double]) -> Double {
        if valuesIn.isEmpty || q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        let values = valuesIn.sorted { a, b in a.isNaN ? !b.isNaN : (b.isNaN ? false : a < b) }
        let n = Double(values.count)
        let rank = q * (n - 1)
        let lower = max(0, rank.rounded(.down))
        let upper = min(n - 1, lower + 1)
        let weight = rank - rank.rounded(.down)
        return values[Int(lower)] * (1 - weight) + values[Int(upper)] * weight
    }

    /// The quantile of classic buckets; also reports whether counts had to be made monotonic.
    static func bucketQuantile(_ q: Double, _ input: [Bucket]) -> (Double, forcedMonotonic: Bool) {
        if q.isNaN { return (.nan, false) }
        if q < 0 { return (-.infinity, false) }
        if q > 1 { return (.infinity, false) }
        var buckets = input.enumerated().sorted { a, b in
            a.element.upperBound != b.element.upperBound ? a.element.upperBound < b.element.upperBound : a.offset < b.offset
        }.map(\.element)
        guard let last = buckets.last, last.upperBound == .infinity else { return (.nan, false) }
        buckets = coalesce(buckets)
        let forced = ensureMonotonic(&buckets, tolerance: 1e-12)
        if buckets.count < 2 { return (.nan, false) }
        let observations = buckets[buckets.count - 1].count
        if observations == 0 { return (.nan, false) }
        var rank = q * observations
        var b = 0
        while b < buckets.count - 1 && !(buckets[b].count >= rank) { b += 1 }
        if b == buckets.count - 1 { return (buckets[buckets.count - 2].upperBound, forced) }
        if b == 0 && buckets[0].upperBound <= 0 { return (buckets[0].upperBound, forced) }
        var bucketStart = 0.0
        let bucketEnd = buckets[b].upperBound
        var count = buckets[b].count
        if b > 0 {
            bucketStart = buckets[b - 1].upperBound
            count -= buckets[b - 1].count
            rank -= buckets[b - 1].count
        }
        return (bucketStart + (bucketEnd - bucketStart) * (rank / count), forced)
    }

    private static func coalesce(_ buckets: [Bucket]) -> [Bucket] {
        var out: [Bucket] = []
        for b in buckets {
            if let l = out.last, l.upperBound == b.upperBound {
                out[out.count - 1].count += b.count
            } else {
                out.append(b)
            }
        }
        return out
    }

    private static func ensureMonotonic(_ buckets: inout [Bucket], tolerance: Double) -> Bool {
        var forced = false
        var prev = buckets[0].count
        for i in 1..<buckets.count {
            let curr = buckets[i].count
            if curr == prev { continue }
            if almostEqual(prev, curr, tolerance) {
                buckets[i].count = prev
                continue
            }
            if curr < prev {
                buckets[i].count = prev
                forced = true
                continue
            }
            prev = curr
        }
        return forced
    }

    /// Prometheus's `almost.Equal`: relative tolerance, NaN equal to NaN.
    static func almostEqual(_ a: Double, _ b: Double, _ epsilon: Double) -> Bool {
        if a.isNaN && b.isNaN { return true }
        if a == b { return true }
        let minNormal = Double(bitPattern: 0x0010_0000_0000_0000)
        let absSum = abs(a) + abs(b)
        let diff = abs(a - b)
        if a == 0 || b == 0 || absSum < minNormal { return diff < epsilon * minNormal }
        return diff / min(absSum, Double.greatestFiniteMagnitude) < epsilon
    }
}

/// Kahan–Neumaier compensated summation, as Prometheus's `kahanSumInc`.
enum Kahan {
    static func inc(_ inc: Double, _ sum: Double, _ c: Double) -> (Double, Double) {
        let t = sum + inc
        var c = c
        if t.isInfinite {
            c = 0
        } else if abs(sum) >= abs(inc) {
            c += (sum - t) + inc
        } else {
            c += (inc - t) + sum
        }
        return (t, c)
    }
}
