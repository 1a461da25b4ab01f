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
