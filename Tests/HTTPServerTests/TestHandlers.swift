import Foundation
import HTTPServer

/// The routes the server tests call: echoes, sizes, slowness.
enum TestHandlers {
    static let routes: @Sendable (HTTPServerRequest) -> HTTPServerResponse = { r in
        switch r.path {
        case "/hello":
            return .text("hello\n")
        case "/echo":
            var response = HTTPServerResponse.bytes(r.body, contentType: "application/octet-stream")
            response.addHeader("X-Method", r.method)
            response.addHeader("X-Path", r.path)
            response.addHeader("X-Query", r.query)
            return response
        case "/form":
            return .text(r.formItems.map { "\($0.name)=\($0.value)" }.joined(separator: "\n"))
        case "/big":
            let size = Int(r.queryValue("size") ?? "") ?? 1 << 20
            return .bytes([UInt8](repeating: UInt8(ascii: "x"), count: size), contentType: "application/octet-stream")
        case "/slow":
            Thread.sleep(forTimeInterval: Double(r.queryValue("ms").flatMap(Int.init) ?? 300) / 1000)
            return .text("slow\n")
        case "/headers":
            return .text(r.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n"))
        case "/evil":
            return HTTPServerResponse(status: 200, headers: [("X-Evil", "a\r\nInjected: yes"), ("Bad Name", "v"),
                                                            ("Content-Length", "999")], body: Array("ok".utf8))
        case "/nocontent":
            return HTTPServerResponse(status: 204, body: Array("dropped".utf8))
        default:
            return .status(404)
        }
    }
}
