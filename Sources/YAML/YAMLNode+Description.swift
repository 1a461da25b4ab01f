/// A compact flow-style rendering (`{a: [1, "x"]}`), positions left out, for tests and debugging.
extension YAMLNode: CustomStringConvertible {
    public var description: String {
        switch self {
        case .scalar(let s):
            switch s.kind {
            case .string: return Self.quoted(s.value)
            case .null: return "null"
            default: return s.value
            }
        case .sequence(let s):
            return "[" + s.items.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let m):
            return "{" + m.entries.map { "\($0.key.description): \($0.value.description)" }.joined(separator: ", ") + "}"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    out += "\\x" + (u.value < 0x10 ? "0" : "") + String(u.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
