/// Decompressed bytes plus the 32 KiB of history that back-references may reach, in one
/// preallocated buffer that the decoder writes into directly, and the output limit.
///
/// `bytes.count` is the capacity (zero-filled); `[0, count)` holds output. The capacity never
/// grows past the limit plus `slack`, so a bomb cannot make us allocate more than `maxOutput`.
struct OutputBuffer: Sendable {
    /// Room a single symbol may write (258-byte match, up to 7 bytes of word-copy overshoot).
    static let slack = 266
    /// The window a DEFLATE back-reference may reach.
    static let window = 32768

    var bytes: [UInt8]
    var count = 0
    let maxOutput: Int
    /// Where the current DEFLATE stream's output starts in `bytes`: back-references may not reach
    /// before it (a new gzip member starts with an empty window).
    var streamStart = 0
    /// Output bytes already moved out of the buffer (slid away) before `bytes[0]`.
    var discarded = 0

    init(maxOutput: Int, initialCapacity: Int) {
        // "No limit" arrives as Int.max: clamp so `limit + slack` can never overflow.
        self.maxOutput = min(max(0, maxOutput), Int.max / 4)
        let cap = min(max(initialCapacity, 4096), self.maxOutput + OutputBuffer.slack)
        bytes = [UInt8](repeating: 0, count: max(cap, OutputBuffer.slack))
    }

    /// The largest `count` allowed before the limit is exceeded.
    var limit: Int { maxOutput - discarded }

    var totalOutput: Int { discarded + count }

    /// Ensures `count + n` bytes fit; throws when even `count` is already past the limit.
    @inline(__always)
    mutating func reserve(_ n: Int) throws(InflateError) {
        if count > limit { throw .outputLimit(maxOutput) }
        if count + n <= bytes.count { return }
        let ceiling = limit + OutputBuffer.slack
        let wanted = min(max(bytes.count * 2, count + n), ceiling)
        guard wanted >= count + n else { throw .outputLimit(maxOutput) }
        bytes.append(contentsOf: repeatElement(0, count: wanted - bytes.count))
    }

    func checkLimit() throws(InflateError) {
        if count > limit { throw .outputLimit(maxOutput) }
    }

    /// Drops all but the last 32 KiB of output from the front of the buffer; returns how far
    /// positions moved. Only slides when enough is buffered to make the copy worthwhile.
    mutating func slide(threshold: Int) -> Int {
        guard count > threshold, count > OutputBuffer.window else { return 0 }
        let shift = count - OutputBuffer.window
        bytes.withUnsafeMutableBytes { raw in
            let base = raw.baseAddress!
            base.copyMemory(from: base + shift, byteCount: OutputBuffer.window)
        }
        count = OutputBuffer.window
        discarded += shift
        streamStart = max(0, streamStart - shift)
        return shift
    }
}
