import Foundation

/// Builds and runs a peer program (another project's implementation, measured in the same run).
enum PeerProgram {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The repository root: `VIGIL_ROOT`, else derived from this source file's path at build time.
    static var repositoryRoot: URL {
        if let env = ProcessInfo.processInfo.environment["VIGIL_ROOT"] { return URL(fileURLWithPath: env) }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }

    /// Compiles a Go peer from `scripts/peers/NAME/main.go` against Debian's Go packages
    /// (`GO111MODULE=off GOPATH=/usr/share/gocode`) into a temporary folder.
    static func buildGo(_ name: String) throws -> URL {
        let source = repositoryRoot.appendingPathComponent("scripts/peers/\(name)/main.go")
        let outDir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("vigil-bench-peers")
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        let binary = outDir.appendingPathComponent(name)
        guard let go = which("go") else {
            throw Failure(description: "Go is not installed: apt-get install golang-go golang-github-prometheus-common-dev")
        }
        let r = try run(go, ["build", "-o", binary.path, source.path], env: [
            "GO111MODULE": "off", "GOPATH": "/usr/share/gocode",
            "GOCACHE": outDir.appendingPathComponent("gocache").path, "GOFLAGS": "",
        ])
        guard r.status == 0 else { throw Failure(description: "building the \(name) peer failed:\n\(r.output)") }
        return binary
    }

    static func which(_ tool: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":").map(String.init) + ["/usr/lib/go/bin"] {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(tool)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs a program to completion, returning its exit status and combined output.
    static func run(_ exe: URL, _ args: [String], env: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
