/// The AES S-box and encryption T-tables, computed once from the field arithmetic of FIPS 197 §5.1.1
/// (multiplicative inverse in GF(2^8) followed by the affine map) instead of being pasted as constants.
struct AESTables: Sendable {
    /// S-box values widened to words.
    let sbox: [UInt32]
    /// T0, T1, T2, T3 (256 words each), then the S-box: 1280 words.
    let encryption: [UInt32]

    static let shared = AESTables()

    private init() {
        func xtime(_ a: UInt8) -> UInt8 { (a << 1) ^ ((a >> 7) * 0x1b) }
        func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
            var a = a, b = b, r: UInt8 = 0
            for _ in 0..<8 {
                r ^= a & (0 &- (b & 1))
                a = xtime(a)
                b >>= 1
            }
            return r
        }
        var s = [UInt32](repeating: 0, count: 256)
        for x in 0..<256 {
            // Inverse as x^254 (0 maps to 0).
            var inverse: UInt8 = 1, power = UInt8(x), e = 254
            while e > 0 {
                if e & 1 == 1 { inverse = multiply(inverse, power) }
                power = multiply(power, power)
                e >>= 1
            }
            if x == 0 { inverse = 0 }
            func rotl(_ v: UInt8, _ n: UInt8) -> UInt8 { v << n | v >> (8 - n) }
            let affine = inverse ^ rotl(inverse, 1) ^ rotl(inverse, 2) ^ rotl(inverse, 3) ^ rotl(inverse, 4) ^ 0x63
            s[x] = UInt32(affine)
        }
        var tables = [UInt32](repeating: 0, count: 1280)
        for x in 0..<256 {
            let v = UInt8(s[x])
            let t0 = UInt32(xtime(v)) << 24 | UInt32(v) << 16 | UInt32(v) << 8 | UInt32(xtime(v) ^ v)
            tables[x] = t0
            tables[256 + x] = t0 >> 8 | t0 << 24
            tables[512 + x] = t0 >> 16 | t0 << 16
            tables[768 + x] = t0 >> 24 | t0 << 8
            tables[1024 + x] = s[x]
        }
        sbox = s
        encryption = tables
    }
}
