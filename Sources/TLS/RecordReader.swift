/// Cuts a TCP byte stream into TLS records. Feed whatever the socket returned with `append`, then call
/// `next()` until it returns nil. Bad headers are reported as soon as their five bytes arrive, so a
/// hostile peer cannot make us buffer more than one maximal record beyond what the caller appends.
public struct RecordReader: Sendable {
    private var buffer: [UInt8] = []
    private var start = 0

    public init() {}

    /// Bytes received but not yet returned as records.
    public var bufferedCount: Int { buffer.count - start }

    public mutating func append(_ bytes: some Collection<UInt8>) {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete record, or nil when more bytes are needed.
    public mutating func next() throws(RecordError) -> Record? {
        guard buffer.count - start >= RecordHeader.size else { return nil }
        let header = try RecordHeader(bytes: buffer[start..<(start + RecordHeader.size)])
        let end = start + RecordHeader.size + header.length
        guard buffer.count >= end else { return nil }
        let payload = Array(buffer[(start + RecordHeader.size)..<end])
        start = end
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        return Record(header: header, payload: payload)
    }
}
