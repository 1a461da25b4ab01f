/// Parses a request head (request line and header fields, up to and including the empty line) as
/// RFC 9112 asks of a server: strict about what could smuggle a second request (bare CR, space before
/// the colon, folded lines, conflicting Content-Length, Transfer-Encoding with Content-Length),
/// lenient about bare LF line ends as Go's server is.
enum RequestHeadParser {
    struct Limits {
        var maxHeaderCount: Int
        var maxBodyBytes: Int
    }

    static func parse(_ bytes: ArraySlice<UInt8>, limits: Limits) throws(RequestFailure) -> RequestHead {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == 0x0A {
                var end = i
                if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                lines.append(bytes[start..<end])
                start = i + 1
                if lines.count > limits.maxHeaderCount + 2 { throw RequestFailure(431, "too many header fields") }
            }
            i += 1
        }
        // The head ends with an empty line; everything before it is the request line and fields.
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let requestLine = lines.first else { throw RequestFailure(400, "empty request") }
        for line in lines where line.contains(0x0D) { throw RequestFailure(400, "bare CR in request head") }
        let (method, target, minor) = try requestLineParts(requestLine)

        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            if let f = line.first, f == 0x20 || f == 0x09 { throw RequestFailure(400, "obsolete line folding in header") }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw RequestFailure(400, "malformed header line") }
            let name = line[line.startIndex..<colon]
            guard !name.isEmpty, name.allSatisfy(HeaderName.isToken) else { throw RequestFailure(400, "invalid header field name") }
            var value = line[(colon + 1)...]
            while let f = value.first, f == 0x20 || f == 0x09 { value = value.dropFirst() }
            while let l = value.last, l == 0x20 || l == 0x09 { value = value.dropLast() }
            if value.contains(where: { $0 == 0 || ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
                throw RequestFailure(400, "invalid header field value")
            }
            headers.append((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
        }
        if headers.count > limits.maxHeaderCount { throw RequestFailure(431, "too many header fields") }

        func values(_ name: String) -> [String] { headers.filter { HeaderName.same($0.name, name) }.map(\.value) }

        let hosts = values("Host")
        if minor >= 1 && hosts.count != 1 {
            throw RequestFailure(400, hosts.isEmpty ? "missing required Host header" : "too many Host headers")
        }

        var body = RequestHead.Body.none
        let lengths = values("Content-Length").flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: " \t") } }
        let encodings = values("Transfer-Encoding").flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: " \t").lowercased() } }
        if !encodings.isEmpty {
            guard lengths.isEmpty else { throw RequestFailure(400, "both Transfer-Encoding and Content-Length") }
            guard minor >= 1 else { throw RequestFailure(400, "Transfer-Encoding in an HTTP/1.0 request") }
            guard encodings == ["chunked"] else {
                throw RequestFailure(501, "unsupported transfer encoding \"\(encodings.joined(separator: ", "))\"")
            }
            body = .chunked
        } else if let first = lengths.first {
            guard lengths.allSatisfy({ $0 == first }) else { throw RequestFailure(400, "conflicting Content-Length") }
            guard let n = decimal(first) else { throw RequestFailure(400, "invalid Content-Length") }
            guard n <= limits.maxBodyBytes else { throw RequestFailure(413, "body larger than \(limits.maxBodyBytes) bytes") }
            if n > 0 { body = .length(n) }
        }

        let connection = Set(values("Connection").flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: " \t").lowercased() } })
        let keepAlive = minor >= 1 ? !connection.contains("close") : connection.contains("keep-alive") && !connection.contains("close")

        var expectContinue = false
        if let expect = values("Expect").first {
            guard expect.lowercased() == "100-continue" else { throw RequestFailure(417, "unsupported expectation") }
            expectContinue = minor >= 1 && body != .none
        }
        return RequestHead(method: method, target: target, minorVersion: minor, headers: headers, body: body,
                           keepAlive: keepAlive, expectContinue: expectContinue)
    }

    /// `GET /path HTTP/1.1` → its three parts. Versions other than 1.x get 505.
    static func requestLineParts(_ line: ArraySlice<UInt8>) throws(RequestFailure) -> (String, String, Int) {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw RequestFailure(400, "malformed request line") }
        let method = parts[0], target = parts[1], version = parts[2]
        guard !method.isEmpty, method.allSatisfy(HeaderName.isToken) else { throw RequestFailure(400, "invalid method") }
        guard !target.isEmpty, target.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else { throw RequestFailure(400, "invalid request target") }
        let v = Array(version)
        guard v.count == 8, v.starts(with: Array("HTTP/".utf8)), v[6] == UInt8(ascii: "."),
              (0x30...0x39).contains(v[5]), (0x30...0x39).contains(v[7]) else {
            throw RequestFailure(400, "malformed HTTP version")
        }
        guard v[5] == UInt8(ascii: "1") else { throw RequestFailure(505, "unsupported HTTP version") }
        return (String(decoding: method, as: UTF8.self), String(decoding: target, as: UTF8.self), Int(v[7] - 0x30))
    }

    /// A non-negative decimal without sign or spaces; nil on overflow or anything else.
    static func decimal(_ s: String) -> Int? {
        guard !s.isEmpty, s.utf8.count <= 18, s.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(s)
    }
}
