/// SHA-512 (FIPS 180-4 §6.4), also the engine of `SHA384` (same compression, other initial value,
/// truncated output). Streaming and allocation-free per block.
public struct SHA512: HashFunction {
    public static let digestSize = 64
    public static let blockSize = 128

    static let initialValue: [UInt64] = [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ]

    var state: [UInt64]
    var pending = [UInt8](repeating: 0, count: 128)
    var pendingCount = 0
    /// Total message length in bytes (messages beyond 2^64 bytes are not a concern here).
    var length: UInt64 = 0

    public init() { state = Self.initialValue }

    init(initialValue: [UInt64]) { state = initialValue }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var base = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        length &+= UInt64(remaining)
        if pendingCount > 0 {
            let take = min(128 - pendingCount, remaining)
            let start = pendingCount
            pending.withUnsafeMutableBytes { p in
                (p.baseAddress! + start).copyMemory(from: base, byteCount: take)
            }
            pendingCount += take
            base += take
            remaining -= take
            guard pendingCount == 128 else { return }
            let block = pending
            block.withUnsafeBytes { p in compress(p.baseAddress!, blocks: 1) }
            pendingCount = 0
        }
        let blocks = remaining / 128
        if blocks > 0 {
            compress(base, blocks: blocks)
            base += blocks * 128
            remaining -= blocks * 128
        }
        if remaining > 0 {
            pending.withUnsafeMutableBytes { p in p.baseAddress!.copyMemory(from: base, byteCount: remaining) }
            pendingCount = remaining
        }
    }

    public mutating func finalize() -> [UInt8] {
        finalizeWords(outputBytes: 64)
    }

    /// Pads, compresses and returns the first `outputBytes` bytes of the big-endian state.
    mutating func finalizeWords(outputBytes: Int) -> [UInt8] {
        // 128-bit length field; the high 64 bits carry the top 3 bits of the byte count.
        let bitLengthLow = length &<< 3
        let bitLengthHigh = length >> 61
        var tail = [UInt8](repeating: 0, count: pendingCount < 112 ? 128 : 256)
        for i in 0..<pendingCount { tail[i] = pending[i] }
        tail[pendingCount] = 0x80
        for i in 0..<8 {
            tail[tail.count - 1 - i] = UInt8(truncatingIfNeeded: bitLengthLow >> (8 * UInt64(i)))
            tail[tail.count - 9 - i] = UInt8(truncatingIfNeeded: bitLengthHigh >> (8 * UInt64(i)))
        }
        tail.withUnsafeBytes { compress($0.baseAddress!, blocks: $0.count / 128) }
        pendingCount = 0
        var out = [UInt8](repeating: 0, count: outputBytes)
        for i in 0..<outputBytes {
            out[i] = UInt8(truncatingIfNeeded: state[i / 8] >> (56 - 8 * UInt64(i % 8)))
        }
        return out
    }

    private static let k: [UInt64] = [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
        0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
        0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
        0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
        0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
        0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
        0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
        0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
        0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
        0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
        0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
        0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
        0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
        0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
        0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ]

    @inline(__always)
    private static func rotr(_ x: UInt64, _ n: UInt64) -> UInt64 { (x >> n) | (x << (64 - n)) }

    /// Processes `blocks` consecutive 128-byte blocks starting at `data`.
    private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
        var a0 = state[0], b0 = state[1], c0 = state[2], d0 = state[3]
        var e0 = state[4], f0 = state[5], g0 = state[6], h0 = state[7]
        Self.k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 80) { w in
                for block in 0..<blocks {
                    let p = data + block * 128
                    for t in 0..<16 {
                        w[t] = UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 8 * t, as: UInt64.self))
                    }
                    for t in 16..<80 {
                        let x = w[t - 15], y = w[t - 2]
                        let s0 = Self.rotr(x, 1) ^ Self.rotr(x, 8) ^ (x >> 7)
                        let s1 = Self.rotr(y, 19) ^ Self.rotr(y, 61) ^ (y >> 6)
                        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                    }
                    var a = a0, b = b0, c = c0, d = d0, e = e0, f = f0, g = g0, h = h0
                    for t in 0..<80 {
                        let s1 = Self.rotr(e, 14) ^ Self.rotr(e, 18) ^ Self.rotr(e, 41)
                        let ch = (e & f) ^ (~e & g)
                        let t1 = h &+ s1 &+ ch &+ k[t] &+ w[t]
                        let s0 = Self.rotr(a, 28) ^ Self.rotr(a, 34) ^ Self.rotr(a, 39)
                        let maj = (a & b) ^ (a & c) ^ (b & c)
                        let t2 = s0 &+ maj
                        h = g; g = f; f = e; e = d &+ t1
                        d = c; c = b; b = a; a = t1 &+ t2
                    }
                    a0 &+= a; b0 &+= b; c0 &+= c; d0 &+= d
                    e0 &+= e; f0 &+= f; g0 &+= g; h0 &+= h
                }
            }
        }
        state[0] = a0; state[1] = b0; state[2] = c0; state[3] = d0
        state[4] = e0; state[5] = f0; state[6] = g0; state[7] = h0
    }
}
