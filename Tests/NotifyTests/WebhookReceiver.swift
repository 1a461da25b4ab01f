import Foundation
import Glibc
import Synchronization

/// A loopback HTTP receiver run by Debian's python3 (`http.server`), recording every POST
/// (path, headers, body, the status it answered) as a JSON line; the first answers can be
/// scripted (e.g. `[503, 503]`), then it answers 200.
final class WebhookReceiver: Sendable {
    static let python = "/usr/bin/python3"
    static var installed: Bool { FileManager.default.isExecutableFile(atPath: python) }

    struct Request: Sendable {
        var path: String
        var code: Int
        var headers: [String: String]
        var body: String

        var json: Any? { TestSupport.json(body) }
    }

    static let script = """
        import http.server, json, sys, threading
        port, out = int(sys.argv[1]), sys.argv[2]
        codes = [int(x) for x in sys.argv[3].split(',') if x]
        lock = threading.Lock()
        count = [0]
        class H(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get('Content-Length', '0')))
                with lock:
                    i = count[0]
                    count[0] += 1
                    code = codes[i] if i < len(codes) else 200
                    rec = {'path': self.path, 'code': code, 'body': body.decode('utf-8'),
                           'headers': {k.lower(): v for k, v in self.headers.items()}}
                    with open(out, 'a') as f:
                        f.write(json.dumps(rec) + '\\n')
                self.send_response(code)
                self.send_header('Content-Length', '0')
                self.end_headers()
            def log_message(self, *a):
                pass
        http.server.ThreadingHTTPServer(('127.0.0.1', port), H).serve_forever()
        """

    let port: Int
    let folder: String
    private let process: Process

    init(codes: [Int] = []) async throws {
        folder = TestSupport.temporaryDirectory("hook")
        try Self.script.write(toFile: folder + "/recv.py", atomically: true, encoding: .utf8)
        var lastError = "not started"
        for _ in 0..<3 {
            let port = TestSupport.freePort()
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Self.python)
            p.arguments = [folder + "/recv.py", String(port), folder + "/requests.jsonl", codes.map(String.init).joined(separator: ",")]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            if await TestSupport.eventually(timeout: .seconds(10), { !p.isRunning || Self.accepts(port) }), p.isRunning {
                self.port = port
                process = p
                return
            }
            kill(p.processIdentifier, SIGKILL)
            lastError = "python3 http.server did not start on port \(port)"
        }
        throw ServerError(lastError)
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        try? FileManager.default.removeItem(atPath: folder)
    }

    var url: String { "http://127.0.0.1:\(port)" }

    var requests: [Request] {
        guard let data = FileManager.default.contents(atPath: folder + "/requests.jsonl") else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let o = TestSupport.json(String(line)) as? [String: Any] else { return nil }
            return Request(path: o["path"] as? String ?? "", code: o["code"] as? Int ?? 0,
                           headers: o["headers"] as? [String: String] ?? [:], body: o["body"] as? String ?? "")
        }
    }

    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
