import Glibc

/// A resolved IPv4 or IPv6 socket address, with its text form (`127.0.0.1:9100`, `[::1]:9100`) for
/// error messages.
struct SocketAddress: Sendable {
    var storage: sockaddr_storage
    var length: socklen_t

    var family: Int32 { Int32(storage.ss_family) }

    /// Parses an IPv4 or IPv6 literal; nil for host names.
    init?(literal host: String, port: Int) {
        var s = sockaddr_storage()
        var ok = false
        var len = socklen_t(0)
        withUnsafeMutableBytes(of: &s) { raw in
            if let base = raw.baseAddress {
                let v4 = base.assumingMemoryBound(to: sockaddr_in.self)
                if inet_pton(AF_INET, host, &v4.pointee.sin_addr) == 1 {
                    v4.pointee.sin_family = sa_family_t(AF_INET)
                    v4.pointee.sin_port = in_port_t(UInt16(port).bigEndian)
                    len = socklen_t(MemoryLayout<sockaddr_in>.size)
                    ok = true
                    return
                }
                let v6 = base.assumingMemoryBound(to: sockaddr_in6.self)
                if inet_pton(AF_INET6, host, &v6.pointee.sin6_addr) == 1 {
                    v6.pointee.sin6_family = sa_family_t(AF_INET6)
                    v6.pointee.sin6_port = in_port_t(UInt16(port).bigEndian)
                    len = socklen_t(MemoryLayout<sockaddr_in6>.size)
                    ok = true
                }
            }
        }
        guard ok else { return nil }
        storage = s
        length = len
    }

    init(copying addr: UnsafePointer<sockaddr>, length: socklen_t) {
        var s = sockaddr_storage()
        let n = min(Int(length), MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutableBytes(of: &s) { raw in
            if let base = raw.baseAddress { memcpy(base, UnsafeRawPointer(addr), n) }
        }
        storage = s
        self.length = socklen_t(n)
    }

    /// `127.0.0.1:9100` or `[::1]:9100`.
    var text: String {
        var s = storage
        return withUnsafeBytes(of: &s) { raw -> String in
            guard let base = raw.baseAddress else { return "?" }
            var buf = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
            if family == AF_INET {
                let a = base.assumingMemoryBound(to: sockaddr_in.self)
                var addr = a.pointee.sin_addr
                inet_ntop(AF_INET, &addr, &buf, socklen_t(buf.count))
                return SocketAddress.cString(buf) + ":\(UInt16(bigEndian: a.pointee.sin_port))"
            } else if family == AF_INET6 {
                let a = base.assumingMemoryBound(to: sockaddr_in6.self)
                var addr = a.pointee.sin6_addr
                inet_ntop(AF_INET6, &addr, &buf, socklen_t(buf.count))
                return "[" + SocketAddress.cString(buf) + "]:\(UInt16(bigEndian: a.pointee.sin6_port))"
            }
            return "?"
        }
    }

    private static func cString(_ buf: [CChar]) -> String {
        let bytes = buf.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
