/// A compiled JSONPath expression, the subset Vigil supports (after RFC 9535):
///
/// - `$` the document, `@` the current element (in filters and in label expressions);
/// - `.name`, `['name with.dots']`, `["a", 'b']` members; `[0]`, `[-1]`, `[0, 2]` indices;
///   `[1:3]` slices; `.*` and `[*]` every member or element;
/// - `..name`, `..*`, `..[0]` recursive descent (the node and all its descendants);
/// - `[?(@.status == 'UP')]` filters with `==`, `!=`, `<`, `<=`, `>`, `>=`, `&&`, `||`, `!`,
///   parentheses, existence tests (`[?(@.name)]`), string, number, `true`, `false` and `null` literals.
///
/// Paths that can select more than one node (wildcards, descent, filters, unions, slices) are
/// "fan-out" paths: each selected node is an *element* that label expressions (`@.name`, `@key`)
/// read from.
public struct JSONPath: Sendable, Equatable, CustomStringConvertible {
    enum Root: Sendable, Equatable { case document, current }

    enum Selector: Sendable, Equatable {
        case name(String)
        case index(Int)
        case wildcard
        /// `['a', 'b']`, `[0, 2]`: several names or indices.
        case union([JSONKeySelector])
        case slice(start: Int?, end: Int?, step: Int?)
        case filter(JSONPathFilter)

        /// Whether the selector can select more than one node.
        var fansOut: Bool {
            switch self {
            case .name, .index: false
            case .wildcard, .union, .slice, .filter: true
            }
        }
    }

    enum Segment: Sendable, Equatable {
        case child(Selector)
        case descendant(Selector)
    }

    let root: Root
    let segments: [Segment]
    /// The expression as written.
    public let text: String

    /// Parses `text`; the error gives the column of the problem.
    public init(_ text: String) throws(JSONPathError) {
        self = try JSONPathParser.parse(text)
    }

    init(root: Root, segments: [Segment], text: String) {
        self.root = root
        self.segments = segments
        self.text = text
    }

    /// True when the path selects at most one node (no wildcard, descent, filter, union or slice).
    public var isDefinite: Bool {
        segments.allSatisfy { if case .child(let s) = $0 { !s.fansOut } else { false } }
    }

    public var description: String { text }
}

/// One member name or index of a union selector.
enum JSONKeySelector: Sendable, Equatable {
    case name(String)
    case index(Int)
}
