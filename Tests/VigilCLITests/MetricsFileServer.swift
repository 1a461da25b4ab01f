import Foundation

/// Python's `http.server` serving one folder on a free loopback port: a real HTTP target whose
/// metrics a test changes by rewriting a file.
final class MetricsFileServer {
    let port: Int
    let directory: URL
    private let process: Process

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") }

    /// Starts serving `directory`; nil when python3 is missing or the server did not come up.
    static func start(directory: URL) throws -> MetricsFileServer? {
        guard available else { return nil }
        let portFile = directory.appendingPathComponent(".port")
        let script = """
            import functools, http.server, sys
            handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
            handler.log_message = lambda *a: None
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            open(sys.argv[2], "w").write(str(server.server_address[1]))
            server.serve_forever()
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", script, directory.path, portFile.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        for _ in 0..<100 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) {
                return MetricsFileServer(port: port, directory: directory, process: p)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        return nil
    }

    private init(port: Int, directory: URL, process: Process) {
        self.port = port
        self.directory = directory
        self.process = process
    }

    /// Serves a new temporary folder (removed again by `stop()` with `removeFolder`).
    static func startInTemporaryFolder() throws -> MetricsFileServer? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-www-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        guard let server = try start(directory: dir) else {
            try? FileManager.default.removeItem(at: dir)
            return nil
        }
        return server
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Replaces a served file in one rename, so a request never sees half of it.
    func write(_ name: String, _ text: String) throws {
        let tmp = directory.appendingPathComponent(".\(name).tmp")
        try text.write(to: tmp, atomically: false, encoding: .utf8)
        _ = rename(tmp.path, directory.appendingPathComponent(name).path)
    }

    /// SIGKILL: the test runner's threads block SIGTERM and children inherit the mask.
    func stop(removeFolder: Bool = false) {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        if removeFolder { try? FileManager.default.removeItem(at: directory) }
    }
}
