/// Bounds the decoder enforces so a hostile or broken server cannot make us allocate without limit
/// or recurse deeply. Defaults suit queue monitoring with room to spare.
public struct RESPLimits: Sendable, Hashable {
    /// Largest bulk string accepted (Redis's own `proto-max-bulk-len` defaults to 512 MiB).
    public var maxBulkLength: Int
    /// Largest element count of one array.
    public var maxArrayLength: Int
    /// Deepest nesting of arrays (a top-level array is depth 1).
    public var maxDepth: Int
    /// Largest encoded size of one top-level reply, in bytes, counting every nested element.
    public var maxReplySize: Int
    /// Longest simple string, error or integer line.
    public var maxLineLength: Int

    public init(
        maxBulkLength: Int = 64 << 20,
        maxArrayLength: Int = 1 << 22,
        maxDepth: Int = 32,
        maxReplySize: Int = 256 << 20,
        maxLineLength: Int = 64 << 10
    ) {
        self.maxBulkLength = maxBulkLength
        self.maxArrayLength = maxArrayLength
        self.maxDepth = maxDepth
        self.maxReplySize = maxReplySize
        self.maxLineLength = maxLineLength
    }

    public static let `default` = RESPLimits()
}
