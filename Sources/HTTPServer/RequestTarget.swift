/// The path and query of a request target in any of its forms: origin (`/a?b`), absolute
/// (`http://host/a?b`), asterisk (`*`) and authority (`host:443`, for CONNECT).
struct RequestTarget {
    var path: String
    var query: String

    init(_ target: String) {
        var rest = Substring(target)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        if !rest.hasPrefix("/"), rest != "*", let scheme = rest.range(of: "://") {
            // Absolute form: the path starts at the first `/` after the authority.
            let afterAuthority = rest[scheme.upperBound...]
            if let slash = afterAuthority.firstIndex(where: { $0 == "/" || $0 == "?" }) {
                rest = afterAuthority[slash...]
            } else {
                rest = "/"
            }
            if rest.hasPrefix("?") { rest = "/" + rest }
        }
        if let q = rest.firstIndex(of: "?") {
            path = FormDecoding.decode(Array(rest[..<q].utf8)[...], plusIsSpace: false)
            query = String(rest[rest.index(after: q)...])
        } else {
            path = FormDecoding.decode(Array(rest.utf8)[...], plusIsSpace: false)
            query = ""
        }
    }
}

/// Header names compared as HTTP compares them: ASCII case-insensitively.
enum HeaderName {
    static func same(_ a: String, _ b: String) -> Bool {
        var ia = a.utf8.makeIterator()
        var ib = b.utf8.makeIterator()
        while true {
            switch (ia.next(), ib.next()) {
            case (nil, nil): return true
            case (let x?, let y?):
                if x != y && lower(x) != lower(y) { return false }
            default: return false
            }
        }
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
        b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
    }

    /// RFC 9110 `tchar`: what a method or a field name may consist of.
    static func isToken(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(b)
        }
    }
}
