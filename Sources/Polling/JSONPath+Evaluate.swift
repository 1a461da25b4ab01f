/// One node a path selected, with the element label expressions read from: the node chosen by
/// the path's last fan-out step (`[*]`, `.*`, `..`, a filter, a union or slice), or, for a path
/// that never fans out, the parent of the selected value.
public struct JSONPathMatch: Sendable, Equatable {
    public var value: JSONValue
    /// What `@` means in a label expression for this match; nil for the document itself.
    public var element: JSONValue?
    /// The element's member name or index in its parent (`@key`).
    var key: JSONKey?
}

/// Caps the work one evaluation may do, so `$..*..*..*` over a large document fails with a clear
/// error instead of exhausting memory.
struct JSONPathBudget {
    var nodesLeft: Int

    init(maxNodes: Int = 1_000_000) { nodesLeft = maxNodes }

    mutating func spend(_ n: Int, _ path: JSONPath) throws(JSONPathError) {
        nodesLeft -= n
        if nodesLeft < 0 {
            throw JSONPathError(expression: path.text, column: 0, message: "selects too many nodes (the limit is 1000000 per evaluation)")
        }
    }
}

extension JSONPath {
    /// The nodes the path selects in `document`, in document order (object members by key).
    /// A path rooted at `@` starts at `current` (the document when nil).
    public func evaluate(_ document: JSONValue, current: JSONValue? = nil) throws(JSONPathError) -> [JSONPathMatch] {
        var budget = JSONPathBudget()
        return try select(document: document, current: current ?? document, budget: &budget)
    }

    func select(document: JSONValue, current: JSONValue, budget: inout JSONPathBudget) throws(JSONPathError) -> [JSONPathMatch] {
        var nodes = [Node(value: root == .document ? document : current, element: nil, key: nil, fanned: false)]
        for segment in segments {
            var next: [Node] = []
            switch segment {
            case .child(let s):
                for n in nodes { try apply(s, to: n, document: document, into: &next, budget: &budget) }
            case .descendant(let s):
                for n in nodes {
                    for d in try descendants(of: n, budget: &budget) {
                        try apply(s, to: d, document: document, into: &next, budget: &budget)
                    }
                }
            }
            nodes = next
            if nodes.isEmpty { break }
        }
        return nodes.map { JSONPathMatch(value: $0.value, element: $0.element, key: $0.key) }
    }

    /// A node on the way, with the element chosen so far.
    struct Node {
        var value: JSONValue
        var element: JSONValue?
        var key: JSONKey?
        var fanned: Bool

        /// A child reached by a name or an index: the element moves along until the path fans out.
        func child(_ v: JSONValue, _ k: JSONKey) -> Node {
            fanned ? Node(value: v, element: element, key: key, fanned: true) : Node(value: v, element: value, key: k, fanned: false)
        }

        /// A child reached by a fan-out step: it becomes the element.
        static func fanned(_ v: JSONValue, _ k: JSONKey?) -> Node { Node(value: v, element: v, key: k, fanned: true) }
    }

    private func apply(_ s: Selector, to n: Node, document: JSONValue, into out: inout [Node],
                       budget: inout JSONPathBudget) throws(JSONPathError) {
        switch s {
        case .name(let name):
            if case .object(let m) = n.value, let v = m[name] { out.append(n.child(v, .name(name))) }
        case .index(let i):
            if case .array(let a) = n.value, let j = Self.resolve(i, a.count) { out.append(n.child(a[j], .index(j))) }
        case .wildcard:
            let children = n.value.children
            try budget.spend(children.count, self)
            for c in children { out.append(.fanned(c.value, c.key)) }
        case .union(let keys):
            for k in keys {
                switch (k, n.value) {
                case (.name(let name), .object(let m)):
                    if let v = m[name] { out.append(.fanned(v, .name(name))) }
                case (.index(let i), .array(let a)):
                    if let j = Self.resolve(i, a.count) { out.append(.fanned(a[j], .index(j))) }
                default: break
                }
            }
        case .slice(let start, let end, let step):
            guard case .array(let a) = n.value else { return }
            let indices = Self.sliceIndices(count: a.count, start: start, end: end, step: step ?? 1)
            try budget.spend(indices.count, self)
            for j in indices { out.append(.fanned(a[j], .index(j))) }
        case .filter(let f):
            let children = n.value.children
            try budget.spend(children.count, self)
            for c in children where try f.matches(c.value, document: document, budget: &budget) {
                out.append(.fanned(c.value, c.key))
            }
        }
    }

    /// The node and every node below it, parents before children, each as its own element.
    private func descendants(of n: Node, budget: inout JSONPathBudget) throws(JSONPathError) -> [Node] {
        var out: [Node] = []
        var stack: [(JSONValue, JSONKey?)] = [(n.value, n.key)]
        while let (v, k) = stack.popLast() {
            try budget.spend(1, self)
            out.append(.fanned(v, k))
            for c in v.children.reversed() { stack.append((c.value, c.key)) }
        }
        return out
    }

    static func resolve(_ i: Int, _ count: Int) -> Int? {
        let j = i < 0 ? count + i : i
        return (0..<count).contains(j) ? j : nil
    }

    /// RFC 9535's slice bounds: negative positions count from the end, out-of-range ones clamp.
    static func sliceIndices(count: Int, start: Int?, end: Int?, step: Int) -> [Int] {
        func normalize(_ i: Int) -> Int { i >= 0 ? i : count + i }
        if step > 0 {
            let lo = min(max(normalize(start ?? 0), 0), count)
            let hi = min(max(normalize(end ?? count), 0), count)
            return lo < hi ? Array(stride(from: lo, to: hi, by: step)) : []
        }
        let hi = min(max(normalize(start ?? count - 1), -1), count - 1)
        let lo = min(max(end.map(normalize) ?? -1, -1), count - 1)
        return lo < hi ? Array(stride(from: hi, to: lo, by: step)) : []
    }
}
