/// Go's template comparison functions (`eq`, `lt`, `le`) over basic kinds, with Go's rules
/// that ints and floats never compare with each other.
enum Comparison {
    enum Kind: Equatable {
        case bool, int, float, string, other
    }

    static func kind(_ v: TemplateValue) -> Kind {
        switch v {
        case .bool: return .bool
        case .int: return .int
        case .float: return .float
        case .string: return .string
        default: return .other
        }
    }

    static func eq(_ a: TemplateValue, _ others: [TemplateValue]) throws -> Bool {
        if others.isEmpty { throw FunctionError("missing argument for comparison") }
        let k1 = kind(a)
        for b in others {
            let k2 = kind(b)
            var truth = false
            if k1 != k2 {
                if a != .none && b != .none { throw FunctionError("incompatible types for comparison") }
            } else if k1 == .other {
                switch (a, b) {
                case (.none, _), (_, .none):
                    truth = a == b
                case (.stringMap, _), (.map, _), (.array, _):
                    throw FunctionError("non-comparable type \(GoFormat.sprint([a])): \(a.goTypeName)")
                default:
                    if a.goTypeName != b.goTypeName {
                        throw FunctionError("incompatible types for comparison")
                    }
                    truth = a == b
                }
            } else if case .string(let x) = a, case .string(let y) = b {
                truth = x.utf8.elementsEqual(y.utf8)
            } else {
                truth = a == b
            }
            if truth { return true }
        }
        return false
    }

    static func lt(_ a: TemplateValue, _ b: TemplateValue) throws -> Bool {
        let k1 = kind(a), k2 = kind(b)
        if k1 == .other || k2 == .other { throw FunctionError("invalid type for comparison") }
        if k1 != k2 { throw FunctionError("incompatible types for comparison") }
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.float(let x), .float(let y)): return x < y
        case (.string(let x), .string(let y)): return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
        default: throw FunctionError("invalid type for comparison")
        }
    }

    static func le(_ a: TemplateValue, _ b: TemplateValue) throws -> Bool {
        if try lt(a, b) { return true }
        return try eq(a, [b])
    }
}
