/// Bounds that keep hostile input from exhausting memory or the stack: how deep collections
/// may nest and how many nodes aliases may produce in total ("billion laughs").
public struct YAMLLimits: Hashable, Sendable {
    public var maxDepth: Int
    public var maxAliasNodes: Int

    public init(maxDepth: Int = 512, maxAliasNodes: Int = 100_000) {
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
    }

    public static let `default` = YAMLLimits()
}
