/// One-shot decompression of whole HTTP bodies (`Content-Encoding: gzip` / `deflate`) without
/// zlib. Output is written into one buffer that never grows past `maxOutput` (plus a few hundred
/// bytes of slack), so a decompression bomb fails with `.outputLimit` before it can use memory.
public enum Inflate {
    /// Decompresses a whole gzip member (or concatenated members); throws past `maxOutput` bytes.
    public static func gunzip(_ input: [UInt8], maxOutput: Int) throws(InflateError) -> [UInt8] {
        // The last member's ISIZE is a useful size hint, but only a hint: it is attacker-controlled,
        // so it is capped by the limit and by a plausible ratio to the input length.
        var hint = input.count * 4
        if input.count >= 18 {
            let n = input.count
            let isize = Int(input[n - 4]) | Int(input[n - 3]) << 8 | Int(input[n - 2]) << 16 | Int(input[n - 1]) << 24
            hint = min(isize, input.count * 64) + OutputBuffer.slack
        }
        var stream = InflateStream(format: .gzip, maxOutput: maxOutput, initialCapacity: hint)
        return try stream.decodeWhole(input)
    }

    /// zlib-wrapped deflate (HTTP `Content-Encoding: deflate`; also accepts raw deflate when the
    /// zlib header is absent, as browsers do).
    public static func zlibInflate(_ input: [UInt8], maxOutput: Int) throws(InflateError) -> [UInt8] {
        var stream = InflateStream(format: .zlib, maxOutput: maxOutput, initialCapacity: input.count * 4)
        return try stream.decodeWhole(input)
    }

    /// Decompresses a whole body in the given format.
    public static func decompress(
        _ input: [UInt8], format: InflateStream.Format, maxOutput: Int
    ) throws(InflateError) -> [UInt8] {
        switch format {
        case .gzip: return try gunzip(input, maxOutput: maxOutput)
        case .zlib: return try zlibInflate(input, maxOutput: maxOutput)
        case .raw: return try rawInflate(input, maxOutput: maxOutput)
        }
    }

    /// Raw DEFLATE (RFC 1951) with no framing.
    public static func rawInflate(_ input: [UInt8], maxOutput: Int) throws(InflateError) -> [UInt8] {
        var stream = InflateStream(format: .raw, maxOutput: maxOutput, initialCapacity: input.count * 4)
        return try stream.decodeWhole(input)
    }
}
