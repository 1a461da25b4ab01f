/// A YAML mapping in document order; keys are nodes (with their own positions) because
/// diagnostics about a key, such as an unknown field, should point at the key itself.
public struct YAMLMapping: Hashable, Sendable {
    /// One key/value pair.
    public struct Entry: Hashable, Sendable {
        public var key: YAMLNode
        public var value: YAMLNode

        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    public var entries: [Entry]
    public var mark: Mark

    public init(entries: [Entry], mark: Mark) {
        self.entries = entries
        self.mark = mark
    }

    /// The entry whose key is the non-null scalar `key`.
    public func entry(_ key: String) -> Entry? {
        entries.first { if case .scalar(let s) = $0.key { s.string == key } else { false } }
    }

    /// The value for the scalar key `key`.
    public subscript(key: String) -> YAMLNode? { entry(key)?.value }
}
