/// Incremental decompression of a gzip, zlib or raw DEFLATE body as it arrives: each `feed`
/// returns the output its chunk completed, only the 32 KiB window is kept between calls, and
/// decoding stops with `.outputLimit` as soon as total output passes `maxOutput`.
///
/// ```swift
/// var stream = InflateStream(format: .gzip, maxOutput: 64 << 20)
/// for chunk in body { sink(try stream.feed(chunk)) }
/// try stream.finish()   // throws .truncated if the body ended early
/// ```
/// After any error the stream stays failed and rethrows that error.
public struct InflateStream: Sendable {
    /// The framing around the DEFLATE data.
    public enum Format: Sendable, Equatable, Hashable {
        /// gzip members (RFC 1952), concatenated members allowed; CRC-32 and ISIZE verified.
        case gzip
        /// zlib (RFC 1950) with Adler-32 verified; raw DEFLATE is accepted when the zlib header is
        /// absent, as browsers do for HTTP `Content-Encoding: deflate`.
        case zlib
        /// Raw DEFLATE (RFC 1951), no framing.
        case raw

        /// The format for an HTTP `Content-Encoding` value (`gzip`, `x-gzip`, `deflate`), or nil.
        public init?(contentEncoding: String) {
            switch contentEncoding.lowercased() {
            case "gzip", "x-gzip": self = .gzip
            case "deflate": self = .zlib
            default: return nil
            }
        }
    }

    /// Where in the framing the next input byte belongs.
    enum Stage: Sendable {
        case gzipHeader
        case zlibHeader
        case deflate
        case gzipTrailer
        case zlibTrailer
        case memberBoundary
        case zeroPadding
        case end
    }

    /// The checksum the current stream's trailer carries.
    enum Check: Sendable {
        case none
        case crc32
        case adler32
    }

    public let format: Format
    var stage: Stage
    var decoder = DeflateDecoder()
    var output: OutputBuffer
    var gzipHeader = GzipHeaderReader()
    var check: Check = .none
    var crc = CRC32()
    var adler = Adler32()
    /// Buffer position up to which output has been checksummed / handed to the caller.
    var checkedUpTo = 0
    var returnedUpTo = 0
    var memberStartTotal = 0
    var framing: [UInt8] = []
    var failure: InflateError?
    /// Compressed bytes fed so far.
    public private(set) var totalInput = 0

    public init(format: Format, maxOutput: Int) {
        self.init(format: format, maxOutput: maxOutput, initialCapacity: 64 << 10)
    }

    init(format: Format, maxOutput: Int, initialCapacity: Int) {
        self.format = format
        output = OutputBuffer(maxOutput: maxOutput, initialCapacity: initialCapacity)
        switch format {
        case .gzip: stage = .gzipHeader
        case .zlib: stage = .zlibHeader
        case .raw:
            stage = .deflate
            check = .none
        }
    }

    /// Decompressed bytes produced so far.
    public var totalOutput: Int { output.totalOutput }

    /// True when the input so far ends exactly at the end of a complete stream (for gzip, more
    /// members may still follow).
    public var isFinished: Bool {
        switch stage {
        case .memberBoundary, .zeroPadding, .end: return failure == nil
        default: return false
        }
    }

    /// Decompresses `chunk`, returning the output it completed (possibly empty).
    public mutating func feed(_ chunk: ArraySlice<UInt8>) throws(InflateError) -> [UInt8] {
        if let failure { throw failure }
        do {
            try chunk.withUnsafeBufferPointer { (buffer) throws(InflateError) in
                try process(buffer, origin: totalInput)
            }
            totalInput += chunk.count
            try output.checkLimit()
        } catch {
            failure = error
            throw error
        }
        let produced = Array(output.bytes[returnedUpTo..<output.count])
        returnedUpTo = output.count
        let shift = output.slide(threshold: 128 << 10)
        returnedUpTo -= shift
        checkedUpTo -= shift
        return produced
    }

    public mutating func feed(_ chunk: [UInt8]) throws(InflateError) -> [UInt8] {
        try feed(chunk[...])
    }

    /// Ends the input: throws `.truncated` unless a complete stream (with its trailer) was read.
    /// Returns output not yet returned by `feed` (always empty: `feed` returns all it decodes).
    @discardableResult
    public mutating func finish() throws(InflateError) -> [UInt8] {
        if let failure { throw failure }
        guard isFinished else {
            failure = .truncated
            throw .truncated
        }
        return []
    }

    /// One-shot decoding of a whole body into a single buffer (no sliding, no copy of the output).
    mutating func decodeWhole(_ input: [UInt8]) throws(InflateError) -> [UInt8] {
        try input.withUnsafeBufferPointer { (buffer) throws(InflateError) in
            try process(buffer, origin: 0)
        }
        totalInput = input.count
        try output.checkLimit()
        try finish()
        var bytes = output.bytes
        output.bytes = []
        bytes.removeLast(bytes.count - output.count)
        return bytes
    }
}
