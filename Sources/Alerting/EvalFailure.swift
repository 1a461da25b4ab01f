/// A rule evaluation error with Prometheus's message.
struct EvalFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
