/// A value flowing through a template, modelled on the Go values Prometheus hands to
/// `text/template`, so that printing, truth and type errors follow Go's rules.
public enum TemplateValue: Sendable, Equatable {
    /// Go's invalid value (a nil interface or missing entry); prints as `<no value>`.
    case none
    case string(String)
    case int(Int)
    case float(Double)
    case bool(Bool)
    /// `map[string]string`, e.g. `$labels`; a missing key reads as "".
    case stringMap([String: String])
    /// `map[string]interface {}`, e.g. the result of `args`; a missing key reads as no value.
    case map([String: TemplateValue])
    /// A slice; `typeName` is the Go type shown in error messages.
    case array([TemplateValue], typeName: String)
    /// A Go struct (or pointer to one), e.g. the alert data or a query sample.
    case record(TemplateRecord)
    /// A `*time.Time`, as returned by `toTime`.
    case time(GoTime)

    /// A `[]interface {}` slice.
    public static func array(_ items: [TemplateValue]) -> TemplateValue {
        .array(items, typeName: "[]interface {}")
    }

    /// The Go type name used in error messages (`%T`).
    public var goTypeName: String {
        switch self {
        case .none: return "<nil>"
        case .string: return "string"
        case .int: return "int"
        case .float: return "float64"
        case .bool: return "bool"
        case .stringMap: return "map[string]string"
        case .map: return "map[string]interface {}"
        case .array(_, let typeName): return typeName
        case .record(let r): return r.typeName
        case .time: return "*time.Time"
        }
    }

    /// Go's `template.IsTrue`: the value is not the zero value of its type.
    public var isTrue: Bool {
        switch self {
        case .none: return false
        case .string(let s): return !s.isEmpty
        case .int(let i): return i != 0
        case .float(let f): return f != 0
        case .bool(let b): return b
        case .stringMap(let m): return !m.isEmpty
        case .map(let m): return !m.isEmpty
        case .array(let a, _): return !a.isEmpty
        case .record, .time: return true
        }
    }

    /// Whether Go's untyped `nil` can stand for this kind of value (pointer, map, slice).
    var isNilable: Bool {
        switch self {
        case .stringMap, .map, .array, .record, .time: return true
        default: return false
        }
    }
}
