/// A password or token read from the config. It prints as `<secret>` everywhere (description,
/// debug description, reflection), so it cannot leak into logs, errors or dumps by accident.
public struct Secret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let storage: String

    public init(_ value: String) { storage = value }

    /// The secret's text, for the one place that must send it (an HTTP header, a socket).
    public func reveal() -> String { storage }

    public var description: String { "<secret>" }
    public var debugDescription: String { "<secret>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
