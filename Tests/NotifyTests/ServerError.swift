/// A test server that would not start.
struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
