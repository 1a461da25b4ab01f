/// Incremental HTTP/1.x response parser fed with whatever bytes the socket produced. Frames the body by
/// `Content-Length`, the chunked transfer coding (trailers read and dropped) or the end of the
/// connection; skips `1xx` interim responses; enforces the header and body size limits while reading,
/// so hostile peers cost bounded memory.
struct ResponseParser {
    /// Byte limits for one response.
    struct Limits {
        var maxHeaderBytes: Int
        /// Limit for a body without `Content-Encoding`.
        var maxBodyBytes: Int
        /// Limit for a body with a `Content-Encoding` (its compressed size on the wire).
        var maxEncodedBodyBytes: Int
    }

    enum Outcome: Equatable {
        case needMore
        /// The response is complete; the last `unconsumed` bytes of the buffer were not part of it.
        case complete(unconsumed: Int)
    }

    private enum State {
        case head
        case fixed(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case untilClose
        case done
    }

    private static let maxChunkLine = 4096

    let limits: Limits
    let isHEAD: Bool
    private var state = State.head
    private var head: [UInt8] = []
    private var lineLength = 0
    private var lineIsCR = false
    private var line: [UInt8] = []
    private var trailerBytes = 0
    private var bodyLimit = 0

    private(set) var status = 0
    private(set) var reason = ""
    private(set) var headers = HTTPHeaders()
    private(set) var body: [UInt8] = []
    /// Whether the connection may carry another request after this response.
    private(set) var keepAlive = true
    /// Whether any byte of a response arrived (distinguishes `EOF` from `unexpected EOF`).
    private(set) var receivedAny = false

    init(limits: Limits, isHEAD: Bool) {
        self.limits = limits
        self.isHEAD = isHEAD
    }

    var isComplete: Bool { if case .done = state { return true } else { return false } }

