import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// URLSession's delegate: routes callbacks to the waiting request by task identifier, collects the
/// body while counting it against the limit (cancelling the task the moment it is exceeded), stops
/// redirects so `HTTPClient` applies its own policy, and maps URLSession errors to `HTTPError.Kind`.
/// All per-task state sits behind one mutex.
final class URLSessionRouter: NSObject, URLSessionDataDelegate, Sendable {
    private struct Pending {
        var task: URLSessionTask
        var continuation: CheckedContinuation<Result<RawResponse, HTTPError.Kind>, Never>
        var limit: Int
        var hostPort: String
        var body: [UInt8] = []
        var response: HTTPURLResponse?
        var firstByte: MonotonicTime?
        var failure: HTTPError.Kind?
    }

    private let pending = Mutex<[Int: Pending]>([:])

    func register(_ id: Int, task: URLSessionTask, limit: Int, hostPort: String,
                  continuation: CheckedContinuation<Result<RawResponse, HTTPError.Kind>, Never>) {
        pending.withLock { $0[id] = Pending(task: task, continuation: continuation, limit: limit, hostPort: hostPort) }
    }

    /// Ends task `id` with `kind` (deadline, cancellation) unless it already ended.
    func fail(_ id: Int, _ kind: HTTPError.Kind) {
        let task: URLSessionTask? = pending.withLock { p in
            guard p[id] != nil, p[id]?.failure == nil else { return nil }
            p[id]?.failure = kind
            return p[id]?.task
        }
        task?.cancel()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let now = MonotonicTime.now()
        pending.withLock { p in
            p[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse
            if p[dataTask.taskIdentifier]?.firstByte == nil { p[dataTask.taskIdentifier]?.firstByte = now }
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let over: Bool = pending.withLock { p in
            guard var entry = p[id], entry.failure == nil else { return false }
            p[id] = nil
            defer { p[id] = entry }
            if entry.body.count + data.count > entry.limit {
                entry.failure = .bodySizeLimitExceeded(entry.limit)
                entry.body = []
                return true
            }
            entry.body.append(contentsOf: data)
            return false
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let entry = pending.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        let result: Result<RawResponse, HTTPError.Kind>
        if let failure = entry.failure {
            result = .failure(failure)
        } else if let error {
            result = .failure(URLSessionRouter.kind(for: error, hostPort: entry.hostPort))
        } else if let response = entry.response {
            var headers = HTTPHeaders()
            for (k, v) in response.allHeaderFields {
                if let name = k as? String, let value = v as? String { headers.add(name, value) }
            }
            // libcurl already undid any Content-Encoding; drop the header so it is not decoded twice.
            headers.remove("Content-Encoding")
            let reason = HTTPURLResponse.localizedString(forStatusCode: response.statusCode)
            result = .success(RawResponse(status: response.statusCode, reason: URLSessionRouter.goReason(response.statusCode, fallback: reason),
                                          headers: headers, body: entry.body, connectedAt: nil,
                                          firstByteAt: entry.firstByte ?? MonotonicTime.now(), reusedConnection: false))
        } else {
            result = .failure(.eof)
        }
        entry.continuation.resume(returning: result)
    }

    /// URLSession does not expose the reason phrase; Foundation's standard text in title case
    /// (`Internal Server Error`) is what Go's `StatusText` would give.
    static func goReason(_ code: Int, fallback: String) -> String {
        code == 200 ? "OK" : fallback.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    static func kind(for error: any Error, hostPort: String) -> HTTPError.Kind {
        let ns = error as NSError
        let text = ns.localizedDescription
        let lower = text.lowercased()
        if lower.contains("ssl") || lower.contains("certificate") || lower.contains("tls") {
            return .tls(text)
        }
        switch ns.code {
        case NSURLErrorTimedOut: return .timeout
        case NSURLErrorCancelled: return .cancelled
        case NSURLErrorCannotConnectToHost: return .connect(address: hostPort, reason: "connection refused")
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed:
            return .dns(host: String(hostPort.split(separator: ":").first ?? ""), reason: "no such host")
        case NSURLErrorNetworkConnectionLost: return .unexpectedEOF
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate,
             NSURLErrorServerCertificateHasUnknownRoot, NSURLErrorServerCertificateNotYetValid:
            return .tls(text)
        default:
            return .io(operation: "read", address: hostPort, reason: text)
        }
    }
}
