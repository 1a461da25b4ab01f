import TimeSeries

/// `limit_ratio`'s deterministic sampling: a series is kept by where the xxHash64 of its labels
/// (Prometheus's `labels.Hash`) falls in [0, 1].
enum LimitRatio {
    static func keep(_ labels: Labels, ratio: Double) -> Bool {
        let offset = Double(labelsHash(labels)) / Double(UInt64.max)
        return (ratio >= 0 && offset < ratio) || (ratio < 0 && offset >= 1 + ratio)
    }

    static func labelsHash(_ labels: Labels) -> UInt64 {
        var b: [UInt8] = []
        for p in labels.pairs {
            b.append(contentsOf: p.name.utf8)
            b.append(0xff)
            b.append(contentsOf: p.value.utf8)
            b.append(0xff)
        }
        return XXHash64.hash(b)
    }
}

/// xxHash64 with seed 0, as Go's `cespare/xxhash` computes it.
enum XXHash64 {
    static let p1: UInt64 = 11_400_714_785_074_694_791
    static let p2: UInt64 = 14_029_467_366_897_019_727
    static let p3: UInt64 = 1_609_587_929_392_839_161
    static let p4: UInt64 = 9_650_029_242_287_828_579
    static let p5: UInt64 = 2_870_177_450_012_600_261

    private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
    private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        rotl(acc &+ input &* p2, 31) &* p1
    }
    private static func merge(_ acc: UInt64, _ val: UInt64) -> UInt64 {
        (acc ^ round(0, val)) &* p1 &+ p4
    }
    private static func read64(_ b: [UInt8], _ i: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(b[i + k]) << (8 * UInt64(k)) }
        return v
    }
    private static func read32(_ b: [UInt8], _ i: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<4 { v |= UInt64(b[i + k]) << (8 * UInt64(k)) }
        return v
    }

    static func hash(_ b: [UInt8]) -> UInt64 {
        let n = b.count
        var i = 0
        var h: UInt64
        if n >= 32 {
            var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4 = 0 &- p1
            while i + 32 <= n {
                v1 = round(v1, read64(b, i))
                v2 = round(v2, read64(b, i + 8))
                v3 = round(v3, read64(b, i + 16))
                v4 = round(v4, read64(b, i + 24))
                i += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            h = merge(h, v1)
            h = merge(h, v2)
            h = merge(h, v3)
            h = merge(h, v4)
        } else {
            h = p5
        }
        h = h &+ UInt64(n)
        while i + 8 <= n {
            h ^= round(0, read64(b, i))
            h = rotl(h, 27) &* p1 &+ p4
            i += 8
        }
        if i + 4 <= n {
            h ^= read32(b, i) &* p1
            h = rotl(h, 23) &* p2 &+ p3
            i += 4
        }
        while i < n {
            h ^= UInt64(b[i]) &* p5
            h = rotl(h, 11) &* p1
            i += 1
        }
        h ^= h >> 33
        h = h &* p2
        h ^= h >> 29
        h = h &* p3
        h ^= h >> 32
        return h
    }
}
