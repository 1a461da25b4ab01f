/// Why the demo could not start: no loopback port, a file that could not be written, or (a bug)
/// a bundled file that does not validate.
public struct DemoError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
