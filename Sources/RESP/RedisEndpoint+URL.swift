/// Parsing of `redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]` and `rediss://…` (user, password and host
/// may be percent-encoded; IPv6 hosts go in brackets). Errors name the faulty part but never quote
/// the user info, which holds the password.
extension RedisEndpoint {
    public init(url: String) throws(RedisError) {
        let scheme: Substring
        let rest: Substring
        if let r = url.firstRange(of: "://") {
            scheme = url[..<r.lowerBound]
            rest = url[r.upperBound...]
        } else {
            throw .invalidURL("missing scheme: expected redis://HOST[:PORT][/DB]")
        }
        switch scheme.lowercased() {
        case "redis": tls = false
        case "rediss": tls = true
        default:
            let shown = scheme.count > 20 ? String(scheme.prefix(20)) + "…" : String(scheme)
            throw .invalidURL("unsupported scheme \"\(shown)\": expected redis:// or rediss://")
        }
        if rest.contains("#") { throw .invalidURL("fragments (#) are not allowed") }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let tail = rest[authorityEnd...]

        username = nil
        password = nil
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
            guard let colon = userInfo.firstIndex(of: ":") else {
                throw .invalidURL("user info must be :PASSWORD or USER:PASSWORD (no ':' found before '@')")
            }
            guard let user = Self.percentDecode(userInfo[..<colon]),
                  let pass = Self.percentDecode(userInfo[userInfo.index(after: colon)...]) else {
                throw .invalidURL("invalid percent-encoding in the user info")
            }
            if pass.isEmpty {
                if !user.isEmpty { throw .invalidURL("user name given without a password") }
            } else {
                password = pass
                username = user.isEmpty ? nil : user
            }
        }

        // Host and port.
        var hostPart: Substring
        var portPart: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalidURL("unterminated IPv6 address '['") }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidURL("unexpected text after the IPv6 address") }
                portPart = after.dropFirst()
            }
            // Hex digits, colons and dots, then an optional `%25`-encoded zone such as `%25eth0`.
            let decoded = Self.percentDecode(hostPart) ?? ""
            let parts = decoded.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false)
            guard let address = parts.first, address.contains(":"),
                  address.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }),
                  parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })) else {
                throw .invalidURL("invalid IPv6 address [\(Self.shorten(String(hostPart)))]")
            }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portPart = authority[authority.index(after: colon)...]
        } else {
            hostPart = authority
        }
        guard let decodedHost = Self.percentDecode(hostPart) else { throw .invalidURL("invalid percent-encoding in the host") }
        guard !decodedHost.isEmpty else { throw .invalidURL("missing host") }
        guard decodedHost.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 && $0 != "/" && $0 != "@" }) || authority.hasPrefix("[") else {
            throw .invalidURL("invalid host \"\(Self.shorten(decodedHost))\"")
        }
        host = decodedHost
        if let portPart {
            guard !portPart.isEmpty, portPart.count <= 5, portPart.allSatisfy(\.isASCII), portPart.allSatisfy(\.isNumber),
                  let p = Int(portPart), p >= 1, p <= 65535 else {
                throw .invalidURL("invalid port \"\(Self.shorten(String(portPart)))\": expected 1-65535")
            }
            port = p
        } else {
            port = Self.defaultPort
        }

        // Database and query.
        database = 0
        var pathPart = tail
        if let q = tail.firstIndex(of: "?") {
            let query = tail[tail.index(after: q)...]
            if !query.isEmpty { throw .invalidURL("query parameters are not supported (put the database in the path: /DB)") }
            pathPart = tail[..<q]
        }
        if pathPart.hasPrefix("/") {
            let db = pathPart.dropFirst()
            if !db.isEmpty {
                guard db.count <= 9, db.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(db) else {
                    throw .invalidURL("invalid database \"\(Self.shorten(String(db)))\": expected a number")
                }
                database = n
            }
        }
    }

    private static func shorten(_ s: String) -> String {
        s.count > 40 ? String(s.prefix(40)) + "…" : s
    }

    /// Decodes `%XX` escapes; nil on a malformed escape or invalid UTF-8.
    static func percentDecode(_ s: Substring) -> String? {
        guard s.contains("%") else { return String(s) }
        var bytes: [UInt8] = []
        let utf8 = Array(s.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%") {
                guard i + 2 < utf8.count, let hi = hexValue(utf8[i + 1]), let lo = hexValue(utf8[i + 2]) else { return nil }
                bytes.append(hi << 4 | lo)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
