/// Undoes `Content-Encoding` (gzip, deflate) on a complete body with an output cap, so a gzip bomb
/// stops at the body size limit instead of filling memory. The decompressor comes from the `Inflate`
/// module through `BodyInflater`.
enum ContentDecoder {
    /// The decompressor in use; when nil, gzip is not requested and gzip bodies are refused.
    static let inflater: (any BodyInflater)? = InflateBodyInflater()

    /// Whether `Accept-Encoding: gzip` may be sent.
    static var canDecodeGzip: Bool { inflater != nil }

    /// Room for gzip framing and incompressible data above the decoded limit, for the wire limit.
    static func encodedLimit(for limit: Int) -> Int {
        let (sum, overflow) = limit.addingReportingOverflow(limit / 64 + 4096)
        return overflow ? Int.max : sum
    }

    static func decode(_ body: [UInt8], encoding: String?, limit: Int) throws(HTTPError.Kind) -> [UInt8] {
        guard let encoding else { return body }
        let e = encoding.trimmingASCIIWhitespace().lowercased()
        switch e {
        case "", "identity":
            return body
        case "gzip", "x-gzip":
            guard let inflater else { throw .decoding("unsupported Content-Encoding \"\(e)\"") }
            return try inflater.gunzip(body, maxOutput: limit)
        case "deflate":
            guard let inflater else { throw .decoding("unsupported Content-Encoding \"\(e)\"") }
            return try inflater.zlibInflate(body, maxOutput: limit)
        default:
            throw .decoding("unsupported Content-Encoding \(ResponseParser.quote(ArraySlice(e.utf8)))")
        }
    }
}

/// A whole-buffer decompressor with an output cap; exceeding the cap must throw
/// `.bodySizeLimitExceeded(maxOutput)`, corrupt data `.decoding(...)`.
protocol BodyInflater: Sendable {
    func gunzip(_ input: [UInt8], maxOutput: Int) throws(HTTPError.Kind) -> [UInt8]
    func zlibInflate(_ input: [UInt8], maxOutput: Int) throws(HTTPError.Kind) -> [UInt8]
}
