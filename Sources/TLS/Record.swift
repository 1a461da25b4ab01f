/// One framed record as read from the wire: its header and `header.length` payload bytes (still
/// encrypted when protected).
public struct Record: Equatable, Sendable {
    public var header: RecordHeader
    public var payload: [UInt8]

    public init(header: RecordHeader, payload: [UInt8]) {
        self.header = header
        self.payload = payload
    }
}
