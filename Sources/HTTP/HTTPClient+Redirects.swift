extension HTTPClient {
    /// The next request when `response` is a redirect to follow, as Go's client decides: 301/302/303
    /// turn into GET without a body (HEAD stays HEAD), 307/308 repeat method and body; a 3xx without
    /// `Location` is returned as it is.
    func redirect(from request: HTTPRequest, response: RawResponse, redirects: Int) throws(HTTPError) -> HTTPRequest? {
        let status = response.status
        guard [301, 302, 303, 307, 308].contains(status), let location = response.headers["Location"] else { return nil }
        if redirects >= options.maxRedirects { throw request.error(.tooManyRedirects(redirects)) }
        guard let url = request.url.resolving(location) else {
            throw request.error(.malformedResponse("failed to parse Location header \(ResponseParser.quote(ArraySlice(location.utf8)))"))
        }
        var next = request
        next.url = url
        next.url.user = nil
        next.url.password = nil
        if status != 307 && status != 308 {
            if request.method != "GET" && request.method != "HEAD" { next.method = "GET" }
            next.body = nil
            next.headers.remove("Content-Type")
        }
        return next
    }

    /// Go's rule for `Authorization` on redirects: kept for the same host or a subdomain of it.
    static func mayForwardCredentials(from initial: String, to next: String) -> Bool {
        let a = initial.lowercased()
        let b = next.lowercased()
        if a == b { return true }
        return b.hasSuffix("." + a) && !a.contains(":") && a.contains(where: { $0.isLetter })
    }
}
