import Foundation
import Glibc
@testable import Notify
import Synchronization
import TimeSeries

/// Small helpers shared by the Notify tests: temporary folders, free ports, polling waits that
/// never block Swift's cooperative pool, and alert values.
enum TestSupport {
    static func temporaryDirectory(_ tag: String = "notify") -> String {
        let dir = NSTemporaryDirectory() + "vigil-\(tag)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A loopback TCP port nothing listens on right now.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
        }
        _ = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// Polls `condition` every 50 ms until it holds or `timeout` passes.
    static func eventually(timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async rethrows -> Bool {
        let limit = ContinuousClock.now + timeout
        while ContinuousClock.now < limit {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    static var nowMs: Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    static func alert(_ name: String, _ labels: [String: String] = [:], annotations: [String: String] = [:],
                      status: OutgoingAlert.Status = .firing, startsAt: Int64, endsAt: Int64?, sentAt: Int64? = nil,
                      value: Double = 1, generatorURL: String = "") -> OutgoingAlert {
        var pairs = labels.map { Label($0.key, $0.value) }
        pairs.append(Label("alertname", name))
        return OutgoingAlert(labels: Labels(pairs), annotations: annotations.map { Label($0.key, $0.value) },
                             startsAt: startsAt, endsAt: endsAt, generatorURL: generatorURL, status: status,
                             value: value, sentAt: sentAt ?? startsAt)
    }

    /// Runs a program to completion on a thread of its own; its exit status and standard output.
    static func run(_ path: String, _ args: [String]) async -> (status: Int32, output: String) {
        await withCheckedContinuation { (c: CheckedContinuation<(status: Int32, output: String), Never>) in
            let thread = Thread {
                let p = Process()
                let pipe = Pipe()
                p.executableURL = URL(fileURLWithPath: path)
                p.arguments = args
                p.standardOutput = pipe
                p.standardError = FileHandle.nullDevice
                do { try p.run() } catch {
                    c.resume(returning: (-1, "\(error)"))
                    return
                }
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
                c.resume(returning: (p.terminationStatus, String(decoding: data, as: UTF8.self)))
            }
            thread.start()
        }
    }

    /// Runs a blocking call (a notifier's `deliver`) on a thread of its own: blocking Swift's
    /// cooperative pool would starve the tasks that HTTP deliveries wait for.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (c: CheckedContinuation<T, Never>) in
            let thread = Thread { c.resume(returning: work()) }
            thread.start()
        }
    }

    /// Reads a JSON file or text as objects.
    static func json(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}
