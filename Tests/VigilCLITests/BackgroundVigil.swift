import Foundation
import Synchronization

/// The real `vigil` binary running in the background (headless), with its standard error
/// collected as it arrives so a test can wait for a log line, then stop it with a signal.
final class BackgroundVigil: @unchecked Sendable {
    /// Output collected by the pipe handlers (Dispatch threads) and read by the test.
    private final class Text: Sendable {
        let value = Mutex("")
    }

    // `process` is only touched by the test's own thread after init.
    private let process: Process
    private let errText = Text()
    private let outText = Text()

    init(_ args: [String], env: [String: String] = [:], cwd: URL? = nil) throws {
        let p = Process()
        p.executableURL = VigilProcess.binary
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "VIGIL_CONFIG")
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        if let cwd { p.currentDirectoryURL = cwd }
        let err = Pipe(), out = Pipe()
        p.standardError = err
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        process = p
        err.fileHandleForReading.readabilityHandler = { [errText] h in
            let d = h.availableData
            errText.value.withLock { $0 += String(decoding: d, as: UTF8.self) }
        }
        out.fileHandleForReading.readabilityHandler = { [outText] h in
            let d = h.availableData
            outText.value.withLock { $0 += String(decoding: d, as: UTF8.self) }
        }
        try p.run()
    }

    var stderr: String { errText.value.withLock { $0 } }
    var pid: Int32 { process.processIdentifier }

    /// Waits (at most `seconds`) until standard error contains `text`.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 20) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if stderr.contains(text) { return true }
            if !process.isRunning { return stderr.contains(text) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// Sends `signal` and waits (at most 10 s, then SIGKILL) for the exit status.
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        let end = Date().addingTimeInterval(10)
        while process.isRunning && Date() < end { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -9
        }
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.1)
        return process.terminationStatus
    }
}

/// A folder served over HTTP on loopback by Python's `http.server`, for tests that need a real
/// scrape target whose content they change.
final class FileHTTPServer: Sendable {
    let port: Int
    let directory: URL
    private let process: Process

    init?() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return nil }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-www-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var chosen: (Int, Process)?
        for _ in 0..<5 {
            let port = Int.random(in: 20_000..<40_000)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            p.arguments = ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", directory.path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            if FileHTTPServer.waitListening(port: port) { chosen = (port, p); break }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
        }
        guard let (port, p) = chosen else { return nil }
        self.port = port
        process = p
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name), options: .atomic)
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    func stop() {
        // SIGKILL: a child of Foundation's Process inherits the spawning thread's blocked signals.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    private static func waitListening(port: Int) -> Bool {
        for _ in 0..<50 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = in_port_t(UInt16(port).bigEndian)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            let ok = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(fd)
            if ok { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }
}
