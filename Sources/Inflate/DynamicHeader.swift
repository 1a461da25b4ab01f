/// Progress through a dynamic-Huffman block header (RFC 1951 §3.2.7), kept so the header can
/// be read across input chunks one code length at a time.
struct DynamicHeader: Sendable {
    /// Which part of the header is read next.
    enum Stage: Sendable {
        case counts
        case codeLengthLengths
        case lengths
    }

    /// Order in which the code-length code lengths are transmitted.
    static let order: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    var stage: Stage = .counts
    var literalCount = 0
    var distanceCount = 0
    var codeLengthCount = 0
    var index = 0
    var codeLengthLengths = [UInt8](repeating: 0, count: 19)
    var codeLengthTable: [UInt32] = []
    var lengths = [UInt8](repeating: 0, count: 286 + 30)
}
