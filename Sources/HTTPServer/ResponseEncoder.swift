/// Turns a handler's response into bytes on the wire: status line, the handler's fields (sanitized),
/// then `Content-Length`, `Date`, `Connection`; no body for HEAD, 1xx, 204 and 304.
struct ResponseEncoder {
    var date = HTTPDate()
    let serverName: String?

    init(serverName: String?) {
        self.serverName = serverName
    }

    mutating func encode(_ response: HTTPServerResponse, headRequest: Bool, close: Bool) -> [UInt8] {
        var status = response.status
        if !(100...999).contains(status) { status = 500 }
        var out: [UInt8] = []
        out.reserveCapacity(256 + response.body.count)
        out += Array("HTTP/1.1 \(status) \(StatusReason.phrase(status))\r\n".utf8)
        let managed = ["content-length", "transfer-encoding", "connection", "date", "keep-alive"]
        var hasServer = false
        for field in response.headers {
            guard !field.name.isEmpty, field.name.utf8.allSatisfy(HeaderName.isToken),
                  !managed.contains(where: { HeaderName.same($0, field.name) }) else { continue }
            if HeaderName.same(field.name, "server") { hasServer = true }
            out += Array(field.name.utf8)
            out += [UInt8(ascii: ":"), UInt8(ascii: " ")]
            // A value cannot break the head: line breaks and NULs become spaces.
            for b in field.value.utf8 { out.append(b == 0x0D || b == 0x0A || b == 0 ? 0x20 : b) }
            out += [0x0D, 0x0A]
        }
        if !hasServer, let serverName { out += Array("Server: \(serverName)\r\n".utf8) }
        out += Array("Date: \(date.current())\r\n".utf8)
        let bodyless = status < 200 || status == 204 || status == 304
        if !bodyless { out += Array("Content-Length: \(response.body.count)\r\n".utf8) }
        if close { out += Array("Connection: close\r\n".utf8) }
        out += [0x0D, 0x0A]
        if !bodyless && !headRequest { out += response.body }
        return out
    }

    /// A small error response that closes the connection (`400 Bad Request: malformed header`).
    mutating func error(_ status: Int, _ message: String) -> [UInt8] {
        encode(.text("\(status) \(StatusReason.phrase(status)): \(message)\n", status: status), headRequest: false, close: true)
    }
}
