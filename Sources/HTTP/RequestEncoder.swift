/// Builds the bytes of an HTTP/1.1 request: request line, `Host`, defaults for `User-Agent`, `Accept`
/// and `Accept-Encoding`, credentials, the caller's headers, `Content-Length` and the body. Rejects
/// header names and values that would let a value inject another header.
enum RequestEncoder {
    static func encode(_ request: HTTPRequest, authorization: HTTPAuthorization?, userAgent: String,
                       acceptEncoding: String?) throws(HTTPError.Kind) -> [UInt8] {
        guard !request.method.isEmpty, request.method.utf8.allSatisfy(ResponseParser.isTokenByte) else {
            throw .invalidRequest("invalid method \(ResponseParser.quote(ArraySlice(request.method.utf8)))")
        }
        var head = request.method
        head.reserveCapacity(256)
        head += " " + request.url.target + " HTTP/1.1\r\nHost: " + request.url.authority + "\r\n"
        for field in request.headers {
            try validate(field.name, field.value)
        }
        if !request.headers.contains("User-Agent") { head += "User-Agent: " + userAgent + "\r\n" }
        if !request.headers.contains("Accept") { head += "Accept: */*\r\n" }
        if let acceptEncoding, !request.headers.contains("Accept-Encoding") {
            head += "Accept-Encoding: " + acceptEncoding + "\r\n"
        }
        if let authorization, !request.headers.contains("Authorization") {
            let value = authorization.headerValue
            guard !value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) else {
                throw .invalidRequest("credentials contain a line break")
            }
            head += "Authorization: " + value + "\r\n"
        }
        for field in request.headers where !HTTPHeaders.sameName(field.name, "Content-Length") && !HTTPHeaders.sameName(field.name, "Host") {
            head += field.name + ": " + field.value + "\r\n"
        }
        let body = request.body ?? []
        if request.body != nil || ["POST", "PUT", "PATCH"].contains(request.method) {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if !body.isEmpty { bytes.append(contentsOf: body) }
        return bytes
    }

    private static func validate(_ name: String, _ value: String) throws(HTTPError.Kind) {
        guard !name.isEmpty, name.utf8.allSatisfy(ResponseParser.isTokenByte) else {
            throw .invalidRequest("invalid header field name \(ResponseParser.quote(ArraySlice(name.utf8)))")
        }
        // The value is not quoted: it may be a secret.
        guard !value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) else {
            throw .invalidRequest("invalid header field value for \(ResponseParser.quote(ArraySlice(name.utf8)))")
        }
    }
}
