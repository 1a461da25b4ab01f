/// Convenience accessors so callers can walk a document without a `switch` at every step.
extension YAMLNode {
    public var scalar: YAMLScalar? { if case .scalar(let s) = self { s } else { nil } }
    public var sequence: YAMLSequence? { if case .sequence(let s) = self { s } else { nil } }
    public var mapping: YAMLMapping? { if case .mapping(let m) = self { m } else { nil } }

    /// The value for scalar key `key` when this node is a mapping.
    public subscript(key: String) -> YAMLNode? { mapping?[key] }

    /// The item at `index` when this node is a sequence and the index is in range.
    public subscript(index: Int) -> YAMLNode? {
        guard let items = sequence?.items, items.indices.contains(index) else { return nil }
        return items[index]
    }

    public var string: String? { scalar?.string }
    public var int: Int? { scalar?.int }
    public var double: Double? { scalar?.double }
    public var bool: Bool? { scalar?.bool }
    public var isNull: Bool { scalar?.isNull ?? false }

    /// A short name of the node's type for messages: "mapping", "sequence", "string", "int"...
    public var kindName: String {
        switch self {
        case .scalar(let s): s.kind.rawValue
        case .sequence: "sequence"
        case .mapping: "mapping"
        }
    }
}
