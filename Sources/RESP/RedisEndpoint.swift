/// Where and how to reach one Redis server: address, credentials, database, from a `redis://` URL or
/// from separate config fields. Its descriptions never contain the password.
public struct RedisEndpoint: Sendable, Hashable {
    public var host: String
    public var port: Int
    /// ACL user name (`AUTH username password`); nil authenticates as the default user.
    public var username: String?
    /// nil sends no `AUTH`.
    public var password: String?
    /// Database index selected with `SELECT` after connecting (0 needs no command).
    public var database: Int
    /// Set for `rediss://` URLs. `RedisConnection` refuses such endpoints: there is no TLS
    /// implementation available to this package on Linux.
    public var tls: Bool

    public static let defaultPort = 6379

    public init(host: String, port: Int = RedisEndpoint.defaultPort, username: String? = nil,
                password: String? = nil, database: Int = 0, tls: Bool = false) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// `host:port`, with IPv6 literals in brackets: the form used in error messages.
    public var address: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

extension RedisEndpoint: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The endpoint as a URL with the password replaced by `***`.
    public var description: String {
        var s = tls ? "rediss://" : "redis://"
        if password != nil || username != nil {
            s += (username.map(RedisEndpoint.percentEncode) ?? "") + (password == nil ? "" : ":***") + "@"
        }
        s += address
        if database != 0 { s += "/\(database)" }
        return s
    }

    public var debugDescription: String { "RedisEndpoint(\(description))" }

    /// Keeps `dump` and debuggers from showing the password.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "host": host, "port": port, "username": username as Any,
            "password": password == nil ? "nil" : "***", "database": database, "tls": tls,
        ])
    }

    static func percentEncode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Unicode.Scalar(b)
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "-._~".unicodeScalars.contains(c) {
                out.unicodeScalars.append(c)
            } else {
                out += "%" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
