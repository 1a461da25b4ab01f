import Foundation
import Glibc

/// Runs Debian's `openssl s_server` on 127.0.0.1 for handshake tests: makes a CA and a server certificate
/// with the `openssl` command, serves `-www` for a bounded number of connections, and is stopped by
/// `stop()`. Tests skip (pass with a note) when /usr/bin/openssl is absent.
final class OpenSSLServer {
    static let binary = "/usr/bin/openssl"
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    let directory: URL
    let port: UInt16
    let caPEM: String
    private let process: Process

    /// `keyType` is "ec" (P-256) or "rsa"; `ciphersuite` an OpenSSL TLS 1.3 suite name.
    init(keyType: String, ciphersuite: String, connections: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-tls-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        directory = dir
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let keyArgs = keyType == "rsa" ? ["-newkey", "rsa:2048"] : ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"]
        let path = { (name: String) -> String in dir.appendingPathComponent(name).path }
        try Self.run(["req", "-x509", "-nodes"] + keyArgs + ["-keyout", path("ca.key"), "-out", path("ca.pem"), "-days", "30", "-subj", "/CN=Vigil Test CA"])
        try Self.run(["req", "-nodes"] + keyArgs + ["-keyout", path("leaf.key"), "-out", path("leaf.csr"), "-subj", "/CN=localhost"])
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
            .write(toFile: path("ext.cnf"), atomically: true, encoding: .utf8)
        try Self.run(["x509", "-req", "-in", path("leaf.csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"), "-CAcreateserial",
                      "-out", path("leaf.pem"), "-days", "30", "-extfile", path("ext.cnf")])
        caPEM = try String(contentsOfFile: path("ca.pem"), encoding: .utf8)
        var lastError: Error?
        for attempt in 0..<5 {
            let candidate = UInt16(20_000 + (Int(getpid()) * 7 + attempt * 1_009 + Int.random(in: 0..<20_000)) % 40_000)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Self.binary)
            p.arguments = ["s_server", "-accept", "127.0.0.1:\(candidate)", "-cert", path("leaf.pem"), "-key", path("leaf.key"),
                           "-tls1_3", "-ciphersuites", ciphersuite, "-www", "-naccept", "\(connections)", "-quiet"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            do {
                try p.run()
                if Self.waitForListener(port: candidate, process: p) {
                    process = p
                    port = candidate
                    return
                }
                // SIGKILL: a child of Foundation's Process inherits the test thread's blocked
                // signals, so SIGTERM may never arrive.
                if p.isRunning { kill(p.processIdentifier, SIGKILL) }
                p.waitUntilExit()
            } catch {
                lastError = error
            }
        }
        throw lastError ?? NSError(domain: "OpenSSLServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "s_server did not start"])
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    private static func run(_ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw NSError(domain: "OpenSSLServer", code: Int(p.terminationStatus), userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments[0]) failed"])
        }
    }

    /// Polls for the listening socket (up to 15 s) by checking /proc/net/tcp, without connecting (a probe
    /// connection would use up one of the server's accepts).
    private static func waitForListener(port: UInt16, process: Process) -> Bool {
        let needle = ":" + String(port, radix: 16, uppercase: true).leftPadded(to: 4) + " 00000000:0000 0A"
        for _ in 0..<300 {
            guard process.isRunning else { return false }
            // Read to the end: /proc files report size 0, and the table outgrows one page when a
            // test run leaves many sockets in TIME_WAIT.
            if let handle = FileHandle(forReadingAtPath: "/proc/net/tcp") {
                let table = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
                try? handle.close()
                if table.contains(needle) { return true }
            }
            usleep(50_000)
        }
        return false
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
