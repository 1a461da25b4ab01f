/// A private copy of the exposition bytes behind a stable pointer, so the parser can scan without
/// bounds checks or closures; one extra byte at the end is a sentinel (`\n` for the Prometheus text
/// format, which treats input as newline-terminated, NUL otherwise), and one more NUL follows so a
/// scanner may always look one byte past `count`.
final class ByteStorage {
    let pointer: UnsafeMutablePointer<UInt8>
    /// Number of meaningful bytes (including the appended newline for the text format).
    let count: Int

    init(_ bytes: [UInt8], appendNewline: Bool) {
        let n = bytes.count
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: n + 2)
        bytes.withUnsafeBufferPointer { src in
            if let from = src.baseAddress { p.initialize(from: from, count: n) }
        }
        p[n] = appendNewline ? 10 : 0
        p[n + 1] = 0
        pointer = p
        count = appendNewline ? n + 1 : n
    }

    deinit { pointer.deallocate() }
}
