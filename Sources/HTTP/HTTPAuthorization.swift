import Foundation

/// Credentials for the `Authorization` header, given as values (Prometheus's `basic_auth` and
/// `authorization`/`bearer_token`). Its description never shows the secret.
public enum HTTPAuthorization: Sendable, Equatable, CustomStringConvertible {
    case basic(username: String, password: String)
    case bearer(String)
    /// Another scheme, e.g. `.custom(type: "Token", credentials: "...")`.
    case custom(type: String, credentials: String)

    /// The header value, e.g. `Basic dXNlcjpwYXNz`.
    var headerValue: String {
        switch self {
        case .basic(let user, let password):
            return "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        case .bearer(let token):
            return "Bearer " + token
        case .custom(let type, let credentials):
            return type + " " + credentials
        }
    }

    public var description: String {
        switch self {
        case .basic(let user, _): return "basic(\(user), <secret>)"
        case .bearer: return "bearer(<secret>)"
        case .custom(let type, _): return "\(type)(<secret>)"
        }
    }
}
