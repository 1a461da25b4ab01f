import Foundation

/// Runs a program with an argument vector (no shell), capturing bounded stdout and stderr, and
/// kills its whole process group at the deadline so a hung script or its children never linger.
struct ChildProcess {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)
        case timeout(String)
        case outputLimit(String, Int)

        var description: String {
            switch self {
            case .spawn(let p, let e): return "cannot run \(p): \(String(cString: strerror(e)))"
            case .timeout(let p): return "\(p): timed out (killed)"
            case .outputLimit(let p, let n): return "\(p): output over the limit of \(n) bytes"
            }
        }
    }

    /// Runs `argv` to completion or the deadline. Blocking: call it off the cooperative pool.
    static func run(_ argv: [String], deadline: ContinuousClock.Instant, outputLimit: Int,
                    environment: [String: String]? = nil) throws(Failure) -> Result {
        let program = argv.first ?? ""
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw .spawn(program, errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in [outPipe[0], outPipe[1], errPipe[0], errPipe[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        // A clean signal state for the child: threads here block signals (Dispatch does) and a
        // headless run ignores SIGTERM/SIGINT/SIGHUP, and both would be inherited across exec.
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attr, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attr, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGQUIT, SIGCHLD] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let rc = withCStrings(argv) { args in
            withCStrings(env) { envp in posix_spawnp(&pid, program, &actions, &attr, args, envp) }
        }
        close(outPipe[1])
        close(errPipe[1])
        defer {
            close(outPipe[0])
            close(errPipe[0])
        }
        guard rc == 0 else { throw .spawn(program, rc) }
        var out: [UInt8] = [], err: [UInt8] = []
        var open = [true, true]
        var failure: Failure?
        var buf = [UInt8](repeating: 0, count: 65536)
        while open[0] || open[1] {
            let left = deadline - ContinuousClock.now
            if left <= .zero { failure = .timeout(program); break }
            var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
                       pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
            let ms = Int32(min(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000), 1000))
            let n = poll(&fds, 2, ms)
            if n < 0 && errno != EINTR { break }
            for i in 0..<2 where open[i] && fds[i].revents != 0 {
                let got = read(fds[i].fd, &buf, buf.count)
                if got <= 0 { open[i] = false; continue }
                if i == 0 { out.append(contentsOf: buf[0..<got]) } else if err.count < 4096 { err.append(contentsOf: buf[0..<min(got, 4096 - err.count)]) }
            }
            if out.count > outputLimit { failure = .outputLimit(program, outputLimit); break }
        }
        if failure != nil { kill(-pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if let failure { throw failure }
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exit, stdout: out, stderr: err)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var ptrs: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        ptrs.append(nil)
        defer { for p in ptrs { free(p) } }
        return body(ptrs)
    }
}
