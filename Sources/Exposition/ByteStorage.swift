/// The exposition bytes behind a stable pointer, so the parser can scan without bounds checks or
/// closures.
///
/// The scanners rely on a terminator: the Prometheus text format treats input as
/// newline-terminated, so its last byte must be `\n`; OpenMetrics scanners may look up to two bytes
/// past the end and find NULs there. A text body that already ends with a newline (what every
/// exporter sends) is used in place: the array is held, unmodified, for the storage's lifetime,
/// which keeps its elements where they are. Anything else is copied once into a private buffer
/// with the terminator added (`\n` for text, NUL for OpenMetrics) and one more NUL after it.
final class ByteStorage {
    let pointer: UnsafePointer<UInt8>
    /// Number of meaningful bytes (including the appended newline for the text format).
    let count: Int
    private let owned: UnsafeMutablePointer<UInt8>?
    private let borrowed: [UInt8]

    init(_ bytes: [UInt8], appendNewline: Bool) {
        let n = bytes.count
        if appendNewline, n > 0, bytes[n - 1] == 10,
           let base = bytes.withUnsafeBufferPointer({ $0.baseAddress }) {
            borrowed = bytes
            owned = nil
            pointer = base
            count = n
            return
        }
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: n + 2)
        bytes.withUnsafeBufferPointer { src in
            if let from = src.baseAddress { p.initialize(from: from, count: n) }
        }
        p[n] = appendNewline ? 10 : 0
        p[n + 1] = 0
        borrowed = []
        owned = p
        pointer = UnsafePointer(p)
        count = appendNewline ? n + 1 : n
    }

    deinit { owned?.deallocate() }
}
