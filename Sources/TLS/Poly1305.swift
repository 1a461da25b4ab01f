/// The Poly1305 one-time authenticator (RFC 8439 §2.5), 26-bit limbs with 64-bit products, constant time
/// (the final reduction selects with masks). Streaming: `update` any number of times, then `finalize`.
public struct Poly1305: Sendable, RedactedDescription {
    private let r0, r1, r2, r3, r4: UInt64
    private let s1, s2, s3, s4: UInt64
    private let pad0, pad1, pad2, pad3: UInt64
    private var h0: UInt64 = 0, h1: UInt64 = 0, h2: UInt64 = 0, h3: UInt64 = 0, h4: UInt64 = 0
    private var pending = [UInt8](repeating: 0, count: 16)
    private var pendingCount = 0

    public static let tagSize = 16

    /// `key` is the 32-byte one-time key r ‖ s; r is clamped here.
    public init(key: [UInt8]) throws(CryptoError) {
        guard key.count == 32 else { throw .invalidLength(what: "Poly1305 key", expected: 32, actual: key.count) }
        func le32(_ i: Int) -> UInt64 {
            UInt64(key[i]) | UInt64(key[i + 1]) << 8 | UInt64(key[i + 2]) << 16 | UInt64(key[i + 3]) << 24
        }
        r0 = le32(0) & 0x3ff_ffff
        r1 = (le32(3) >> 2) & 0x3ff_ff03
        r2 = (le32(6) >> 4) & 0x3ff_c0ff
        r3 = (le32(9) >> 6) & 0x3f0_3fff
        r4 = (le32(12) >> 8) & 0x00f_ffff
        s1 = r1 * 5; s2 = r2 * 5; s3 = r3 * 5; s4 = r4 * 5
        pad0 = le32(16); pad1 = le32(20); pad2 = le32(24); pad3 = le32(28)
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var base = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        if pendingCount > 0 {
            let take = min(16 - pendingCount, remaining)
            for i in 0..<take { pending[pendingCount + i] = base.load(fromByteOffset: i, as: UInt8.self) }
            pendingCount += take
            base += take
            remaining -= take
            guard pendingCount == 16 else { return }
            let block = pending
            block.withUnsafeBytes { blocks($0.baseAddress!, count: 1, hibit: 1 << 24) }
            pendingCount = 0
        }
        let full = remaining / 16
        if full > 0 {
            blocks(base, count: full, hibit: 1 << 24)
            base += full * 16
            remaining -= full * 16
        }
        for i in 0..<remaining { pending[i] = base.load(fromByteOffset: i, as: UInt8.self) }
        pendingCount = remaining
    }

    public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    /// Feeds zero bytes up to the next 16-byte boundary (the AEAD construction's pad16).
    mutating func padToBlock() {
        guard pendingCount > 0 else { return }
        let zeros = [UInt8](repeating: 0, count: 16 - pendingCount)
        update(zeros)
    }

    public mutating func finalize() -> [UInt8] {
        if pendingCount > 0 {
            var last = [UInt8](repeating: 0, count: 16)
            for i in 0..<pendingCount { last[i] = pending[i] }
            last[pendingCount] = 1
            last.withUnsafeBytes { blocks($0.baseAddress!, count: 1, hibit: 0) }
            pendingCount = 0
        }
        let m: UInt64 = 0x3ff_ffff
        var h0 = h0, h1 = h1, h2 = h2, h3 = h3, h4 = h4
        var c = h1 >> 26; h1 &= m
        h2 += c; c = h2 >> 26; h2 &= m
        h3 += c; c = h3 >> 26; h3 &= m
        h4 += c; c = h4 >> 26; h4 &= m
        h0 += c * 5; c = h0 >> 26; h0 &= m
        h1 += c
        // g = h + 5 − 2^130; take g when it did not go negative (h ≥ p).
        var g0 = h0 + 5; c = g0 >> 26; g0 &= m
        var g1 = h1 + c; c = g1 >> 26; g1 &= m
        var g2 = h2 + c; c = g2 >> 26; g2 &= m
        var g3 = h3 + c; c = g3 >> 26; g3 &= m
        let g4 = (h4 &+ c) &- (1 << 26)
        let select = (g4 >> 63) &- 1 // all ones when g4 ≥ 0
        g0 &= select; g1 &= select; g2 &= select; g3 &= select
        let keep = ~select
        h0 = (h0 & keep) | g0; h1 = (h1 & keep) | g1; h2 = (h2 & keep) | g2; h3 = (h3 & keep) | g3
        h4 = (h4 & keep) | (g4 & select)
        // h mod 2^128, plus s.
        let w0 = (h0 | h1 << 26) & 0xffff_ffff
        let w1 = (h1 >> 6 | h2 << 20) & 0xffff_ffff
        let w2 = (h2 >> 12 | h3 << 14) & 0xffff_ffff
        let w3 = (h3 >> 18 | h4 << 8) & 0xffff_ffff
        var f = w0 + pad0
        let o0 = f & 0xffff_ffff
        f = w1 + pad1 + (f >> 32)
        let o1 = f & 0xffff_ffff
        f = w2 + pad2 + (f >> 32)
        let o2 = f & 0xffff_ffff
        f = w3 + pad3 + (f >> 32)
        let o3 = f & 0xffff_ffff
        var tag = [UInt8](repeating: 0, count: 16)
        for (i, word) in [o0, o1, o2, o3].enumerated() {
            for j in 0..<4 { tag[4 * i + j] = UInt8(truncatingIfNeeded: word >> (8 * UInt64(j))) }
        }
        return tag
    }

    /// One-shot tag of `message` under the one-time `key`.
    public static func authenticationCode(for message: [UInt8], key: [UInt8]) throws(CryptoError) -> [UInt8] {
        var mac = try Poly1305(key: key)
        mac.update(message)
        return mac.finalize()
    }

    private mutating func blocks(_ p: UnsafeRawPointer, count: Int, hibit: UInt64) {
        let m: UInt64 = 0x3ff_ffff
        var h0 = h0, h1 = h1, h2 = h2, h3 = h3, h4 = h4
        for b in 0..<count {
            let o = 16 * b
            func le32(_ i: Int) -> UInt64 { UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: o + i, as: UInt32.self))) }
            h0 += le32(0) & m
            h1 += (le32(3) >> 2) & m
            h2 += (le32(6) >> 4) & m
            h3 += (le32(9) >> 6) & m
            h4 += (le32(12) >> 8) | hibit
            let d0 = h0 * r0 + h1 * s4 + h2 * s3 + h3 * s2 + h4 * s1
            var d1 = h0 * r1 + h1 * r0 + h2 * s4 + h3 * s3 + h4 * s2
            var d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s4 + h4 * s3
            var d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s4
            var d4 = h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0
            var c = d0 >> 26; h0 = d0 & m
            d1 += c; c = d1 >> 26; h1 = d1 & m
            d2 += c; c = d2 >> 26; h2 = d2 & m
            d3 += c; c = d3 >> 26; h3 = d3 & m
            d4 += c; c = d4 >> 26; h4 = d4 & m
            h0 += c * 5; c = h0 >> 26; h0 &= m
            h1 += c
        }
        self.h0 = h0; self.h1 = h1; self.h2 = h2; self.h3 = h3; self.h4 = h4
    }
}
