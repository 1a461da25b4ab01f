/// A YAML sequence (block `- x` or flow `[x]`) with its position.
public struct YAMLSequence: Hashable, Sendable {
    public var items: [YAMLNode]
    public var mark: Mark

    public init(items: [YAMLNode], mark: Mark) {
        self.items = items
        self.mark = mark
    }
}
