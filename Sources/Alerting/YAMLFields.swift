import YAML

/// Decodes YAML nodes into typed fields the way Go's YAML decoders do for Prometheus's
/// structs (strings from any scalar, `cannot unmarshal !!seq into string` otherwise), collecting
/// every problem with its position instead of stopping at the first.
struct YAMLFields {
    let file: String
    var errors: [RuleDiagnostic] = []

    init(file: String) { self.file = file }

    mutating func fail(_ mark: Mark, _ message: String) {
        errors.append(RuleDiagnostic(file: file, line: mark.line, column: mark.column, message: message))
    }

    /// The YAML tag Go's decoder names in messages.
    static func tag(_ node: YAMLNode) -> String {
        switch node {
        case .sequence: return "!!seq"
        case .mapping: return "!!map"
        case .scalar(let s):
            switch s.kind {
            case .null: return "!!null"
            case .bool: return "!!bool"
            case .int: return "!!int"
            case .float: return "!!float"
            case .string: return "!!str"
            }
        }
    }

    private mutating func mismatch(_ node: YAMLNode, _ goType: String) {
        if case .scalar(let s) = node {
            fail(node.mark, "cannot unmarshal \(YAMLFields.tag(node)) `\(s.value)` into \(goType)")
        } else {
            fail(node.mark, "cannot unmarshal \(YAMLFields.tag(node)) into \(goType)")
        }
    }

    /// A string field: any non-null scalar's text; null is "".
    mutating func string(_ node: YAMLNode) -> String {
        guard case .scalar(let s) = node else {
            mismatch(node, "string")
            return ""
        }
        return s.string ?? ""
    }

    /// An int field: ints, and floats with their fraction dropped, as yaml.v3 allows.
    mutating func int(_ node: YAMLNode) -> Int {
        if node.isNull { return 0 }
        if let i = node.int { return i }
        if case .scalar(let s) = node, s.kind == .float, let d = s.double, d.isFinite, abs(d) < 9.2e18 { return Int(d) }
        mismatch(node, "int")
        return 0
    }

    /// A bool field.
    mutating func bool(_ node: YAMLNode) -> Bool {
        if node.isNull { return false }
        if let b = node.bool { return b }
        mismatch(node, "bool")
        return false
    }

    /// A `model.Duration` field: the scalar's text through `model.ParseDuration`; null is 0.
    mutating func duration(_ node: YAMLNode) -> Int64? {
        if node.isNull { return nil }
        guard case .scalar(let s) = node else {
            mismatch(node, "string")
            return nil
        }
        do {
            return try RuleDuration.parse(s.value)
        } catch {
            fail(node.mark, error.description)
            return nil
        }
    }

    /// A `map[string]string` field, in document order with each key's position.
    mutating func stringMap(_ node: YAMLNode) -> [(key: String, value: String, mark: Mark)] {
        if node.isNull { return [] }
        guard case .mapping(let m) = node else {
            mismatch(node, "map[string]string")
            return []
        }
        var out: [(key: String, value: String, mark: Mark)] = []
        for e in m.entries {
            let k = string(e.key)
            let v = string(e.value)
            out.append((k, v, e.key.mark))
        }
        return out
    }

    /// A sequence field's items; null is empty.
    mutating func items(_ node: YAMLNode, _ goType: String) -> [YAMLNode] {
        if node.isNull { return [] }
        guard case .sequence(let s) = node else {
            mismatch(node, goType)
            return []
        }
        return s.items
    }

    /// A struct's fields: the mapping's entries by key, with unknown keys reported as Go's
    /// strict decoders report them (`field x not found in type T`) unless ignored.
    mutating func fields(_ node: YAMLNode, known: Set<String>, goType: String, ignoreUnknown: Bool) -> [String: YAMLNode] {
        if node.isNull { return [:] }
        guard case .mapping(let m) = node else {
            mismatch(node, goType)
            return [:]
        }
        var out: [String: YAMLNode] = [:]
        for e in m.entries {
            let key = e.key.string ?? ""
            if known.contains(key) {
                out[key] = e.value
            } else if !ignoreUnknown {
                fail(e.key.mark, "field \(key) not found in type \(goType)")
            }
        }
        return out
    }
}
