import TimeSeries

/// A parsed JSON document as a plain Swift tree, so path evaluation and the Prometheus API reader
/// work on typed, `Sendable` values instead of `Any`. Booleans stay booleans (Foundation reports
/// them as `NSNumber`), and object members keep a stable order (sorted by key) for fan-out.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The members of an object sorted by key, or the elements of an array keyed by index.
    var children: [(key: JSONKey, value: JSONValue)] {
        switch self {
        case .array(let items): return items.enumerated().map { (.index($0.offset), $0.element) }
        case .object(let members): return members.keys.sorted().map { (.name($0), members[$0] ?? .null) }
        default: return []
        }
    }

    /// A short name of the value's type for messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value as a label value: strings as they are, numbers in Go's `%g`, booleans as
    /// `true`/`false`; nil for null, arrays and objects.
    var labelText: String? {
        switch self {
        case .string(let s): s
        case .number(let d): JSONValue.numberText(d)
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }

    /// Integers print without a fraction (`3`, not `3.0`); others as Go prints them.
    static func numberText(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return GoFloat.format(d)
    }
}

/// Where a value sits in its parent: an object member's name or an array index.
enum JSONKey: Sendable, Equatable, CustomStringConvertible {
    case name(String)
    case index(Int)

    var description: String {
        switch self {
        case .name(let s): s
        case .index(let i): String(i)
        }
    }
}
