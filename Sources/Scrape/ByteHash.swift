/// A fast non-cryptographic hash over raw bytes, for the scrape cache.
///
/// Reads eight bytes at a time and mixes with multiply-xorshift rounds; good spread for the short,
/// similar keys a scrape produces (`http_requests_total{code="200",...}`).
enum ByteHash {
    @inline(__always)
    static func hash(_ p: UnsafeRawBufferPointer) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(p.count)
        guard let base = p.baseAddress else { return mix(h) }
        var i = 0
        let n = p.count
        while i + 8 <= n {
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ mix(w &* k)) &* k
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                w |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift += 8
                i += 1
            }
            h = (h ^ mix(w &* k)) &* k
        }
        let m = mix(h)
        return m == 0 ? 1 : m  // 0 marks an empty slot
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