    /// Consumes bytes from `buf` until the response is complete or the buffer is used up.
    mutating func feed(_ buf: UnsafeRawBufferPointer) throws(HTTPError.Kind) -> Outcome {
        if !buf.isEmpty { receivedAny = true }
        var i = 0
        let n = buf.count
        while i < n {
            switch state {
            case .head:
                i = try scanHead(buf, from: i)
            case .fixed(let remaining):
                let take = min(remaining, n - i)
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[i..<(i + take)]))
                i += take
                state = remaining == take ? .done : .fixed(remaining: remaining - take)
            case .untilClose:
                let take = n - i
                if body.count + take > bodyLimit { throw .bodySizeLimitExceeded(bodyLimit) }
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[i..<n]))
                i = n
            case .chunkSize:
                guard try collectLine(buf, from: &i, max: ResponseParser.maxChunkLine) != nil else { continue }
                let size = try ResponseParser.parseChunkSize(line)
                line.removeAll(keepingCapacity: true)
                if size == 0 {
                    state = .trailers
                } else {
                    if size > bodyLimit - body.count { throw .bodySizeLimitExceeded(bodyLimit) }
                    state = .chunkData(remaining: size)
                }
            case .chunkData(let remaining):
                let take = min(remaining, n - i)
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[i..<(i + take)]))
                i += take
                state = remaining == take ? .chunkDataEnd : .chunkData(remaining: remaining - take)
            case .chunkDataEnd:
                guard try collectLine(buf, from: &i, max: 2) != nil else { continue }
                guard line.isEmpty else { throw .malformedResponse("malformed chunked encoding") }
                state = .chunkSize
            case .trailers:
                let before = i
                let got = try collectLine(buf, from: &i, max: limits.maxHeaderBytes)
                trailerBytes += i - before
                if trailerBytes > limits.maxHeaderBytes { throw .headerSizeLimitExceeded(limits.maxHeaderBytes) }
                guard got != nil else { continue }
                if line.isEmpty {
                    state = .done
                } else {
                    guard line.contains(UInt8(ascii: ":")) else {
                        throw .malformedResponse("malformed MIME header line: \(ResponseParser.quote(line[...]))")
                    }
                    line.removeAll(keepingCapacity: true)
                }
            case .done:
                return .complete(unconsumed: n - i)
            }
        }
        if case .done = state { return .complete(unconsumed: 0) }
        return .needMore
    }

    /// The peer closed the connection: completes a body that runs to the end of the connection,
    /// otherwise reports `EOF` or `unexpected EOF`.
    mutating func finishAtEOF() throws(HTTPError.Kind) {
        switch state {
        case .untilClose:
            state = .done
        case .done:
            return
        case .head where !receivedAny:
            throw .eof
        default:
            throw .unexpectedEOF
        }
    }

    // MARK: - Head

    /// Finds the empty line ending the head, copies the head bytes, then parses them.
    private mutating func scanHead(_ buf: UnsafeRawBufferPointer, from start: Int) throws(HTTPError.Kind) -> Int {
        var j = start
        let n = buf.count
        var end = -1
        while j < n {
            let b = buf[j]
            j += 1
            if b == 10 {
                if lineLength == 0 || (lineLength == 1 && lineIsCR) { end = j; break }
                lineLength = 0
                lineIsCR = false
            } else {
                lineLength += 1
                lineIsCR = lineLength == 1 && b == 13
            }
        }
        let stop = end < 0 ? n : end
        if head.count + (stop - start) > limits.maxHeaderBytes { throw .headerSizeLimitExceeded(limits.maxHeaderBytes) }
        head.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[start..<stop]))
        if end >= 0 {
            try parseHead()
            head.removeAll(keepingCapacity: true)
            lineLength = 0
            lineIsCR = false
        }
        return stop
    }

    private mutating func parseHead() throws(HTTPError.Kind) {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = 0
        for k in 0..<head.count where head[k] == 10 {
            var e = k
            if e > lineStart && head[e - 1] == 13 { e -= 1 }
            lines.append(head[lineStart..<e])
            lineStart = k + 1
        }
        // The last entry is the empty line ending the head.
        if let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let statusLine = lines.first else { throw .malformedResponse("malformed HTTP response \"\"") }
        try parseStatusLine(statusLine)
        var fields = HTTPHeaders()
        for l in lines.dropFirst() {
            guard let colon = l.firstIndex(of: UInt8(ascii: ":")), colon > l.startIndex,
                  l[l.startIndex..<colon].allSatisfy(ResponseParser.isTokenByte) else {
                throw .malformedResponse("malformed MIME header line: \(ResponseParser.quote(l))")
            }
            var vs = colon + 1
            var ve = l.endIndex
            while vs < ve, l[vs] == 32 || l[vs] == 9 { vs += 1 }
            while ve > vs, l[ve - 1] == 32 || l[ve - 1] == 9 { ve -= 1 }
            fields.add(String(decoding: l[l.startIndex..<colon], as: UTF8.self), String(decoding: l[vs..<ve], as: UTF8.self))
        }
        if status >= 100 && status < 200 {
            if status == 101 { throw .malformedResponse("unexpected 101 Switching Protocols") }
            // Interim response: the real one follows.
            state = .head
            return
        }
        headers = fields
        try chooseFraming()
    }

    private mutating func parseStatusLine(_ l: ArraySlice<UInt8>) throws(HTTPError.Kind) {
        guard let sp = l.firstIndex(of: 32) else {
            throw .malformedResponse("malformed HTTP response \(ResponseParser.quote(l))")
        }
        let proto = l[l.startIndex..<sp]
        guard proto.count == 8, proto.starts(with: Array("HTTP/1.".utf8)),
              let minor = proto.last, minor == UInt8(ascii: "0") || minor == UInt8(ascii: "1") else {
            throw .malformedResponse("malformed HTTP version \(ResponseParser.quote(proto))")
        }
        var rest = l[(sp + 1)...]
        while rest.first == 32 { rest = rest.dropFirst() }
        let codeEnd = rest.firstIndex(of: 32) ?? rest.endIndex
        let code = rest[rest.startIndex..<codeEnd]
        guard code.count == 3, code.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw .malformedResponse("malformed HTTP status code \(ResponseParser.quote(code))")
        }
        status = code.reduce(0) { $0 * 10 + Int($1 - 48) }
        let reasonBytes = codeEnd < rest.endIndex ? rest[(codeEnd + 1)...] : []
        reason = String(decoding: reasonBytes.filter { $0 >= 32 && $0 != 127 }, as: UTF8.self)
        keepAlive = minor == UInt8(ascii: "1")
    }

    private mutating func chooseFraming() throws(HTTPError.Kind) {
        var close = false
        var keepAliveToken = false
        for v in headers.values(for: "Connection") {
            for token in v.split(separator: ",") {
                let t = token.trimmingASCIIWhitespace().lowercased()
                if t == "close" { close = true }
                if t == "keep-alive" { keepAliveToken = true }
            }
        }
        // HTTP/1.1 keeps the connection unless told otherwise; HTTP/1.0 only when asked to.
        keepAlive = !close && (keepAlive || keepAliveToken)
        let encoded = headers["Content-Encoding"].map { $0.trimmingASCIIWhitespace().lowercased() != "identity" } ?? false
        bodyLimit = encoded ? limits.maxEncodedBodyBytes : limits.maxBodyBytes
        if isHEAD || status == 204 || status == 304 {
            state = .done
            return
        }
        let te = headers.values(for: "Transfer-Encoding")
        if !te.isEmpty {
            let joined = te.joined(separator: ",").lowercased()
            let codings = joined.split(separator: ",").map { $0.trimmingASCIIWhitespace() }.filter { !$0.isEmpty }
            guard codings == ["chunked"] else {
                throw .malformedResponse("unsupported transfer encoding: \(ResponseParser.quote(ArraySlice(joined.utf8)))")
            }
            state = .chunkSize
            return
        }
        let lengths = headers.values(for: "Content-Length")
        if !lengths.isEmpty {
            var value: Int?
            for raw in lengths {
                for part in raw.split(separator: ",", omittingEmptySubsequences: false) {
                    let t = part.trimmingASCIIWhitespace()
                    guard !t.isEmpty, t.utf8.count <= 18, t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let v = Int(t) else {
                        throw .malformedResponse("bad Content-Length \(ResponseParser.quote(ArraySlice(raw.utf8)))")
                    }
                    if let value, value != v {
                        throw .malformedResponse("message cannot contain multiple Content-Length headers")
                    }
                    value = v
                }
            }
            let length = value ?? 0
            if length > bodyLimit { throw .bodySizeLimitExceeded(bodyLimit) }
            body.reserveCapacity(length)
            state = length == 0 ? .done : .fixed(remaining: length)
            return
        }
        keepAlive = false
        state = .untilClose
    }

    // MARK: - Chunked framing

    /// Collects bytes up to a line feed into `line` (without CR/LF). Returns nil when more bytes are needed.
    private mutating func collectLine(_ buf: UnsafeRawBufferPointer, from i: inout Int, max: Int) throws(HTTPError.Kind) -> Int? {
        let n = buf.count
        while i < n {
            let b = buf[i]
            i += 1
            if b == 10 {
                if line.last == 13 { line.removeLast() }
                return i
            }
            line.append(b)
            if line.count > max {
                if max == 2 { throw .malformedResponse("malformed chunked encoding") }
                if case .trailers = state { throw .headerSizeLimitExceeded(limits.maxHeaderBytes) }
                throw .malformedResponse("chunk length line too long")
            }
        }
        return nil
    }

    static func parseChunkSize(_ line: [UInt8]) throws(HTTPError.Kind) -> Int {
        var end = line.firstIndex(of: UInt8(ascii: ";")) ?? line.count
        while end > 0, line[end - 1] == 32 || line[end - 1] == 9 { end -= 1 }
        guard end > 0 else { throw .malformedResponse("empty chunk length") }
        var size = 0
        for k in 0..<end {
            guard let d = HTTPURL.hexValue(line[k]) else {
                throw .malformedResponse("invalid byte in chunk length \(quote(line[0..<end]))")
            }
            guard size < (1 << 55) else { throw .malformedResponse("http chunk length too large") }
            size = size << 4 | Int(d)
        }
        return size
    }

    // MARK: - Helpers

    static func isTokenByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
             UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Go's `%q` for bytes from the peer, cut at 100 bytes.
    static func quote(_ bytes: ArraySlice<UInt8>) -> String {
        var s = "\""
        for b in bytes.prefix(100) {
            switch b {
            case UInt8(ascii: "\""): s += "\\\""
            case UInt8(ascii: "\\"): s += "\\\\"
            case 10: s += "\\n"
            case 13: s += "\\r"
            case 9: s += "\\t"
            case 32...126: s.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = String(b, radix: 16)
                s += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        if bytes.count > 100 { s += "..." }
        return s + "\""
    }
}
