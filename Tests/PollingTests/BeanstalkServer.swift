import Foundation
import Glibc

/// Debian's real `beanstalkd` on a free 127.0.0.1 port for one suite, killed afterwards.
final class BeanstalkServer: @unchecked Sendable {
    // @unchecked: `process` is only touched by the test that owns the server, sequentially.
    static let executable = BrokerTestSupport.executable(["/usr/bin/beanstalkd", "/usr/local/bin/beanstalkd"])

    let port: Int
    private var process: Process?

    init() throws {
        guard let executable = Self.executable else { throw BrokerServerError("beanstalkd is not installed") }
        var last = BrokerServerError("not started")
        for _ in 0..<5 {
            let port = BrokerTestSupport.freePort()
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = ["-l", "127.0.0.1", "-p", String(port)]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            for _ in 0..<50 where p.isRunning {
                if (try? BeanstalkTestClient(port: port)) != nil {
                    self.port = port
                    process = p
                    return
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            last = BrokerServerError("beanstalkd did not accept connections on port \(port)")
        }
        throw last
    }

    deinit { stop() }

    func stop() {
        guard let p = process else { return }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        process = nil
    }

    /// `beanstalkd -v`, e.g. `beanstalkd 1.12`.
    static func version() -> String {
        guard let executable else { return "absent" }
        let p = Process()
        let pipe = Pipe()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = ["-v"]
        p.standardOutput = pipe
        p.standardError = pipe
        guard (try? p.run()) != nil else { return "unknown" }
        p.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

struct BrokerServerError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
