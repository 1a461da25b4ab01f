/// An `http://` or `https://` URL split into what a request needs: scheme, host (IPv6 without brackets),
/// port and the request target (path and query). User info in the URL is kept apart so that it can become
/// basic auth and never shows up in error texts.
public struct HTTPURL: Sendable, Hashable, CustomStringConvertible {
    public enum Scheme: String, Sendable, Hashable {
        case http
        case https

        var defaultPort: Int { self == .http ? 80 : 443 }
    }

    public var scheme: Scheme
    /// Lower-cased host name or address literal; IPv6 literals have no brackets.
    public var host: String
    public var port: Int
    /// Path and query as sent on the request line, always starting with `/`.
    public var target: String
    /// `user` and `password` from `http://user:password@host/`, if present.
    public var user: String?
    public var password: String?

    public init(scheme: Scheme, host: String, port: Int? = nil, target: String = "/") {
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port ?? scheme.defaultPort
        self.target = target.isEmpty ? "/" : target
    }

    /// Parses an absolute `http`/`https` URL. The fragment is dropped.
    public init(_ string: String) throws(HTTPError) {
        guard let url = HTTPURL.parse(Substring(string)) else {
            throw HTTPError(.invalidURL("cannot parse \(HTTPURL.quoteRedacted(string))"), method: "GET",
                            redactedURL: HTTPURL.redactUserInfo(string))
        }
        self = url
    }

    /// Whether the host is an IPv6 literal (it then needs brackets in `Host` and URLs).
    var isIPv6: Bool { host.contains(":") }

    /// `host:port` with brackets for IPv6 and without the port when it is the scheme's default, as the
    /// `Host` header wants it.
    public var authority: String {
        let h = isIPv6 ? "[\(host)]" : host
        return port == scheme.defaultPort ? h : "\(h):\(port)"
    }

    /// `host:port` always with the port: the key of the connection pool and the dial address in errors.
    var hostPort: String { (isIPv6 ? "[\(host)]" : host) + ":\(port)" }

    /// The URL with any password shown as `xxxxx`, like Go's `url.Redacted`.
    public var redacted: String {
        var s = scheme.rawValue + "://"
        if let user {
            s += user
            if password != nil { s += ":xxxxx" }
            s += "@"
        }
        return s + authority + target
    }

    public var description: String { redacted }

    /// The URL that a `Location` header points to, resolved against this one (RFC 3986 section 5.2, for
    /// the forms servers send: absolute, scheme-relative, absolute path, relative path, query only).
    func resolving(_ location: String) -> HTTPURL? {
        let loc = Substring(location.trimmingASCIIWhitespace())
        if loc.isEmpty { return nil }
        if let colon = loc.firstIndex(of: ":"), loc[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }),
           !loc[..<colon].isEmpty {
            return HTTPURL.parse(loc)
        }
        if loc.hasPrefix("//") { return HTTPURL.parse(Substring(scheme.rawValue + ":") + loc) }
        var result = self
        result.user = nil
        result.password = nil
        let withoutFragment = loc.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if withoutFragment.hasPrefix("/") {
            result.target = HTTPURL.removeDotSegments(String(withoutFragment))
        } else if withoutFragment.hasPrefix("?") {
            let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "/"
            result.target = String(path) + withoutFragment
        } else if withoutFragment.isEmpty {
            return self
        } else {
            let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "/"
            let dir = path.lastIndex(of: "/").map { path[...$0] } ?? "/"
            result.target = HTTPURL.removeDotSegments(String(dir) + withoutFragment)
        }
        return result
    }

    static func parse(_ s: Substring) -> HTTPURL? {
        guard let schemeEnd = s.range(of: "://") else { return nil }
        guard let scheme = Scheme(rawValue: s[..<schemeEnd.lowerBound].lowercased()) else { return nil }
        var rest = s[schemeEnd.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        for u in rest.utf8 where u <= 0x20 || u == 0x7F { return nil }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if target.hasPrefix("?") { target = "/" + target }
        if target.isEmpty { target = "/" }
        var user: String?
        var password: String?
        if let at = authority.lastIndex(of: "@") {
            let info = authority[..<at]
            if let colon = info.firstIndex(of: ":") {
                user = percentDecoded(info[..<colon])
                password = percentDecoded(info[info.index(after: colon)...])
            } else {
                user = percentDecoded(info)
            }
            authority = authority[authority.index(after: at)...]
        }
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return nil }
                portText = after.dropFirst()
            }
            guard host.contains(":"), host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return nil }
        } else {
            if let colon = authority.lastIndex(of: ":") {
                host = authority[..<colon]
                portText = authority[authority.index(after: colon)...]
            } else {
                host = authority
            }
            guard host.utf8.allSatisfy({ HTTPURL.isHostByte($0) }) else { return nil }
        }
        guard !host.isEmpty else { return nil }
        var port = scheme.defaultPort
        if let portText, !portText.isEmpty {
            guard portText.utf8.count <= 5, let p = Int(portText), p > 0, p <= 65535 else { return nil }
            port = p
        }
        var url = HTTPURL(scheme: scheme, host: String(host), port: port, target: target)
        url.user = user
        url.password = password
        return url
    }

    private static func isHostByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"):
            return true
        default:
            return b >= 0x80
        }
    }

    private static func percentDecoded(_ s: Substring) -> String {
        var out: [UInt8] = []
        var bytes = s.utf8.makeIterator()
        while let b = bytes.next() {
            if b == UInt8(ascii: "%"), let h = bytes.next(), let l = bytes.next(),
               let hv = hexValue(h), let lv = hexValue(l) {
                out.append(hv << 4 | lv)
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// RFC 3986 section 5.2.4 on the path part; the query is kept as it is.
    static func removeDotSegments(_ target: String) -> String {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts.first ?? ""
        var out: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (i, seg) in segments.enumerated() {
            if i == 0 { continue }
            if seg == "." { if i == segments.count - 1 { out.append("") }; continue }
            if seg == ".." {
                if !out.isEmpty { out.removeLast() }
                if i == segments.count - 1 { out.append("") }
                continue
            }
            out.append(seg)
        }
        var result = "/" + out.joined(separator: "/")
        if parts.count == 2 { result += "?" + parts[1] }
        return result
    }

    /// For error texts about unparsable URLs: the input with any user info removed.
    static func redactUserInfo(_ s: String) -> String {
        guard let schemeEnd = s.range(of: "://") else { return s }
        let rest = s[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return s }
        return String(s[..<schemeEnd.upperBound]) + "xxxxx@" + rest[rest.index(after: at)...]
    }

    static func quoteRedacted(_ s: String) -> String { "\"\(redactUserInfo(s))\"" }
}

extension StringProtocol {
    func trimmingASCIIWhitespace() -> Substring {
        let u = Substring(self)
        var start = u.startIndex
        var end = u.endIndex
        while start < end, u[start] == " " || u[start] == "\t" { start = u.index(after: start) }
        while end > start, u[u.index(before: end)] == " " || u[u.index(before: end)] == "\t" { end = u.index(before: end) }
        return u[start..<end]
    }
}
