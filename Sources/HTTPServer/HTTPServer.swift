import Foundation

/// A small HTTP/1.1 server on our own sockets, for Vigil's `--listen` endpoints and the built-in
/// demo's simulated services.
///
/// One event-loop thread waits with `poll(2)` on every listener and connection: keep-alive and
/// pipelined requests, Content-Length and chunked bodies, `Expect: 100-continue`, limits on head
/// and body size, and timeouts for slow or idle clients. Each complete request goes to `handler`:
/// on the loop thread when `options.handlerThreads` is 0 (the default; keep the handler quick), or
/// on one of that many worker threads. Listening starts in `init`; `stop()` closes every listener
/// and connection and waits for the threads to end.
public final class HTTPServer: Sendable {
    /// The bound addresses, in the order given (with the real port where `:0` was asked for).
    public let addresses: [HTTPServerAddress]
    private let control: ServerControl

    /// Listens on each `HOST:PORT` (`127.0.0.1:0`, `[::1]:9464`, `:9464` for every address).
    public init(listen: [String], options: HTTPServerOptions = HTTPServerOptions(),
                handler: @escaping @Sendable (HTTPServerRequest) -> HTTPServerResponse) throws(HTTPServerError) {
        guard !listen.isEmpty else { throw HTTPServerError("http server: no listen address") }
        var bound: [(fd: Int32, address: HTTPServerAddress)] = []
        do {
            for text in listen {
                bound.append(try ServerSocket.listen(ListenAddress(text)))
            }
        } catch {
            for b in bound { close(b.fd) }
            throw error
        }
        let control: ServerControl
        do {
            control = try ServerControl()
        } catch {
            for b in bound { close(b.fd) }
            throw error
        }
        self.control = control
        addresses = bound.map(\.address)
        let pool = options.handlerThreads > 0 ? WorkerPool(threads: options.handlerThreads, control: control, handler: handler) : nil
        control.finished.enter()
        let listeners = bound
        let thread = Thread {
            control.registerCurrentThread()
            ServerLoop(control: control, listeners: listeners, options: options, handler: handler, pool: pool).run()
            control.finished.leave()
        }
        thread.name = "vigil-http-server"
        thread.start()
    }

    /// Listens on one `HOST:PORT` (default: loopback, a port the kernel picks).
    public convenience init(listen: String = "127.0.0.1:0", options: HTTPServerOptions = HTTPServerOptions(),
                            handler: @escaping @Sendable (HTTPServerRequest) -> HTTPServerResponse) throws(HTTPServerError) {
        try self.init(listen: [listen], options: options, handler: handler)
    }

    /// The port of the first address.
    public var port: Int { addresses[0].port }

    public var statistics: HTTPServerStatistics { control.statistics }

    /// Closes every listener and connection and waits until the loop and worker threads have ended
    /// (a handler still running is waited for). Called from a handler, it returns at once and the
    /// server stops after that handler. Safe to call more than once.
    public func stop() {
        _ = control.requestStop()
        if !control.isOwnThread { control.finished.wait() }
    }

    deinit {
        _ = control.requestStop()
    }
}
