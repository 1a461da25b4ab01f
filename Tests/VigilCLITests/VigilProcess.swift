import Foundation

/// Runs the real `vigil` binary built beside the tests, capturing its output and exit code.
struct VigilProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The package root, found from this file's path.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The conformance data folder beside the repository, or nil when absent.
    static var conformance: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static let binary: URL = {
        if let env = ProcessInfo.processInfo.environment["VIGIL_BIN"] { return URL(fileURLWithPath: env) }
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [besideTests, besideTests.deletingLastPathComponent(),
                    packageRoot.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("vigil")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/vigil")
    }()

    /// Runs the binary to completion. Spawned with `posix_spawn` and reaped with `waitpid` on its own
    /// pid: Foundation's `Process` could miss the exit of a child that ends at once (a test then hung
    /// on a zombie `vigil check` forever).
    static func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:], cwd: URL? = nil) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "VIGIL_CONFIG")
        for (k, v) in env { environment[k] = v }

        var input: [Int32] = [0, 0], output: [Int32] = [0, 0], errors: [Int32] = [0, 0]
        guard makePipe(&input, O_CLOEXEC) == 0 else { throw CocoaError(.executableLoad) }
        guard makePipe(&output, O_CLOEXEC) == 0 else { closeAll(input); throw CocoaError(.executableLoad) }
        guard makePipe(&errors, O_CLOEXEC) == 0 else { closeAll(input + output); throw CocoaError(.executableLoad) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        if let cwd { _ = spawnAddChdir(&actions, cwd.path) }
        let argv = [binary.path] + args
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cenv: [UnsafeMutablePointer<CChar>?] = envp.map { strdup($0) } + [nil]
        defer {
            for p in cargs { free(p) }
            for p in cenv { free(p) }
        }
        var pid: pid_t = 0
        // The calling test thread may block signals (Swift Testing's and Dispatch's workers do); a
        // child inherits that mask, and a tmux server blocking SIGCHLD never finished kill-server
        // (the server outlived the test). The child starts with no signal blocked, defaults restored.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let rc = posix_spawn(&pid, binary.path, &actions, &attributes, &cargs, &cenv)
        close(input[0])
        close(output[1])
        close(errors[1])
        guard rc == 0 else {
            closeAll([input[1], output[0], errors[0]])
            throw CocoaError(.executableLoad)
        }
        // Standard input is written on its own thread, so a child that talks before it has read
        // everything cannot stall against us; both outputs are drained together.
        let writer = Thread { [input] in
            if let stdin { Array(stdin.utf8).withUnsafeBytes { writeAll(input[1], $0) } }
            close(input[1])
        }
        writer.start()
        let (out, err) = drain(output[0], errors[0])
        close(output[0])
        close(errors[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return Result(status: code, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    private static func closeAll(_ fds: [Int32]) { for fd in fds { close(fd) } }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, base + offset, bytes.count - offset)
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }
        }
    }

    /// Reads both pipes until both reach end of file.
    private static func drain(_ a: Int32, _ b: Int32) -> ([UInt8], [UInt8]) {
        var outputs: [[UInt8]] = [[], []]
        var open = [true, true]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open[0] || open[1] {
            var fds = [pollfd(fd: open[0] ? a : -1, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: open[1] ? b : -1, events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 2, -1) >= 0 || errno == EINTR else { break }
            for i in 0..<2 where open[i] && fds[i].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                if n > 0 { outputs[i] += buffer[0..<n] } else if n == 0 || errno != EINTR { open[i] = false }
            }
        }
        return (outputs[0], outputs[1])
    }
}

@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func spawnAddChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>) -> Int32

/// glibc's `pipe2` (GNU, so not imported): the pipe is close-on-exec from the start, so a child
/// another test spawns at the same moment cannot inherit it and hold it open.
@_silgen_name("pipe2")
private func makePipe(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
