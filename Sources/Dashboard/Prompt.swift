/// A one-line input at the bottom of the screen: the `/` filter, the `:` command line, or the
/// duration of a silence. An error from the last Enter stays under it until the text changes.
public struct Prompt: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case filter
        case command
        case silence(alertID: String, name: String)
    }

    public static let maxLength = 1000

    public var kind: Kind
    public var text: String
    public var error: String?

    public init(kind: Kind, text: String = "", error: String? = nil) {
        self.kind = kind
        self.text = text
        self.error = error
    }

    /// What the prompt line starts with.
    public var lead: String {
        switch kind {
        case .filter: return "/"
        case .command: return ":"
        case .silence(_, let name): return "Silence \(TerminalSafe.line(name)) for: "
        }
    }
}
