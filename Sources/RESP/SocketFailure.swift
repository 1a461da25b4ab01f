import Glibc

/// What went wrong on the socket, before `RedisConnection` turns it into a `RedisError` with the address.
enum SocketFailure: Error {
    case resolve(String)
    case connect(String)
    case connectTimeout
    case timeout
    case closedByPeer
    case io(String)

    static func errnoText(_ code: Int32) -> String {
        guard let p = strerror(code) else { return "errno \(code)" }
        return String(cString: p)
    }
}
