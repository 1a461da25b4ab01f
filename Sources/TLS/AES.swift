/// The AES block cipher (FIPS 197), encryption direction only: GCM and CTR never decrypt blocks.
/// AES-128 and AES-256 keys.
///
/// Side channels: this is the classic 32-bit "T-table" implementation (four 1 KiB tables plus the S-box),
/// so cache lines touched depend on key and data bytes. A process sharing the CPU cache could in principle
/// learn key bits by timing; a network attacker cannot. Vigil is a client on an operator's own machine, and
/// Swift offers no AES-NI intrinsics without C, so we accept this for now; a bitsliced constant-time
/// variant can replace `encrypt` without changing the API. (GHASH, where the key would leak through the
/// authenticator, is constant time: see `GHash`.)
public struct AES: Sendable, RedactedDescription {
    /// Expanded key schedule, 4 × (rounds + 1) big-endian words.
    let roundKeys: [UInt32]
    let rounds: Int

    public init(key: [UInt8]) throws(CryptoError) {
        let nk: Int
        switch key.count {
        case 16: nk = 4; rounds = 10
        case 32: nk = 8; rounds = 14
        default: throw .invalidLength(what: "AES key", expected: 16, actual: key.count)
        }
        let total = 4 * (rounds + 1)
        var w = [UInt32](repeating: 0, count: total)
        for i in 0..<nk {
            w[i] = UInt32(key[4 * i]) << 24 | UInt32(key[4 * i + 1]) << 16 | UInt32(key[4 * i + 2]) << 8 | UInt32(key[4 * i + 3])
        }
        let sbox = AESTables.shared.sbox
        func subWord(_ x: UInt32) -> UInt32 {
            sbox[Int(x >> 24)] << 24 | sbox[Int((x >> 16) & 0xff)] << 16 | sbox[Int((x >> 8) & 0xff)] << 8 | sbox[Int(x & 0xff)]
        }
        var rcon: UInt32 = 1
        for i in nk..<total {
            var temp = w[i - 1]
            if i % nk == 0 {
                temp = subWord(temp << 8 | temp >> 24) ^ (rcon << 24)
                rcon = rcon << 1 ^ ((rcon >> 7) * 0x11b)
            } else if nk > 6, i % nk == 4 {
                temp = subWord(temp)
            }
            w[i] = w[i - nk] ^ temp
        }
        roundKeys = w
    }

    /// Encrypts one 16-byte block.
    public func encrypt(block: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard block.count == 16 else { throw .invalidLength(what: "AES block", expected: 16, actual: block.count) }
        var out = [UInt8](repeating: 0, count: 16)
        block.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                withTables { t, rk in
                    let (a, b, c, d) = Self.encrypt(
                        UInt32(bigEndian: input.loadUnaligned(fromByteOffset: 0, as: UInt32.self)),
                        UInt32(bigEndian: input.loadUnaligned(fromByteOffset: 4, as: UInt32.self)),
                        UInt32(bigEndian: input.loadUnaligned(fromByteOffset: 8, as: UInt32.self)),
                        UInt32(bigEndian: input.loadUnaligned(fromByteOffset: 12, as: UInt32.self)),
                        tables: t, roundKeys: rk, rounds: rounds)
                    output.storeBytes(of: a.bigEndian, toByteOffset: 0, as: UInt32.self)
                    output.storeBytes(of: b.bigEndian, toByteOffset: 4, as: UInt32.self)
                    output.storeBytes(of: c.bigEndian, toByteOffset: 8, as: UInt32.self)
                    output.storeBytes(of: d.bigEndian, toByteOffset: 12, as: UInt32.self)
                }
            }
        }
        return out
    }

    /// Runs `body` with raw pointers to the T-tables and this key's schedule, so block loops pay no bounds checks.
    func withTables<R>(_ body: (UnsafePointer<UInt32>, UnsafePointer<UInt32>) -> R) -> R {
        AESTables.shared.encryption.withUnsafeBufferPointer { t in
            roundKeys.withUnsafeBufferPointer { rk in body(t.baseAddress!, rk.baseAddress!) }
        }
    }

    /// One block on big-endian column words. `t` holds T0, T1, T2, T3 and the S-box (as words), 256 each.
    @inline(__always)
    static func encrypt(
        _ i0: UInt32, _ i1: UInt32, _ i2: UInt32, _ i3: UInt32,
        tables t: UnsafePointer<UInt32>, roundKeys rk: UnsafePointer<UInt32>, rounds: Int
    ) -> (UInt32, UInt32, UInt32, UInt32) {
        var s0 = i0 ^ rk[0], s1 = i1 ^ rk[1], s2 = i2 ^ rk[2], s3 = i3 ^ rk[3]
        @inline(__always) func b0(_ x: UInt32) -> Int { Int(x >> 24) }
        @inline(__always) func b1(_ x: UInt32) -> Int { 256 + Int((x >> 16) & 0xff) }
        @inline(__always) func b2(_ x: UInt32) -> Int { 512 + Int((x >> 8) & 0xff) }
        @inline(__always) func b3(_ x: UInt32) -> Int { 768 + Int(x & 0xff) }
        var k = 4
        for _ in 1..<rounds {
            let t0 = t[b0(s0)] ^ t[b1(s1)] ^ t[b2(s2)] ^ t[b3(s3)] ^ rk[k]
            let t1 = t[b0(s1)] ^ t[b1(s2)] ^ t[b2(s3)] ^ t[b3(s0)] ^ rk[k + 1]
            let t2 = t[b0(s2)] ^ t[b1(s3)] ^ t[b2(s0)] ^ t[b3(s1)] ^ rk[k + 2]
            let t3 = t[b0(s3)] ^ t[b1(s0)] ^ t[b2(s1)] ^ t[b3(s2)] ^ rk[k + 3]
            s0 = t0; s1 = t1; s2 = t2; s3 = t3
            k += 4
        }
        let s = t + 1024
        @inline(__always) func last(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 {
            s[Int(a >> 24)] << 24 | s[Int((b >> 16) & 0xff)] << 16 | s[Int((c >> 8) & 0xff)] << 8 | s[Int(d & 0xff)]
        }
        return (
            last(s0, s1, s2, s3) ^ rk[k], last(s1, s2, s3, s0) ^ rk[k + 1],
            last(s2, s3, s0, s1) ^ rk[k + 2], last(s3, s0, s1, s2) ^ rk[k + 3]
        )
    }
}
