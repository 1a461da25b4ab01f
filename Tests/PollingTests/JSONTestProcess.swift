import Foundation
import Glibc

/// A real server process on loopback for the JSON and Prometheus API tests (python3's
/// http.server, Debian's prometheus and prometheus-node-exporter): started on a free port,
/// waited for until it accepts connections (bounded), killed at the end. `start` returns nil
/// when the program is not installed, so a test can skip with a note.
final class JSONTestProcess: @unchecked Sendable {
    // Only the creating test touches it (start, then stop); Process is safe to terminate from there.
    let process: Process
    let port: Int

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// Runs `tool args` with `{PORT}` replaced by a free port; waits up to 10 s for the port.
    static func start(_ tool: String, _ args: [String], directory: String? = nil, port: Int? = nil) -> JSONTestProcess? {
        guard let path = which(tool) else { return nil }
        let port = port ?? freePort()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args.map { $0.replacingOccurrences(of: "{PORT}", with: String(port)) }
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let server = JSONTestProcess(process: p, port: port)
        for _ in 0..<200 {
            if accepts(port) { return server }
            if !p.isRunning { return nil }
            usleep(50_000)
        }
        server.stop()
        return nil
    }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        for _ in 0..<200 where process.isRunning { usleep(10_000) }
    }

    deinit { stop() }

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

    /// A port the kernel just handed out and released.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        _ = withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    static func which(_ tool: String) -> String? {
        if tool.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: tool) ? tool : nil }
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/local/bin:/usr/bin:/usr/sbin:/bin"
        for dir in paths.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(tool)") {
            return "\(dir)/\(tool)"
        }
        return nil
    }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ tag: String) -> String {
        let dir = NSTemporaryDirectory() + "vigil-\(tag)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes `text` at `dir/relative`, creating folders.
    static func write(_ text: String, to relative: String, in dir: String) {
        let path = dir + "/" + relative
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }
}
