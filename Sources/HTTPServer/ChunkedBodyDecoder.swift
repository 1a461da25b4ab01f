/// Decodes a chunked request body as the bytes arrive: hex size lines (extensions ignored), data,
/// CRLF, and trailer fields up to the empty line, all bounded (size line length, body size, trailer
/// size) so a hostile client cannot make it buffer without end.
struct ChunkedBodyDecoder {
    private enum State {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailer
        case done
    }

    private var state = State.size
    private(set) var body: [UInt8] = []
    private var trailerBytes = 0
    let maxBodyBytes: Int
    let maxTrailerBytes: Int
    static let maxSizeLine = 1024

    init(maxBodyBytes: Int, maxTrailerBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
        self.maxTrailerBytes = maxTrailerBytes
    }

    var isDone: Bool { if case .done = state { return true } else { return false } }

    /// Consumes what it can from `input[offset...]`, advancing `offset`. Returns true when the body
    /// is complete; throws on malformed framing or a body over the limit.
    mutating func feed(_ input: [UInt8], offset: inout Int) throws(RequestFailure) -> Bool {
        while true {
            switch state {
            case .done:
                return true
            case .size:
                guard let line = try nextLine(input, &offset, limit: Self.maxSizeLine) else { return false }
                var digits = line
                if let semi = line.firstIndex(of: UInt8(ascii: ";")) { digits = line[line.startIndex..<semi] }
                while let l = digits.last, l == 0x20 || l == 0x09 { digits = digits.dropLast() }
                guard !digits.isEmpty, digits.count <= 15 else { throw RequestFailure(400, "invalid chunk size") }
                var size = 0
                for d in digits {
                    guard let h = FormDecoding.hex(d) else { throw RequestFailure(400, "invalid chunk size") }
                    size = size << 4 | Int(h)
                }
                guard body.count + size <= maxBodyBytes else { throw RequestFailure(413, "body larger than \(maxBodyBytes) bytes") }
                state = size == 0 ? .trailer : .data(remaining: size)
            case .data(let remaining):
                let n = min(remaining, input.count - offset)
                if n == 0 { return false }
                body += input[offset..<(offset + n)]
                offset += n
                state = remaining - n == 0 ? .dataEnd : .data(remaining: remaining - n)
            case .dataEnd:
                guard let line = try nextLine(input, &offset, limit: 2) else { return false }
                guard line.isEmpty else { throw RequestFailure(400, "missing CRLF after chunk data") }
                state = .size
            case .trailer:
                let before = offset
                guard let line = try nextLine(input, &offset, limit: min(8192, max(2, maxTrailerBytes - trailerBytes))) else { return false }
                trailerBytes += offset - before
                guard trailerBytes <= maxTrailerBytes else { throw RequestFailure(431, "trailer too large") }
                if line.isEmpty { state = .done }
            }
        }
    }

    /// The next line without its CRLF (or LF), or nil when it has not fully arrived yet.
    private func nextLine(_ input: [UInt8], _ offset: inout Int, limit: Int) throws(RequestFailure) -> ArraySlice<UInt8>? {
        let end = min(input.count, offset + limit + 2)
        var i = offset
        while i < end {
            if input[i] == 0x0A {
                var lineEnd = i
                if lineEnd > offset && input[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = input[offset..<lineEnd]
                if line.contains(0x0D) { throw RequestFailure(400, "bare CR in chunked framing") }
                offset = i + 1
                return line
            }
            i += 1
        }
        if input.count - offset > limit + 1 { throw RequestFailure(400, "chunk framing line too long") }
        return nil
    }
}
