/// A compact, redis-cli-like rendering of a reply for logs and test failures.
extension RESPValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .simpleString(let s): return s
        case .error(let e): return "(error) " + e
        case .integer(let i): return "(integer) \(i)"
        case .bulkString(let b): return "\"" + String(decoding: b, as: UTF8.self) + "\""
        case .array(let a): return "[" + a.map(\.description).joined(separator: ", ") + "]"
        case .null: return "(nil)"
        }
    }
}
