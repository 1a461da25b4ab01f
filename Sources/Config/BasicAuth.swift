/// HTTP basic authentication; the password is a secret reference, never plain text in memory dumps.
public struct BasicAuth: Hashable, Sendable {
    public var username: String
    public var password: SecretSource?
}
