/// What a handler answers: a status, header fields and the whole body. The server adds
/// `Content-Length`, `Date` and `Connection` itself (a handler's own values for those are ignored).
public struct HTTPServerResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A UTF-8 text response (`text/plain; charset=utf-8` unless another type is given).
    public static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8") -> HTTPServerResponse {
        HTTPServerResponse(status: status, headers: [("Content-Type", contentType)], body: Array(text.utf8))
    }

    /// A response with the given bytes and content type.
    public static func bytes(_ body: [UInt8], contentType: String, status: Int = 200) -> HTTPServerResponse {
        HTTPServerResponse(status: status, headers: [("Content-Type", contentType)], body: body)
    }

    /// `404 page not found`-style plain text for a status: `405 Method Not Allowed`.
    public static func status(_ code: Int) -> HTTPServerResponse {
        text("\(code) \(StatusReason.phrase(code))\n", status: code)
    }

    /// Adds a header field (keeps existing ones of that name).
    public mutating func addHeader(_ name: String, _ value: String) {
        headers.append((name, value))
    }
}
