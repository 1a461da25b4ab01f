/// A Go parameter type of a template function; the executor converts and checks arguments
/// against it exactly where Go's reflection-based `evalArg`/`validateType` would.
enum GoParam: Equatable {
    case any
    case string
    case float
    case int
    case bool
    case sample
    case queryResult

    var goName: String {
        switch self {
        case .any: return "interface {}"
        case .string: return "string"
        case .float: return "float64"
        case .int: return "int"
        case .bool: return "bool"
        case .sample: return QueryResultSample.goTypeName
        case .queryResult: return QueryResultSample.resultTypeName
        }
    }

    var canBeNil: Bool { self == .any || self == .sample || self == .queryResult }

    /// The value an untyped `nil` becomes for this parameter.
    var zero: TemplateValue {
        self == .queryResult ? .array([], typeName: QueryResultSample.resultTypeName) : .none
    }
}
