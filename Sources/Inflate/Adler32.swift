/// Adler-32 as the zlib format (RFC 1950) uses it, with the modulo deferred over 5552-byte runs.
struct Adler32: Sendable {
    private var a: UInt32 = 1
    private var b: UInt32 = 0

    /// The finished checksum of everything passed to `update` so far.
    var value: UInt32 { (b << 16) | a }

    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let p = bytes.baseAddress else { return }
        var a = self.a, b = self.b
        var i = 0
        let n = bytes.count
        while i < n {
            // 5552 is the largest run for which b cannot overflow 32 bits before the modulo.
            let end = min(n, i &+ 5552)
            while i &+ 4 <= end {
                a &+= UInt32(p[i]); b &+= a
                a &+= UInt32(p[i &+ 1]); b &+= a
                a &+= UInt32(p[i &+ 2]); b &+= a
                a &+= UInt32(p[i &+ 3]); b &+= a
                i &+= 4
            }
            while i < end {
                a &+= UInt32(p[i]); b &+= a
                i &+= 1
            }
            a %= 65521
            b %= 65521
        }
        self.a = a
        self.b = b
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var s = Adler32()
        bytes.withUnsafeBufferPointer { s.update($0) }
        return s.value
    }
}
