import Glibc

/// A `HOST:PORT` to listen on: `127.0.0.1:9464`, `[::1]:0`, `localhost:8080`, `:9464` (every
/// address, IPv4 and IPv6). Port 0 lets the kernel pick one.
struct ListenAddress {
    let host: String
    let port: Int
    let text: String

    struct Candidate {
        var storage: sockaddr_storage
        var length: socklen_t
        var family: Int32
    }

    init(_ text: String) throws(HTTPServerError) {
        self.text = text
        let hostPart: Substring
        let portPart: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw HTTPServerError("listen address \"\(text)\": missing ']' in address")
            }
            hostPart = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw HTTPServerError("listen address \"\(text)\": missing port in address") }
            portPart = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else {
                throw HTTPServerError("listen address \"\(text)\": missing port in address (expected HOST:PORT, e.g. 127.0.0.1:9464)")
            }
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
            if hostPart.contains(":") {
                throw HTTPServerError("listen address \"\(text)\": too many colons in address (write IPv6 as [::1]:PORT)")
            }
        }
        guard !portPart.isEmpty, portPart.utf8.count <= 5, portPart.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let port = Int(portPart), port <= 65535 else {
            throw HTTPServerError("listen address \"\(text)\": invalid port \"\(portPart)\"")
        }
        host = String(hostPart)
        self.port = port
    }

    /// The socket addresses for the host: a literal as it is, an empty host as every address, a
    /// name through the resolver (its first usable results).
    func resolve() throws(HTTPServerError) -> [Candidate] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_family = AF_UNSPEC
        var result: UnsafeMutablePointer<addrinfo>?
        let node: String? = host.isEmpty ? nil : host
        let rc = node.map { getaddrinfo($0, String(port), &hints, &result) } ?? getaddrinfo(nil, String(port), &hints, &result)
        guard rc == 0 else {
            let reason = String(cString: gai_strerror(rc))
            throw HTTPServerError("listen tcp \(text): lookup \(host): \(reason.prefix(1).lowercased() + reason.dropFirst())")
        }
        defer { freeaddrinfo(result) }
        var out: [Candidate] = []
        var p = result
        while let info = p {
            let family = info.pointee.ai_family
            if (family == AF_INET || family == AF_INET6), let addr = info.pointee.ai_addr {
                var storage = sockaddr_storage()
                let n = min(Int(info.pointee.ai_addrlen), MemoryLayout<sockaddr_storage>.size)
                withUnsafeMutableBytes(of: &storage) { raw in
                    if let base = raw.baseAddress { memcpy(base, UnsafeRawPointer(addr), n) }
                }
                out.append(Candidate(storage: storage, length: socklen_t(n), family: family))
            }
            p = info.pointee.ai_next
        }
        // Every address: the IPv6 wildcard first (it takes IPv4 too), the IPv4 one if IPv6 is off.
        if host.isEmpty { out.sort { $0.family == AF_INET6 && $1.family != AF_INET6 } }
        return out
    }
}
