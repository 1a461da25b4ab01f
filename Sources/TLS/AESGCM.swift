/// AES-GCM (NIST SP 800-38D) with 16-byte tags: the cipher of TLS_AES_128_GCM_SHA256 (16-byte key) and
/// TLS_AES_256_GCM_SHA384 (32-byte key). Any non-empty IV length is accepted (TLS uses 12 bytes).
/// See `AES` for the side-channel stance of the block cipher; GHASH is constant time.
public struct AESGCM: AEAD, RedactedDescription {
    public static let nonceSize = 12
    public static let tagSize = 16
    /// SP 800-38D: at most 2^39 − 256 bits of plaintext per invocation.
    public static let maximumPlaintext = (1 << 36) - 32

    private let cipher: AES
    private let hHigh: UInt64, hLow: UInt64

    public init(key: [UInt8]) throws(CryptoError) {
        guard key.count == 16 || key.count == 32 else {
            throw .invalidLength(what: "AES-GCM key", expected: 16, actual: key.count)
        }
        cipher = try AES(key: key)
        let h = try cipher.encrypt(block: [UInt8](repeating: 0, count: 16))
        var hi: UInt64 = 0, lo: UInt64 = 0
        for i in 0..<8 {
            hi = hi << 8 | UInt64(h[i])
            lo = lo << 8 | UInt64(h[8 + i])
        }
        hHigh = hi
        hLow = lo
    }

    public func seal(_ plaintext: [UInt8], nonce: [UInt8], authenticating aad: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard plaintext.count <= Self.maximumPlaintext else {
            throw .messageTooLong(length: plaintext.count, maximum: Self.maximumPlaintext)
        }
        let j0 = try counterBlock(nonce: nonce)
        var out = [UInt8](repeating: 0, count: plaintext.count + Self.tagSize)
        plaintext.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                ctr(j0: j0, input: input, output: output, count: plaintext.count)
            }
        }
        let tag = authenticate(j0: j0, aad: aad, ciphertext: out, count: plaintext.count)
        out.replaceSubrange(plaintext.count..., with: tag)
        return out
    }

    public func open(_ sealed: [UInt8], nonce: [UInt8], authenticating aad: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard sealed.count >= Self.tagSize else {
            throw .invalidLength(what: "AES-GCM sealed box", expected: Self.tagSize, actual: sealed.count)
        }
        let count = sealed.count - Self.tagSize
        guard count <= Self.maximumPlaintext else { throw .messageTooLong(length: count, maximum: Self.maximumPlaintext) }
        let j0 = try counterBlock(nonce: nonce)
        let expected = authenticate(j0: j0, aad: aad, ciphertext: sealed, count: count)
        guard constantTimeEqual(expected, sealed[count...]) else { throw .authenticationFailure }
        var out = [UInt8](repeating: 0, count: count)
        sealed.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in ctr(j0: j0, input: input, output: output, count: count) }
        }
        return out
    }

    /// J0: IV ‖ 0^31 ‖ 1 for 96-bit IVs, else GHASH(IV ‖ pad ‖ 0^64 ‖ [len(IV)]_64). Returned as four words.
    private func counterBlock(nonce: [UInt8]) throws(CryptoError) -> (UInt32, UInt32, UInt32, UInt32) {
        guard !nonce.isEmpty else { throw .invalidLength(what: "AES-GCM nonce", expected: 12, actual: 0) }
        func word(_ b: [UInt8], _ i: Int) -> UInt32 {
            UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
        }
        if nonce.count == 12 {
            return (word(nonce, 0), word(nonce, 4), word(nonce, 8), 1)
        }
        var g = GHash(hHigh: hHigh, hLow: hLow)
        g.update(nonce)
        g.absorb(0, UInt64(nonce.count) &* 8)
        let (a, b) = g.value
        return (UInt32(truncatingIfNeeded: a >> 32), UInt32(truncatingIfNeeded: a),
                UInt32(truncatingIfNeeded: b >> 32), UInt32(truncatingIfNeeded: b))
    }

    /// GCTR from inc32(J0) over `count` bytes.
    private func ctr(j0: (UInt32, UInt32, UInt32, UInt32), input: UnsafeRawBufferPointer,
                     output: UnsafeMutableRawBufferPointer, count: Int) {
        guard count > 0, let src = input.baseAddress, let dst = output.baseAddress else { return }
        let rounds = cipher.rounds
        cipher.withTables { t, rk in
            var counter = j0.3
            var offset = 0
            while offset < count {
                counter &+= 1
                let (k0, k1, k2, k3) = AES.encrypt(j0.0, j0.1, j0.2, counter, tables: t, roundKeys: rk, rounds: rounds)
                let n = min(16, count - offset)
                if n == 16 {
                    let m0 = src.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
                    let m1 = src.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let m2 = src.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
                    let m3 = src.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)
                    dst.storeBytes(of: m0 ^ k0.bigEndian, toByteOffset: offset, as: UInt32.self)
                    dst.storeBytes(of: m1 ^ k1.bigEndian, toByteOffset: offset + 4, as: UInt32.self)
                    dst.storeBytes(of: m2 ^ k2.bigEndian, toByteOffset: offset + 8, as: UInt32.self)
                    dst.storeBytes(of: m3 ^ k3.bigEndian, toByteOffset: offset + 12, as: UInt32.self)
                } else {
                    let high = UInt64(k0) << 32 | UInt64(k1), low = UInt64(k2) << 32 | UInt64(k3)
                    for i in 0..<n {
                        let word = i < 8 ? high : low
                        let key = UInt8(truncatingIfNeeded: word >> (56 - 8 * UInt64(i & 7)))
                        dst.storeBytes(of: src.load(fromByteOffset: offset + i, as: UInt8.self) ^ key,
                                       toByteOffset: offset + i, as: UInt8.self)
                    }
                }
                offset += n
            }
        }
    }

    /// T = E_K(J0) ⊕ GHASH(A ‖ pad ‖ C ‖ pad ‖ [len(A)]_64 ‖ [len(C)]_64).
    private func authenticate(j0: (UInt32, UInt32, UInt32, UInt32), aad: [UInt8], ciphertext: [UInt8], count: Int) -> [UInt8] {
        var g = GHash(hHigh: hHigh, hLow: hLow)
        g.update(aad)
        ciphertext.withUnsafeBytes { if let base = $0.baseAddress, count > 0 { g.update(base, count: count) } }
        g.absorb(UInt64(aad.count) &* 8, UInt64(count) &* 8)
        let (s1, s0) = g.value
        let (e0, e1, e2, e3) = cipher.withTables { t, rk in
            AES.encrypt(j0.0, j0.1, j0.2, j0.3, tables: t, roundKeys: rk, rounds: cipher.rounds)
        }
        let t1 = s1 ^ (UInt64(e0) << 32 | UInt64(e1))
        let t0 = s0 ^ (UInt64(e2) << 32 | UInt64(e3))
        var tag = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            tag[i] = UInt8(truncatingIfNeeded: t1 >> (56 - 8 * UInt64(i)))
            tag[8 + i] = UInt8(truncatingIfNeeded: t0 >> (56 - 8 * UInt64(i)))
        }
        return tag
    }
}
