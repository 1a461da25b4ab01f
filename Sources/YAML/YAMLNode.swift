/// One node of a YAML document: a scalar, a sequence or an ordered mapping, each carrying the
/// position it was read from so later stages (config, rule files) can report `file:line:col`.
public enum YAMLNode: Hashable, Sendable {
    case scalar(YAMLScalar)
    case sequence(YAMLSequence)
    case mapping(YAMLMapping)

    /// Where the node starts in the input.
    public var mark: Mark {
        switch self {
        case .scalar(let s): s.mark
        case .sequence(let s): s.mark
        case .mapping(let m): m.mark
        }
    }

    /// The same node reported at another position (used for the root of an alias copy).
    func moved(to mark: Mark) -> YAMLNode {
        switch self {
        case .scalar(var s): s.mark = mark; return .scalar(s)
        case .sequence(var s): s.mark = mark; return .sequence(s)
        case .mapping(var m): m.mark = mark; return .mapping(m)
        }
    }
}
