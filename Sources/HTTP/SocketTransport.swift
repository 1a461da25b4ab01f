import TLS

/// `http://` and `https://` over our own sockets: reuses an idle kept-alive connection with the same
/// pool key when there is one (retrying once on a fresh connection if the server had closed it, for
/// idempotent methods), otherwise resolves the host and connects; for https the TLS handshake runs on
/// the same event loop. All waiting happens on `EventLoop`.
enum SocketTransport {
    /// `poolKey` is `host:port` for http; for https it also names the TLS settings, so that a connection
    /// verified one way is never reused for a request that wants another.
    static func perform(_ request: HTTPRequest, bytes: [UInt8], limits: ResponseParser.Limits, deadline: MonotonicTime,
                        poolKey: String, tls: TLSClientConnection.Configuration?) async -> ExchangeOutcome {
        let loop = EventLoop.shared
        let isHEAD = request.method == "HEAD"
        if let connection = loop.takeIdle(poolKey) {
            let spec = ExchangeSpec(poolKey: poolKey, hostPort: request.url.hostPort, addresses: [], request: bytes, isHEAD: isHEAD, limits: limits,
                                    deadline: deadline, tls: tls)
            let outcome = await loop.run(spec, reusing: connection)
            let replayable = ["GET", "HEAD", "OPTIONS", "TRACE"].contains(request.method)
            if !(outcome.staleConnection && replayable) { return outcome }
        }
        if Task.isCancelled { return ExchangeOutcome(result: .failure(.cancelled), staleConnection: false) }
        let addresses: [SocketAddress]
        switch await Resolver.resolve(host: request.url.host, port: request.url.port, deadline: deadline) {
        case .success(let a): addresses = a
        case .failure(let e): return ExchangeOutcome(result: .failure(Task.isCancelled ? .cancelled : e), staleConnection: false)
        }
        let spec = ExchangeSpec(poolKey: poolKey, hostPort: request.url.hostPort, addresses: addresses, request: bytes, isHEAD: isHEAD, limits: limits,
                                deadline: deadline, tls: tls)
        return await loop.run(spec, reusing: nil)
    }
}
