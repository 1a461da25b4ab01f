/// A notification or silence failure in words fit for the UI and logs (no credentials).
public struct NotifyError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    /// True when repeating the same request cannot succeed (a 4xx answer, a malformed request).
    public var permanent: Bool

    public init(_ description: String, permanent: Bool = false) {
        self.description = description
        self.permanent = permanent
    }
}
