/// A parsed request line and header fields, with what the connection needs to know about the body
/// and about keep-alive.
struct RequestHead {
    enum Body: Equatable {
        case none
        case length(Int)
        case chunked
    }

    var method: String
    var target: String
    var minorVersion: Int
    var headers: [(name: String, value: String)]
    var body: Body
    /// Whether the connection may serve another request after this one.
    var keepAlive: Bool
    /// `Expect: 100-continue`: the client waits for an interim response before sending the body.
    var expectContinue: Bool

    var isHead: Bool { method == "HEAD" }
}

/// A request the server refuses: the status to answer with (then the connection closes).
struct RequestFailure: Error, Equatable {
    let status: Int
    let message: String

    init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }
}
