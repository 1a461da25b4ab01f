import Foundation
import Glibc

/// A third-party server process on loopback (python3's http.server, prometheus-node-exporter, a python
/// TLS server) that the tests start and stop. `start` returns nil when the program is not installed,
/// so tests skip cleanly.
final class ExternalServer: @unchecked Sendable {
    // Only touched by the creating test (start, then stop); Process itself is thread-safe for terminate.
    let process: Process
    let port: Int

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// Runs `tool args` (with `{PORT}` replaced by a free port) and waits until the port accepts connections.
    static func start(_ tool: String, _ args: [String], directory: String? = nil) -> ExternalServer? {
        guard let path = which(tool) else { return nil }
        let port = closedPort()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args.map { $0.replacingOccurrences(of: "{PORT}", with: String(port)) }
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let server = ExternalServer(process: p, port: port)
        for _ in 0..<100 {
            if server.accepts() { return server }
            if !p.isRunning { return nil }
            usleep(50_000)
        }
        server.stop()
        return nil
    }

    /// Kills the process (SIGKILL: a SIGTERM may be ignored when inherited as ignored) and waits, bounded.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        for _ in 0..<200 where process.isRunning { usleep(10_000) }
    }

    deinit { stop() }

    private func accepts() -> Bool {
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

    static func which(_ tool: String) -> String? {
        if tool.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: tool) ? tool : nil }
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/bin:/usr/sbin:/bin"
        for dir in paths.split(separator: ":") {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() -> String {
        let dir = NSTemporaryDirectory() + "vigil-http-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
