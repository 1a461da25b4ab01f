import Inflate

/// `BodyInflater` backed by the `Inflate` module: maps its output limit to the body size limit and
/// its other failures to Go-like `gzip: ...` / `zlib: ...` decoding errors.
struct InflateBodyInflater: BodyInflater {
    func gunzip(_ input: [UInt8], maxOutput: Int) throws(HTTPError.Kind) -> [UInt8] {
        do {
            return try Inflate.gunzip(input, maxOutput: maxOutput)
        } catch {
            throw InflateBodyInflater.map(error, prefix: "gzip", limit: maxOutput)
        }
    }

    func zlibInflate(_ input: [UInt8], maxOutput: Int) throws(HTTPError.Kind) -> [UInt8] {
        do {
            return try Inflate.zlibInflate(input, maxOutput: maxOutput)
        } catch {
            throw InflateBodyInflater.map(error, prefix: "zlib", limit: maxOutput)
        }
    }

    static func map(_ error: InflateError, prefix: String, limit: Int) -> HTTPError.Kind {
        switch error.kind {
        case .outputLimit: return .bodySizeLimitExceeded(limit)
        case .truncated: return .unexpectedEOF
        case .corrupt, .checksum: return .decoding("\(prefix): \(error.description)")
        }
    }
}
