/// One row of the key table: the keys, how they are written, what they do and where. The same
/// list drives key handling, the `?` help overlay and the hint bar, so they cannot disagree.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    /// How the keys are shown, e.g. `+ -` or `1-9`.
    public var label: String
    public var description: String
    public var context: KeyContext
    public var command: Command
    /// Short text for the hint bar; nil keeps the binding out of it.
    public var hint: String?

    public init(_ keys: [Key], label: String? = nil, _ description: String, context: KeyContext, command: Command,
                hint: String? = nil) {
        self.keys = keys
        self.label = label ?? keys.map(\.description).joined(separator: " ")
        self.description = description
        self.context = context
        self.command = command
        self.hint = hint
    }
}
