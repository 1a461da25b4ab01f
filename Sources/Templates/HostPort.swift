#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Go's `net.SplitHostPort`, `net.JoinHostPort` and `net.ParseIP`, behind Prometheus's
/// `stripPort` and `stripDomain`.
enum HostPort {
    static func split(_ hostport: String) -> (host: String, port: String)? {
        let b = Array(hostport.utf8)
        guard let i = b.lastIndex(of: UInt8(ascii: ":")) else { return nil }
        var j = 0, k = 0
        let host: [UInt8]
        if b.first == UInt8(ascii: "[") {
            guard let end = b.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            if end + 1 == b.count { return nil }
            if end + 1 != i { return nil }
            host = Array(b[1..<end])
            j = 1
            k = end + 1
        } else {
            host = Array(b[..<i])
            if host.contains(UInt8(ascii: ":")) { return nil }
        }
        if b[j...].contains(UInt8(ascii: "[")) { return nil }
        if b[k...].contains(UInt8(ascii: "]")) { return nil }
        return (String(decoding: host, as: UTF8.self), String(decoding: b[(i + 1)...], as: UTF8.self))
    }

    static func join(_ host: String, _ port: String) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    static func isIP(_ s: String) -> Bool {
        if isIPv4(s) { return true }
        guard s.contains(":"), !s.contains("%") else { return false }
        var addr = in6_addr()
        return inet_pton(AF_INET6, s, &addr) == 1
    }

    private static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { p in
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let v = Int(p), v <= 255 else { return false }
            return !(p.count > 1 && p.first == "0")
        }
    }

    static func stripPort(_ hostport: String) -> String {
        split(hostport)?.host ?? hostport
    }

    static func stripDomain(_ hostport: String) -> String {
        let parts = split(hostport)
        let host = parts?.host ?? hostport
        if isIP(host) { return hostport }
        let short = String(host.split(separator: ".", omittingEmptySubsequences: false).first ?? "")
        if let port = parts?.port, !port.isEmpty { return join(short, port) }
        return short
    }
}
