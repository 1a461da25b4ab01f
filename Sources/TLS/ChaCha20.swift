/// The ChaCha20 stream cipher (RFC 8439 §2.3–2.4), 96-bit nonce and 32-bit block counter. ARX only:
/// no tables, so no cache-timing leaks. Used by `ChaChaPoly` (TLS_CHACHA20_POLY1305_SHA256).
public struct ChaCha20: Sendable, RedactedDescription {
    private let k0, k1, k2, k3, k4, k5, k6, k7: UInt32
    private let n0, n1, n2: UInt32

    public init(key: [UInt8], nonce: [UInt8]) throws(CryptoError) {
        guard key.count == 32 else { throw .invalidLength(what: "ChaCha20 key", expected: 32, actual: key.count) }
        guard nonce.count == 12 else { throw .invalidLength(what: "ChaCha20 nonce", expected: 12, actual: nonce.count) }
        func word(_ bytes: [UInt8], _ i: Int) -> UInt32 {
            UInt32(bytes[4 * i]) | UInt32(bytes[4 * i + 1]) << 8 | UInt32(bytes[4 * i + 2]) << 16 | UInt32(bytes[4 * i + 3]) << 24
        }
        k0 = word(key, 0); k1 = word(key, 1); k2 = word(key, 2); k3 = word(key, 3)
        k4 = word(key, 4); k5 = word(key, 5); k6 = word(key, 6); k7 = word(key, 7)
        n0 = word(nonce, 0); n1 = word(nonce, 1); n2 = word(nonce, 2)
    }

    /// Largest message for one (key, nonce): the 32-bit counter allows 2^32 blocks from counter 0.
    public static func maximumLength(startingAt counter: UInt32) -> Int { Int(UInt32.max - counter) * 64 + 64 }

    /// XORs the keystream starting at block `counter` over `count` bytes from `input` into `output`
    /// (which may alias `input`). The caller checks the length against `maximumLength`.
    func apply(counter: UInt32, input: UnsafeRawPointer, output: UnsafeMutableRawPointer, count: Int) {
        var block = counter
        var offset = 0
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { ks in
            while offset < count {
                keystream(counter: block, into: ks)
                let n = min(64, count - offset)
                if n == 64 {
                    for i in 0..<16 {
                        let m = input.loadUnaligned(fromByteOffset: offset + 4 * i, as: UInt32.self)
                        output.storeBytes(of: m ^ ks[i].littleEndian, toByteOffset: offset + 4 * i, as: UInt32.self)
                    }
                } else {
                    for i in 0..<n {
                        let byte = UInt8(truncatingIfNeeded: ks[i >> 2] >> (8 * UInt32(i & 3)))
                        let m = input.load(fromByteOffset: offset + i, as: UInt8.self)
                        output.storeBytes(of: m ^ byte, toByteOffset: offset + i, as: UInt8.self)
                    }
                }
                offset += n
                block &+= 1
            }
        }
    }

    /// Encrypts or decrypts `data` (the operation is its own inverse) starting at block `counter`.
    public func xor(_ data: [UInt8], counter: UInt32 = 0) throws(CryptoError) -> [UInt8] {
        let maximum = Self.maximumLength(startingAt: counter)
        guard data.count <= maximum else { throw .messageTooLong(length: data.count, maximum: maximum) }
        var out = [UInt8](repeating: 0, count: data.count)
        guard !data.isEmpty else { return out }
        data.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                apply(counter: counter, input: input.baseAddress!, output: output.baseAddress!, count: data.count)
            }
        }
        return out
    }

    /// The 64-byte block function output for `counter` (RFC 8439 §2.3), little-endian serialised.
    public func block(counter: UInt32) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 64)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { ks in
            keystream(counter: counter, into: ks)
            for i in 0..<64 { out[i] = UInt8(truncatingIfNeeded: ks[i >> 2] >> (8 * UInt32(i & 3))) }
        }
        return out
    }

    @inline(__always)
    private static func quarterRound(_ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32, _ d: inout UInt32) {
        a &+= b; d ^= a; d = d << 16 | d >> 16
        c &+= d; b ^= c; b = b << 12 | b >> 20
        a &+= b; d ^= a; d = d << 8 | d >> 24
        c &+= d; b ^= c; b = b << 7 | b >> 25
    }

    private func keystream(counter: UInt32, into out: UnsafeMutableBufferPointer<UInt32>) {
        let c0: UInt32 = 0x6170_7865, c1: UInt32 = 0x3320_646e, c2: UInt32 = 0x7962_2d32, c3: UInt32 = 0x6b20_6574
        var x0 = c0, x1 = c1, x2 = c2, x3 = c3
        var x4 = k0, x5 = k1, x6 = k2, x7 = k3, x8 = k4, x9 = k5, x10 = k6, x11 = k7
        var x12 = counter, x13 = n0, x14 = n1, x15 = n2
        for _ in 0..<10 {
            Self.quarterRound(&x0, &x4, &x8, &x12)
            Self.quarterRound(&x1, &x5, &x9, &x13)
            Self.quarterRound(&x2, &x6, &x10, &x14)
            Self.quarterRound(&x3, &x7, &x11, &x15)
            Self.quarterRound(&x0, &x5, &x10, &x15)
            Self.quarterRound(&x1, &x6, &x11, &x12)
            Self.quarterRound(&x2, &x7, &x8, &x13)
            Self.quarterRound(&x3, &x4, &x9, &x14)
        }
        out[0] = x0 &+ c0; out[1] = x1 &+ c1; out[2] = x2 &+ c2; out[3] = x3 &+ c3
        out[4] = x4 &+ k0; out[5] = x5 &+ k1; out[6] = x6 &+ k2; out[7] = x7 &+ k3
        out[8] = x8 &+ k4; out[9] = x9 &+ k5; out[10] = x10 &+ k6; out[11] = x11 &+ k7
        out[12] = x12 &+ counter; out[13] = x13 &+ n0; out[14] = x14 &+ n1; out[15] = x15 &+ n2
    }
}
