/// A series' labels plus a private copy of the encoded chunks overlapping a query window,
/// taken under the store's lock and decoded after it is released.
struct SeriesSnapshot: Sendable {
    var labels: Labels
    /// Concatenated chunk data.
    var bytes: [UInt8] = []
    /// Per chunk: byte range in `bytes` and sample count.
    var chunks: [(start: Int, end: Int, count: Int)] = []

    init(labels: Labels) { self.labels = labels }

    mutating func add(_ data: UnsafeRawPointer, byteCount: Int, samples: Int) {
        let start = bytes.count
        bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: byteCount))
        chunks.append((start, bytes.count, samples))
    }

    func decode(mint: Int64, maxt: Int64) -> [Sample] {
        var out: [Sample] = []
        out.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        bytes.withUnsafeBytes { all in
            for c in chunks {
                let part = UnsafeRawBufferPointer(rebasing: all[c.start..<c.end])
                ChunkDecoder.decode(part, count: c.count, mint: mint, maxt: maxt, into: &out)
            }
        }
        return out
    }
}
