/// The logical expression of a JSONPath filter selector (`[?(@.statistic == 'VALUE')]`),
/// evaluated for each child of the node being filtered.
indirect enum JSONPathFilter: Sendable, Equatable {
    enum Comparison: String, Sendable, Equatable { case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=" }

    enum Operand: Sendable, Equatable {
        case path(JSONPath)
        case literal(JSONValue)
    }

    case or(JSONPathFilter, JSONPathFilter)
    case and(JSONPathFilter, JSONPathFilter)
    case not(JSONPathFilter)
    /// True when the path selects at least one node.
    case exists(JSONPath)
    case compare(Operand, Comparison, Operand)

    /// Whether `current` (the child being tested) passes; `document` is what `$` refers to.
    func matches(_ current: JSONValue, document: JSONValue, budget: inout JSONPathBudget) throws(JSONPathError) -> Bool {
        switch self {
        case .or(let a, let b):
            if try a.matches(current, document: document, budget: &budget) { return true }
            return try b.matches(current, document: document, budget: &budget)
        case .and(let a, let b):
            if try !a.matches(current, document: document, budget: &budget) { return false }
            return try b.matches(current, document: document, budget: &budget)
        case .not(let a):
            return try !a.matches(current, document: document, budget: &budget)
        case .exists(let path):
            return try !path.select(document: document, current: current, budget: &budget).isEmpty
        case .compare(let l, let op, let r):
            // A path operand compares only when it selects exactly one node (RFC 9535): an absent
            // member never equals anything, so `@.x != 'a'` is false for an element without `x`.
            guard let a = try value(l, current, document, &budget), let b = try value(r, current, document, &budget) else {
                return false
            }
            return Self.compare(a, op, b)
        }
    }

    private func value(_ o: Operand, _ current: JSONValue, _ document: JSONValue,
                       _ budget: inout JSONPathBudget) throws(JSONPathError) -> JSONValue? {
        switch o {
        case .literal(let v): return v
        case .path(let p):
            let nodes = try p.select(document: document, current: current, budget: &budget)
            return nodes.count == 1 ? nodes[0].value : nil
        }
    }

    static func compare(_ a: JSONValue, _ op: Comparison, _ b: JSONValue) -> Bool {
        switch op {
        case .eq: return a == b
        case .ne: return a != b
        case .lt, .le, .gt, .ge:
            switch (a, b) {
            case (.number(let x), .number(let y)): return order(x < y, x == y, op)
            case (.string(let x), .string(let y)): return order(x < y, x == y, op)
            default: return false
            }
        }
    }

    private static func order(_ less: Bool, _ equal: Bool, _ op: Comparison) -> Bool {
        switch op {
        case .lt: less
        case .le: less || equal
        case .gt: !less && !equal
        case .ge: !less
        case .eq, .ne: false
        }
    }
}
