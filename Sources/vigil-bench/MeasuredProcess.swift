import Foundation
import Glibc

/// A long-running program under measurement: started with its output going to a log file, read
/// from /proc while it runs (CPU seconds from `/proc/PID/stat`, peak resident memory from
/// `/proc/PID/status`), and stopped with SIGTERM.
final class MeasuredProcess {
    let name: String
    let log: URL
    private let process = Process()

    init(name: String, executable: URL, arguments: [String], log: URL, directory: URL) throws {
        self.name = name
        self.log = log
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? handle.close()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// User + system CPU seconds of the process and of its reaped children.
    func cpuSeconds() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // Fields after the command name (which may hold spaces) start with field 3, the state.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 15 else { return nil }
        let ticks = (11...14).compactMap { Double(fields[$0]) }.reduce(0, +)  // utime stime cutime cstime
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Peak resident memory in bytes (`VmHWM`).
    func peakResidentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.split(separator: " ").compactMap { Int($0) }.first.map { $0 * 1024 }
        }
        return nil
    }

    /// SIGTERM, then SIGKILL if it has not ended within `grace`; waits for it either way.
    func stop(grace: Double = 10) {
        guard process.isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
    }

    /// The last `lines` lines of the log, for error messages.
    func logTail(_ lines: Int = 20) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }
}
