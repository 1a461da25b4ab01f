import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `https://` through Foundation's URLSession (libcurl on Linux) for servers our TLS 1.3 client cannot
/// talk to (TLS 1.2 only; see `TLSFallbackMemory`), behind the same contract as the socket client: our
/// own overall deadline (URLSession's own timeout is an idle timeout), the body size limit enforced
/// while data streams in, redirects handed back to `HTTPClient`, no cookies, no cache. It verifies
/// against libcurl's system CA bundle and the URL's host only, which is why `tls_config` options that
/// need more keep such servers off this path.
///
/// Known hazard, outside our reach: FoundationNetworking (swift-corelibs-foundation 6.x) stops the
/// whole process when a response carries chunked trailers (`NativeProtocol.swift: Fatal error: Transfer
/// completed, but there's no response.`): libcurl hands the trailer lines to the header callback, which
/// starts a new, never-finished header block. Its delegate calls come asynchronously and the response
/// disposition is ignored, so no delegate can stop the transfer first. Plain http and TLS 1.3 https
/// never come here; a TLS 1.2-only server that sends trailers (Go's net/http does when a handler
/// declares them; exporters do not) still takes Vigil down. Only TLS 1.2 in our own client removes it.
final class URLSessionTransport: Sendable {
    private let session: URLSession
    private let router: URLSessionRouter

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpMaximumConnectionsPerHost = 16
        router = URLSessionRouter()
        session = URLSession(configuration: configuration, delegate: router, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    func perform(_ request: HTTPRequest, authorization: HTTPAuthorization?, userAgent: String, bodyLimit: Int,
                 deadline: MonotonicTime) async -> Result<RawResponse, HTTPError.Kind> {
        guard let url = URL(string: request.url.scheme.rawValue + "://" + request.url.authority + request.url.target) else {
            return .failure(.invalidURL("cannot build a URL for \(request.url.redacted)"))
        }
        let remaining = deadline.since(MonotonicTime.now())
        if remaining <= .zero { return .failure(.timeout) }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        // A backstop only: libcurl's timer restarts on every callback, so the real deadline is ours.
        urlRequest.timeoutInterval = Double(remaining.components.seconds) + 2
        for field in request.headers {
            guard !field.value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }),
                  !field.name.isEmpty, field.name.utf8.allSatisfy(ResponseParser.isTokenByte) else {
                return .failure(.invalidRequest("invalid header field \(ResponseParser.quote(ArraySlice(field.name.utf8)))"))
            }
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        if urlRequest.value(forHTTPHeaderField: "User-Agent") == nil { urlRequest.setValue(userAgent, forHTTPHeaderField: "User-Agent") }
        if urlRequest.value(forHTTPHeaderField: "Accept") == nil { urlRequest.setValue("*/*", forHTTPHeaderField: "Accept") }
        if let authorization, urlRequest.value(forHTTPHeaderField: "Authorization") == nil {
            urlRequest.setValue(authorization.headerValue, forHTTPHeaderField: "Authorization")
        }
        if let body = request.body { urlRequest.httpBody = Data(body) }

        let task = session.dataTask(with: urlRequest)
        let id = task.taskIdentifier
        let hostPort = request.url.hostPort
        let router = self.router
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Result<RawResponse, HTTPError.Kind>, Never>) in
                router.register(id, task: task, limit: bodyLimit, hostPort: hostPort, continuation: c)
                let (s, atto) = remaining.components
                let ns = Int(clamping: s) &* 1_000_000_000 &+ Int(atto / 1_000_000_000)
                DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(ns)) { router.fail(id, .timeout) }
                task.resume()
            }
        } onCancel: {
            router.fail(id, .cancelled)
        }
    }
}
