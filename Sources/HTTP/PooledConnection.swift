import TLS

/// A kept-alive connection between requests: the socket and, for https, the TLS session on it (its
/// keys and sequence numbers must travel with the socket to the next exchange).
struct PooledConnection: Sendable {
    var fd: Int32
    var tls: TLSClientConnection?
}
