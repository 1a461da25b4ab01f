/// What Prometheus's template functions need from the outside: the external URL (for
/// `externalURL`/`pathPrefix`) and a way to run PromQL queries (for `query`).
public struct TemplateEnvironment {
    public var externalURL: String
    /// Runs `query "expr"`; when nil, `query` fails with an error.
    public var query: QueryFunction?

    public init(externalURL: String = "", query: QueryFunction? = nil) {
        self.externalURL = externalURL
        self.query = query
    }

    /// `url.URL.Path` of the external URL: the decoded path, without query or fragment.
    var pathPrefix: String {
        var rest = Substring(externalURL)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        }
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        return String(rest).removingPercentEncodingGo
    }
}

extension String {
    /// Decodes `%XX` escapes (left as is when malformed).
    var removingPercentEncodingGo: String {
        var bytes: [UInt8] = []
        let src = Array(utf8)
        var i = 0
        while i < src.count {
            if src[i] == UInt8(ascii: "%"), i + 2 < src.count,
               let v = UInt8(String(decoding: src[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(v)
                i += 3
            } else {
                bytes.append(src[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
