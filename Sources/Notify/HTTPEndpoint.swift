import Config
import Foundation
import HTTP

/// An HTTP destination from a notifier's config: the URL, extra headers, credentials (read
/// per request), the timeout and TLS settings, and one client for all its requests.
public struct HTTPEndpoint: Sendable {
    public var url: String
    public var headers: [String: String]
    public var basicAuth: BasicAuth?
    public var bearerToken: SecretSource?
    public var timeout: Duration
    let client: HTTPClient

    /// The most response body read (an answer to a POST is small; a silence list may be long).
    static let bodyLimit = 16 << 20

    public init(url: String, headers: [String: String] = [:], basicAuth: BasicAuth? = nil,
                bearerToken: SecretSource? = nil, timeout: Duration = .seconds(10), tls: TLSConfig? = nil) {
        self.url = url
        self.headers = headers
        self.basicAuth = basicAuth
        self.bearerToken = bearerToken
        self.timeout = timeout
        var options = HTTPClientOptions()
        if let tls {
            options.tls = TLSOptions(caFile: tls.caFile, certFile: tls.certFile, keyFile: tls.keyFile,
                                     insecureSkipVerify: tls.insecureSkipVerify, serverName: tls.serverName)
        }
        client = HTTPClient(options: options)
    }

    /// From an `alertmanager` or `webhook` notifier's config.
    public init(_ config: NotifierConfig) {
        self.init(url: config.url ?? "", headers: config.headers, basicAuth: config.basicAuth,
                  bearerToken: config.bearerToken, timeout: .milliseconds(config.timeout.milliseconds), tls: config.tls)
    }

    /// The URL with any password replaced, for messages.
    public var redactedURL: String {
        (try? HTTPURL(url))?.redacted ?? "<invalid URL>"
    }

    /// Sends `method url+path` with an optional JSON body and returns the response (any status).
    func send(method: String, url target: String, json body: [UInt8]?) async throws(NotifyError) -> HTTPResponse {
        var request: HTTPRequest
        do throws(HTTPError) {
            request = HTTPRequest(method: method, url: try HTTPURL(target), body: body)
        } catch {
            throw NotifyError(error.description, permanent: true)
        }
        if body != nil { request.headers.set("Content-Type", "application/json") }
        request.headers.set("Accept", "application/json")
        for (k, v) in headers.sorted(by: { $0.key < $1.key }) { request.headers.set(k, v) }
        request.authorization = try authorization()
        do throws(HTTPError) {
            return try await client.send(request, timeout: timeout, bodyLimit: Self.bodyLimit)
        } catch {
            // A request this client can never make (bad URL or header, TLS settings the
            // platform lacks) is not worth retrying.
            switch error.kind {
            case .invalidURL, .invalidRequest, .unsupported: throw NotifyError(error.description, permanent: true)
            default: throw NotifyError(error.description)
            }
        }
    }

    /// The `Authorization` to send, read now.
    func authorization() throws(NotifyError) -> HTTPAuthorization? {
        if let b = basicAuth {
            let password = try b.password.map { (s: SecretSource) throws(NotifyError) in try SecretText.read(s) } ?? ""
            return .basic(username: b.username, password: password)
        }
        if let t = bearerToken { return .bearer(try SecretText.read(t)) }
        return nil
    }

    /// Posts a JSON body from a delivery thread: 2xx delivered, 4xx (but 408 and 429) rejected
    /// for good, anything else retried.
    func postBlocking(url target: String, body: [UInt8]) -> DeliveryOutcome {
        let endpoint = self
        return BlockingAsync.run { () async -> DeliveryOutcome in
            do throws(NotifyError) {
                let response = try await endpoint.send(method: "POST", url: target, json: body)
                return HTTPEndpoint.outcome(response, endpoint: endpoint)
            } catch {
                return error.permanent ? .reject(error.description) : .retry(error.description)
            }
        }
    }

    static func outcome(_ r: HTTPResponse, endpoint: HTTPEndpoint) -> DeliveryOutcome {
        if (200..<300).contains(r.status) { return .delivered }
        var message = "POST \(endpoint.redactedURL): server returned HTTP status \(r.statusText)"
        let detail = String(decoding: r.body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if !detail.isEmpty { message += ": " + detail }
        if (400..<500).contains(r.status) && r.status != 408 && r.status != 429 { return .reject(message) }
        return .retry(message)
    }
}
