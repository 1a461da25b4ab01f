/// Plain `http://` over our own sockets: reuses an idle kept-alive connection to the same `host:port`
/// when there is one (retrying once on a fresh connection if the server had closed it, for idempotent
/// methods), otherwise resolves the host and connects. All waiting happens on `EventLoop`.
enum SocketTransport {
    static func perform(_ request: HTTPRequest, bytes: [UInt8], limits: ResponseParser.Limits,
                        deadline: MonotonicTime) async -> Result<RawResponse, HTTPError.Kind> {
        let loop = EventLoop.shared
        let key = request.url.hostPort
        let isHEAD = request.method == "HEAD"
        if let fd = loop.takeIdle(key) {
            let spec = ExchangeSpec(poolKey: key, addresses: [], request: bytes, isHEAD: isHEAD, limits: limits, deadline: deadline)
            let outcome = await loop.run(spec, reusing: fd)
            let replayable = ["GET", "HEAD", "OPTIONS", "TRACE"].contains(request.method)
            if !(outcome.staleConnection && replayable) { return outcome.result }
        }
        if Task.isCancelled { return .failure(.cancelled) }
        let addresses: [SocketAddress]
        switch await Resolver.resolve(host: request.url.host, port: request.url.port, deadline: deadline) {
        case .success(let a): addresses = a
        case .failure(let e): return .failure(Task.isCancelled ? .cancelled : e)
        }
        let spec = ExchangeSpec(poolKey: key, addresses: addresses, request: bytes, isHEAD: isHEAD, limits: limits, deadline: deadline)
        return await loop.run(spec, reusing: nil).result
    }
}
