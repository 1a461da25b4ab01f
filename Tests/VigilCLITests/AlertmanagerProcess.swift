import Foundation

/// Debian's real `prometheus-alertmanager` on a loopback port with clustering off and a receiver
/// that sends nothing, for end-to-end tests that check what Vigil delivered through its API.
final class AlertmanagerProcess {
    static let executable = "/usr/bin/prometheus-alertmanager"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    let port: Int
    private let process: Process

    /// Starts it with its config and data under `folder`.
    init(folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            route: {receiver: none, group_wait: 1s}
            receivers: [{name: none}]
            """.write(to: folder.appendingPathComponent("am.yml"), atomically: true, encoding: .utf8)
        port = Int.random(in: 40_000..<50_000)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["--config.file=\(folder.path)/am.yml", "--storage.path=\(folder.path)/data",
                             "--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address=", "--log.level=warn"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// The body of `GET path` once it contains `text` (polled for up to `seconds`), else the last body.
    func waitFor(_ path: String, containing text: String, seconds: Int = 10) -> String {
        var body = ""
        for _ in 0..<(seconds * 5) {
            body = (try? String(decoding: Data(contentsOf: URL(string: url + path)!), as: UTF8.self)) ?? ""
            if body.contains(text) { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return body
    }

    /// SIGKILL: a child of Foundation's Process inherits the test thread's blocked signals.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
