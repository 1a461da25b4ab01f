import HTTPServer
import Synchronization

/// `--listen`: Vigil's own metrics on `/metrics` and health on `/-/healthy` and `/-/ready`,
/// served from one worker thread so a slow scraper never touches polling or rules. The
/// runtime it reports on is swapped on reload.
final class SelfEndpoint: Sendable {
    /// The runtime being reported on, shared with the server's handler.
    private final class Current: Sendable {
        let runtime: Mutex<Runtime?>
        init(_ r: Runtime) { runtime = Mutex(r) }
    }

    private let current: Current
    private let server: HTTPServer

    var address: String { server.addresses.map(\.description).joined(separator: ",") }

    init(listen: String, runtime: Runtime) throws(HTTPServerError) {
        let current = Current(runtime)
        self.current = current
        server = try HTTPServer(listen: [listen], options: HTTPServerOptions(handlerThreads: 1)) { request in
            guard request.method == "GET" || request.method == "HEAD" else {
                var r = HTTPServerResponse.text("method not allowed\n", status: 405)
                r.addHeader("Allow", "GET, HEAD")
                return r
            }
            switch request.path {
            case "/metrics":
                guard let rt = current.runtime.withLock({ $0 }) else { return .text("not ready\n", status: 503) }
                return .text(SelfMetrics.exposition(runtime: rt), contentType: "text/plain; version=0.0.4; charset=utf-8")
            case "/-/healthy": return .text("Vigil is Healthy.\n")
            case "/-/ready":
                return current.runtime.withLock { $0 != nil } ? .text("Vigil is Ready.\n") : .text("Vigil is not ready.\n", status: 503)
            case "/": return .text("Vigil: see /metrics, /-/healthy, /-/ready\n")
            default: return .text("404 page not found\n", status: 404)
            }
        }
    }

    func use(_ runtime: Runtime?) { current.runtime.withLock { $0 = runtime } }

    func stop() { server.stop() }
}
