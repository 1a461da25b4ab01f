/// Walks a quoted string's raw bytes yielding the decoded bytes, with Prometheus's unescaping:
/// `\\` → `\`, `\"` → `"`, `\n` → newline; any other `\x` stays as the two bytes `\x`.
struct EscapedBytes: IteratorProtocol {
    let base: UnsafePointer<UInt8>
    var i: Int
    let end: Int
    /// Second byte of an unknown escape still to be returned.
    var pending: UInt8? = nil
    /// When false, `\"` is not unescaped (the 0.0.4 HELP rule).
    let unescapeQuote: Bool

    init(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, unescapeQuote: Bool = true) {
        self.base = base
        self.i = start
        self.end = end
        self.unescapeQuote = unescapeQuote
    }

    mutating func next() -> UInt8? {
        if let p = pending {
            pending = nil
            return p
        }
        guard i < end else { return nil }
        let c = base[i]
        i += 1
        guard c == UInt8(ascii: "\\"), i < end else { return c }
        let e = base[i]
        i += 1
        switch e {
        case UInt8(ascii: "\\"): return e
        case UInt8(ascii: "n"): return 10
        case UInt8(ascii: "\"") where unescapeQuote: return e
        default:
            pending = e
            return c
        }
    }

    /// Decoded bytes of `[start, end)` as a String.
    static func string(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, unescapeQuote: Bool = true) -> String {
        var hasEscape = false
        var k = start
        while k < end {
            if base[k] == UInt8(ascii: "\\") { hasEscape = true; break }
            k += 1
        }
        if !hasEscape {
            return String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var it = EscapedBytes(base, start, end, unescapeQuote: unescapeQuote)
        while let c = it.next() { out.append(c) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether two raw ranges decode to the same bytes.
    static func equal(_ base: UnsafePointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        var x = EscapedBytes(base, a.lowerBound, a.upperBound)
        var y = EscapedBytes(base, b.lowerBound, b.upperBound)
        while true {
            let p = x.next()
            let q = y.next()
            if p != q { return false }
            if p == nil { return true }
        }
    }

    /// Whether the raw range decodes to exactly `literal`.
    static func equal(_ base: UnsafePointer<UInt8>, _ a: Range<Int>, _ literal: StaticString) -> Bool {
        var x = EscapedBytes(base, a.lowerBound, a.upperBound)
        let l = literal.utf8Start
        for k in 0..<literal.utf8CodeUnitCount where x.next() != l[k] { return false }
        return x.next() == nil
    }

    /// 64-bit FNV-1a of the decoded bytes, continuing from `seed`.
    static func hash(_ base: UnsafePointer<UInt8>, _ r: Range<Int>, seed: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
        var h = seed
        var x = EscapedBytes(base, r.lowerBound, r.upperBound)
        while let c = x.next() {
            h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// Number of Unicode scalars in the decoded bytes.
    static func scalarCount(_ base: UnsafePointer<UInt8>, _ r: Range<Int>) -> Int {
        var n = 0
        var x = EscapedBytes(base, r.lowerBound, r.upperBound)
        while let c = x.next() {
            if c & 0xC0 != 0x80 { n += 1 }
        }
        return n
    }
}
