import Config
import HTTP

/// What an HTTP-based source sends besides its URL: headers, credentials, limits. Credentials
/// are resolved per request, so rotation needs no restart.
public struct HTTPSettings: Sendable {
    public var headers: [String: String] = [:]
    public var basicAuth: BasicAuth?
    public var bearerToken: SecretSource?
    /// 0 means no limit.
    public var bodySizeLimit = 0

    public init(headers: [String: String] = [:], basicAuth: BasicAuth? = nil, bearerToken: SecretSource? = nil,
                bodySizeLimit: Int = 0) {
        self.headers = headers
        self.basicAuth = basicAuth
        self.bearerToken = bearerToken
        self.bodySizeLimit = bodySizeLimit
    }

    init(_ source: SourceConfig) {
        self.init(headers: source.headers, basicAuth: source.basicAuth, bearerToken: source.bearerToken,
                  bodySizeLimit: Int(source.bodySizeLimit.bytes))
    }

    /// The request's `Authorization`, read now.
    func authorization() throws(PollError) -> HTTPAuthorization? {
        if let b = basicAuth {
            let password = try b.password.map { (s: SecretSource) throws(PollError) in try SecretReader.read(s) } ?? ""
            return .basic(username: b.username, password: password)
        }
        if let t = bearerToken { return .bearer(try SecretReader.read(t)) }
        return nil
    }

    func apply(to request: inout HTTPRequest) throws(PollError) {
        for (k, v) in headers.sorted(by: { $0.key < $1.key }) { request.headers.set(k, v) }
        request.authorization = try authorization()
    }
}
