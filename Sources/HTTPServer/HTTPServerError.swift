/// Why a server could not start: a malformed `HOST:PORT`, a host that does not resolve, or a socket
/// call that failed, worded as Go's `net.Listen` errors (`listen tcp 127.0.0.1:80: bind: permission denied`).
public struct HTTPServerError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
