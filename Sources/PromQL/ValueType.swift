/// The four PromQL value types, used for type checking and error messages.
public enum ValueType: String, Sendable, Equatable {
    case scalar = "scalar"
    case vector = "instant vector"
    case matrix = "range vector"
    case string = "string"
}
